// Accounting end to end on the emulator: each step's usage (step_finish and the step record) is the
// usage the emulator answered with, gateway credits (KIE's `credits_consumed`) included and summed
// over turns, and durations measure the time a model call or a tool call really took.
import type { GenerateContentResponse, UsageMetadata } from "@signet/provider";
import { chunkGate } from "@signet/testing";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import type { AgentEvent, StepFinishEvent, ToolResultEvent } from "./events.js";
import type { RunResult } from "./run-result.js";
import { answeredUsage, emulated, G3, request } from "./test-support/emulated.js";
import { deferred, testTool } from "./test-support/tools.js";

const weather = testTool<{ city: string }>({
  name: "get_weather",
  required: { city: "string" },
  execute: ({ city }) => ({ city, tempC: 18 }),
});

/** The usage Signet should report for one answer, spelled out from the wire (not from Signet's code). */
function expectedUsage(meta: UsageMetadata, credits?: number) {
  return {
    promptTokens: meta.promptTokenCount ?? 0,
    candidatesTokens: meta.candidatesTokenCount ?? 0,
    thoughtsTokens: meta.thoughtsTokenCount ?? 0,
    toolUsePromptTokens: meta.toolUsePromptTokenCount ?? 0,
    cachedContentTokens: meta.cachedContentTokenCount ?? 0,
    totalTokens: meta.totalTokenCount ?? 0,
    ...(credits === undefined ? {} : { creditsConsumed: credits }),
  };
}

/** Runs `agent` either way, collecting its events (run: through `hooks.onEvent`). */
async function go(
  mode: "run" | "stream",
  make: (onEvent?: (e: AgentEvent) => void) => Agent,
  input: string,
): Promise<{ result: RunResult; events: AgentEvent[] }> {
  const events: AgentEvent[] = [];
  if (mode === "run") {
    const result = await make((e) => events.push(e)).run(input);
    return { result, events };
  }
  const stream = make().stream(input);
  for await (const e of stream) events.push(e);
  return { result: await stream.result, events };
}

const stepFinishes = (events: AgentEvent[]) =>
  events.filter((e): e is StepFinishEvent => e.type === "step_finish");

describe("usage per step and per run", () => {
  it.each(["run", "stream"] as const)(
    "%s on KIE: result.usage carries credits_consumed summed over turns, and each step_finish its own",
    async (mode) => {
      const { emulator, provider } = await emulated(
        [{ functionCalls: [{ name: "get_weather", args: { city: "Paris" } }] }, { text: "18 in Paris." }],
        { gateway: "kie" },
      );
      const { result, events } = await go(
        mode,
        (onEvent) => new Agent({ provider, model: G3, tools: [weather], hooks: onEvent ? { onEvent } : {} }),
        "Weather in Paris?",
      );
      expect(result.text).toBe("18 in Paris.");
      // KIE reports credits on the last chunk of each answer only.
      const credits = [0, 1].map((i) => {
        const chunks = request(emulator, i).responses as GenerateContentResponse[];
        expect(chunks.slice(0, -1).every((c) => c.credits_consumed === undefined)).toBe(true);
        return chunks.at(-1)!.credits_consumed!;
      });
      expect(credits.every((c) => typeof c === "number" && c > 0)).toBe(true);
      const perStep = [0, 1].map((i) => expectedUsage(answeredUsage(emulator, i), credits[i]));
      const finishes = stepFinishes(events);
      expect(finishes.map((e) => [e.step, e.usage])).toEqual([
        [1, perStep[0]],
        [2, perStep[1]],
      ]);
      expect(finishes.map((e) => e.record.usage)).toEqual(perStep);
      expect(result.steps.map((s) => s.usage)).toEqual(perStep);
      const [a, b] = perStep as [ReturnType<typeof expectedUsage>, ReturnType<typeof expectedUsage>];
      expect(result.usage).toEqual({
        promptTokens: a.promptTokens + b.promptTokens,
        candidatesTokens: a.candidatesTokens + b.candidatesTokens,
        thoughtsTokens: a.thoughtsTokens + b.thoughtsTokens,
        toolUsePromptTokens: a.toolUsePromptTokens + b.toolUsePromptTokens,
        cachedContentTokens: a.cachedContentTokens + b.cachedContentTokens,
        totalTokens: a.totalTokens + b.totalTokens,
        creditsConsumed: credits[0]! + credits[1]!,
      });
      expect(result.usage.promptTokens).toBeGreaterThan(0);
    },
  );

  it.each(["run", "stream"] as const)(
    "%s on Google: step_finish carries the step's token counts, and no credits field",
    async (mode) => {
      const { emulator, provider } = await emulated([
        { functionCalls: [{ name: "get_weather", args: { city: "Paris" } }] },
        { text: "18 in Paris." },
      ]);
      const { result, events } = await go(
        mode,
        (onEvent) => new Agent({ provider, model: G3, tools: [weather], hooks: onEvent ? { onEvent } : {} }),
        "Weather in Paris?",
      );
      const perStep = [0, 1].map((i) => expectedUsage(answeredUsage(emulator, i)));
      // Distinct, non-zero counts: a step reporting another step's usage would show.
      expect(perStep[0]!.thoughtsTokens).toBeGreaterThan(0);
      expect(perStep[0]).not.toEqual(perStep[1]);
      const finishes = stepFinishes(events);
      expect(finishes.map((e) => e.usage)).toEqual(perStep);
      for (const e of finishes) expect(e.usage).not.toHaveProperty("creditsConsumed");
      expect(result.usage).not.toHaveProperty("creditsConsumed");
    },
  );
});

