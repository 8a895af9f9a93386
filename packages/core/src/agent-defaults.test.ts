// The documented defaults, with agents that set neither option: maxSteps 10 and a re-ask budget of
// 2. The emulator's script holds exactly the turns the default allows and refuses a request past it
// (`whenScriptEmpty: "error"`), so a larger default fails as loudly as a smaller one.
import type { Content } from "@signet/provider";
import type { PartsTurn } from "@signet/testing";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import { MaxStepsError, ModelRecoveryError } from "./errors.js";
import { emulated, G3 } from "./test-support/emulated.js";
import { testTool } from "./test-support/tools.js";

const echo = testTool<{ q: string }>({
  name: "echo",
  required: { q: "string" },
  execute: ({ q }) => ({ echoed: q }),
});
const q = (text: string): Content => ({ role: "user", parts: [{ text }] });

describe("defaults", () => {
  it("maxSteps is 10: the tenth step of calls ends the run with MaxStepsError", async () => {
    const steps = Array.from({ length: 10 }, (_, i) => ({
      functionCalls: [{ name: "echo", args: { q: String(i + 1) } }],
    }));
    const { emulator, provider } = await emulated(steps);
    const error = await new Agent({ provider, model: G3, tools: [echo] })
      .run("loop")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaxStepsError);
    const e = error as MaxStepsError;
    expect([e.code, e.maxSteps, e.result.status, e.result.steps.length]).toEqual([
      "max_steps",
      10,
      "incomplete",
      10,
    ]);
    expect(e.result.steps.map((s) => s.calls[0]?.ok && s.calls[0].result)).toEqual(
      steps.map((_, i) => ({ echoed: String(i + 1) })),
    );
    expect(emulator.requests).toHaveLength(10);
    expect(emulator.pendingTurns).toBe(0);
  });

  it("re-asks twice by default: a third MALFORMED_FUNCTION_CALL is a ModelRecoveryError", async () => {
    const malformed: PartsTurn = {
      parts: [],
      finishReason: "MALFORMED_FUNCTION_CALL",
      finishMessage: "Malformed function call: echo(q=)",
    };
    const { emulator, provider } = await emulated([malformed, malformed, malformed]);
    const error = await new Agent({ provider, model: G3, tools: [echo] }).run("go").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRecoveryError);
    const e = error as ModelRecoveryError;
    expect([e.code, e.finishReason, e.reasks]).toEqual(["model_recovery", "MALFORMED_FUNCTION_CALL", 2]);
    expect(e.result.steps.map((s) => s.kind)).toEqual(["reask", "reask", "reask"]);
    expect(emulator.requests).toHaveLength(3);
    // The first request, then one per re-ask, each carrying one more re-ask message.
    expect(e.state.contents.slice(0, 1)).toEqual([q("go")]);
    expect(e.state.contents).toHaveLength(3);
  });
});
