// Before a call runs: find its tool and validate the model's arguments. What fails here goes back
// to the model as an error response (invariant 5); the tool never runs.
import type { FunctionCall } from "@signet/provider";
import { type AnyTool, invalidArgumentsResponse } from "@signet/tools";
import type { CallOutcome } from "./run-state.js";
import type { ToolErrorInfo } from "./step-record.js";

/** A call whose arguments were checked: ready to run, or already failed. */
export type PreparedCall =
  | { ok: true; callId: string; call: FunctionCall; tool: AnyTool; args: unknown }
  | { ok: false; callId: string; call: FunctionCall; error: ToolErrorInfo };

/** Finds the tool and validates the raw arguments; an unknown tool or bad arguments become an error. */
export function prepareCall(
  callId: string,
  call: FunctionCall,
  tools: ReadonlyMap<string, AnyTool>,
): PreparedCall {
  const tool = tools.get(call.name);
  if (!tool) {
    const names = [...tools.keys()];
    return {
      ok: false,
      callId,
      call,
      error: {
        kind: "unknown_tool",
        message: `There is no tool named "${call.name}". Available tools: ${names.length ? names.join(", ") : "none"}.`,
      },
    };
  }
  const parsed = tool.parseArgs(call.args);
  if (!parsed.ok) {
    return { ok: false, callId, call, error: invalidArgumentsResponse(call.name, parsed.issues).error };
  }
  return { ok: true, callId, call, tool, args: parsed.args };
}

export function errorOutcome(error: ToolErrorInfo, durationMs = 0): CallOutcome {
  return { ok: false, error, durationMs, response: { error } };
}
