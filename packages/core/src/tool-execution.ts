// Runs one step's function calls: concurrently up to a bound, `sequential` tools alone, each with
// its own deadline and the run's abort signal. Failures become `{error: ...}` responses for the
// model (invariant 5), never exceptions; only the run's abort stops the step.
import type { FunctionCall, FunctionResponse, Part } from "@signet/provider";
import {
  type AnyTool,
  errorToResponse,
  invalidArgumentsResponse,
  resultToResponse,
  type ToolContext,
} from "@signet/tools";
import type { Logger } from "pino";
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

export interface ExecuteOptions {
  concurrency: number;
  defaultTimeoutMs: number;
  signal: AbortSignal | undefined;
  logger: Logger;
  /** Called before a tool starts (not for calls that failed preparation). */
  onStart?: (call: PreparedCall & { ok: true }) => void | Promise<void>;
  /** Called as each call settles, in completion order: record it so a resume never re-runs it. */
  onSettled?: (call: PreparedCall, outcome: CallOutcome) => void | Promise<void>;
}

class AbortedDuringTools extends Error {
  constructor(readonly reason: unknown) {
    super("aborted");
  }
}

/**
 * Runs the calls and resolves with their outcomes in call order. Rejects with the abort reason
 * if the run's signal fires; outcomes settled before that were already reported through `onSettled`.
 */
export async function executeCalls(
  calls: readonly PreparedCall[],
  options: ExecuteOptions,
): Promise<CallOutcome[]> {
  const outcomes: CallOutcome[] = new Array(calls.length);
  const signal = options.signal;
  signal?.throwIfAborted();
  const concurrency = Math.max(1, options.concurrency);
  let abortReject: ((error: AbortedDuringTools) => void) | undefined;
  const aborted = new Promise<never>((_, rejectAbort) => {
    abortReject = rejectAbort;
  });
  aborted.catch(() => {});
  const onAbort = () => abortReject?.(new AbortedDuringTools(signal?.reason));
  signal?.addEventListener("abort", onAbort, { once: true });

  const running = new Set<Promise<void>>();
  const start = (index: number): Promise<void> => {
    const call = calls[index]!;
    const task = (async () => {
      const outcome = call.ok ? await runOne(call, options) : errorOutcome(call.error);
      // A call cut short by the run's abort has no outcome: a resume runs it again.
      if (signal?.aborted) return;
      outcomes[index] = outcome;
      await options.onSettled?.(call, outcome);
    })();
    const tracked = task.finally(() => running.delete(tracked));
    running.add(tracked);
    return tracked;
  };
  const race = (promises: Promise<unknown>[]) => Promise.race([aborted, ...promises]);

  try {
    for (let i = 0; i < calls.length; i++) {
      const call = calls[i]!;
      const alone = call.ok && call.tool.sequential === true;
      if (alone) {
        while (running.size) await race([...running]);
        await race([start(i)]);
        continue;
      }
      while (running.size >= concurrency) await race([...running]);
      start(i);
    }
    while (running.size) await race([...running]);
  } catch (error) {
    if (error instanceof AbortedDuringTools) throw error.reason ?? signal?.reason;
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  return outcomes;
}

const TIMEOUT: unique symbol = Symbol("timeout");

/** What a tool receives. Its child logger is made on first use: most tools never log. */
class CallContext implements ToolContext {
  #logger: Logger | undefined;
  constructor(
    readonly signal: AbortSignal,
    readonly callId: string,
    private readonly toolName: string,
    private readonly parentLogger: Logger,
  ) {}

  get logger(): Logger {
    this.#logger ??= this.parentLogger.child({ tool: this.toolName, callId: this.callId });
    return this.#logger;
  }
}

async function runOne(call: PreparedCall & { ok: true }, options: ExecuteOptions): Promise<CallOutcome> {
  await options.onStart?.(call);
  const { tool } = call;
  const timeoutMs = tool.timeoutMs ?? options.defaultTimeoutMs;
  const controller = new AbortController();
  const runSignal = options.signal;
  const forward = () => controller.abort(runSignal?.reason);
  runSignal?.addEventListener("abort", forward, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), timeoutMs);
  });
  const started = performance.now();
  try {
    const context = new CallContext(controller.signal, call.callId, tool.name, options.logger);
    const result = await Promise.race([
      Promise.resolve().then(() => tool.execute(call.args, context)),
      timedOut,
    ]);
    const durationMs = performance.now() - started;
    if (result === TIMEOUT) {
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      return errorOutcome(
        { kind: "timeout", message: `The tool "${tool.name}" did not finish within ${timeoutMs} ms.` },
        durationMs,
      );
    }
    const response = resultToResponse(result);
    // A result JSON cannot carry goes back as an error; the tool did run, so it is not run again.
    if (!response.ok) return errorOutcome(response.response.error, durationMs);
    return { ok: true, result, durationMs, response: response.response };
  } catch (error) {
    return errorOutcome(errorToResponse(error).error, performance.now() - started);
  } finally {
    clearTimeout(timer);
    runSignal?.removeEventListener("abort", forward);
  }
}

/** The user turn answering a model turn: one `functionResponse` per call, in call order, ids echoed. */
export function responseParts(calls: readonly FunctionCall[], outcomes: readonly CallOutcome[]): Part[] {
  const parts: Part[] = new Array(calls.length);
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    const functionResponse: FunctionResponse =
      call.id === undefined
        ? { name: call.name, response: outcomes[i]!.response }
        : { id: call.id, name: call.name, response: outcomes[i]!.response };
    parts[i] = { functionResponse };
  }
  return parts;
}