describe("durations", () => {
  const HOLD_MS = 40;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it.each(["run", "stream"] as const)(
    "%s: a held model response and a held tool show in modelDurationMs and the call's durationMs",
    async (mode) => {
      const gate = chunkGate();
      const started = deferred();
      const release = deferred();
      const slow = testTool<{ city: string }>({
        name: "get_weather",
        required: { city: "string" },
        execute: async ({ city }) => {
          started.resolve();
          await release.promise;
          return { city, tempC: 18 };
        },
      });
      const { provider } = await emulated([
        { functionCalls: [{ name: "get_weather", args: { city: "Paris" } }], beforeChunk: gate.beforeChunk },
        { text: "18" },
      ]);
      const running = go(
        mode,
        (onEvent) => new Agent({ provider, model: G3, tools: [slow], hooks: onEvent ? { onEvent } : {} }),
        "Paris?",
      );
      // Each wait is measured by the test's own clock; the model call started before it and
      // ended after it, so its duration is at least that long (a lower bound only: no flaky upper).
      await gate.held();
      let t0 = performance.now();
      await sleep(HOLD_MS);
      const modelHeld = performance.now() - t0;
      gate.open();
      await started.promise;
      t0 = performance.now();
      await sleep(HOLD_MS);
      const toolHeld = performance.now() - t0;
      release.resolve();
      const { result, events } = await running;

      // Sanity only (timers may fire a little early on a busy loop): the holds were real waits.
      expect(Math.min(modelHeld, toolHeld)).toBeGreaterThan(HOLD_MS / 2);
      const [step1, step2] = result.steps;
      expect(step1!.modelDurationMs).toBeGreaterThanOrEqual(modelHeld);
      const call = step1!.calls[0]!;
      expect(call.durationMs).toBeGreaterThanOrEqual(toolHeld);
      // The unheld answer: a real, non-negative time.
      expect(Number.isFinite(step2!.modelDurationMs) && step2!.modelDurationMs >= 0).toBe(true);
      const toolResult = events.find((e): e is ToolResultEvent => e.type === "tool_result");
      expect(toolResult?.durationMs).toBe(call.durationMs);
      expect(stepFinishes(events).map((e) => e.record.modelDurationMs)).toEqual(
        result.steps.map((s) => s.modelDurationMs),
      );
    },
  );
});
