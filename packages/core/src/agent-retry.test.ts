// Invariant 4 through the agent: model calls are retried by the provider (announced as `retry`
// events), and a tool call runs once per functionCall part whatever is retried: the provider's own
// retries, a failed request resumed by the caller, or a stream cut after its call reached the consumer.
import { isProviderError, ProviderError } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import type { AgentEvent, RetryEvent } from "./events.js";
import { partialResultOf } from "./partial-result.js";
import { answeredParts, emulated, FAST_RETRY, G3, request, sentBody } from "./test-support/emulated.js";
import { testTool } from "./test-support/tools.js";

const q = (text: string) => ({ role: "user", parts: [{ text }] });
const echoed = (v: string) => ({
  role: "user",
  parts: [{ functionResponse: { name: "echo", response: { echoed: v } } }],
});

function countingEcho(onRun?: () => void) {
  const counter = { runs: 0 };
  const tool = testTool<{ q: string }>({
    name: "echo",
    required: { q: "string" },
    execute: ({ q }) => {
      counter.runs++;
      onRun?.();
      return { echoed: q };
    },
  });
  return { counter, tool };
}

describe("retries", () => {
  it.each(["run", "stream"] as const)(
    "%s: a 503 before each step is retried with a retry event; the tool runs exactly once",
    async (mode) => {
      const { emulator, provider } = await emulated(
        [{ functionCalls: [{ name: "echo", args: { q: "hi" } }] }, { text: "done" }],
        { retry: FAST_RETRY },
      );
      // The first request fails; the tool makes the request after it (its answer) fail too.
      emulator.failNext({ type: "overloaded" });
      const { counter, tool } = countingEcho(() => emulator.failNext({ type: "overloaded" }));
      const events: AgentEvent[] = [];
      const agent = new Agent({
        provider,
        model: G3,
        tools: [tool],
        hooks: { onEvent: (e) => events.push(e) },
      });
      const result = mode === "run" ? await agent.run("go") : await agent.stream("go").result;

      expect(result.text).toBe("done");
      expect(counter.runs).toBe(1);
      expect(emulator.requests.map((r) => r.status)).toEqual([503, 200, 503, 200]);
      const retries = events.filter((e): e is RetryEvent => e.type === "retry");
      expect(retries.map((e) => [e.step, e.attempt])).toEqual([
        [1, 2],
        [2, 2],
      ]);
      for (const retry of retries) {
        expect(retry.delayMs).toBeGreaterThanOrEqual(0);
        expect(retry.delayMs).toBeLessThanOrEqual(FAST_RETRY.maxDelayMs!);
        expect(retry.error).toBeInstanceOf(ProviderError);
        expect(retry.error).toMatchObject({ code: "unavailable", status: 503, retryable: true });
      }
      // Each retry resends the very same body; the answer carries the one response of the one run.
      expect(sentBody(emulator, 1)).toEqual(sentBody(emulator, 0));
      expect(sentBody(emulator, 3)).toEqual(sentBody(emulator, 2));
      expect(sentBody(emulator, 3).contents).toEqual([
        q("go"),
        { role: "model", parts: answeredParts(emulator, 1) },
        echoed("hi"),
      ]);
      expect(result.steps.map((s) => s.attempts)).toEqual([2, 2]);
    },
  );

  it("the request after the tools fails for good: ProviderError as is, resumable, the tool not run again", async () => {
    const { emulator, provider } = await emulated([
      { functionCalls: [{ name: "echo", args: { q: "once" } }] },
      { text: "answered" },
    ]);
    const { counter, tool } = countingEcho(() => emulator.failNext({ type: "overloaded" }));
    const agent = new Agent({ provider, model: G3, tools: [tool] });
    const error = await agent.run("go").catch((e: unknown) => e);
    expect(isProviderError(error)).toBe(true);
    expect(error).toMatchObject({ code: "unavailable", status: 503 });
    const partial = partialResultOf(error)!;
    expect(partial.status).toBe("incomplete");
    expect(partial.state.pending).toBeUndefined();
    expect(partial.state.contents).toEqual(sentBody(emulator, 1).contents);

    const result = await agent.run(JSON.parse(JSON.stringify(partial.state)));
    expect(result.text).toBe("answered");
    expect(counter.runs).toBe(1);
    // The resumed request is byte for byte the one that failed.
    expect(request(emulator, 2).rawBody).toBe(request(emulator, 1).rawBody);
    expect(sentBody(emulator, 2).contents).toEqual([
      q("go"),
      { role: "model", parts: answeredParts(emulator, 0) },
      echoed("once"),
    ]);
  });

  it("a stream cut after its call reached the consumer: not retried, the half turn's call never runs", async () => {
    const { emulator, provider } = await emulated(
      [
        {
          fault: { type: "reset-after-first-chunk" },
          reply: { functionCalls: [{ name: "echo", args: { q: "cut" } }] },
        },
        { functionCalls: [{ name: "echo", args: { q: "whole" } }] },
        { text: "done" },
      ],
      { retry: FAST_RETRY },
    );
    const { counter, tool } = countingEcho();
    const agent = new Agent({ provider, model: G3, tools: [tool] });
    const seen: string[] = [];
    const stream = agent.stream("go");
    const error = await (async () => {
      for await (const event of stream) if (event.type === "tool_call") seen.push(String(event.args.q));
    })().catch((e: unknown) => e);
    expect(isProviderError(error)).toBe(true);
    expect(seen).toEqual(["cut"]);
    expect(counter.runs).toBe(0);
    expect(emulator.requests.map((r) => r.outcome)).toEqual(["reset"]);

    const partial = partialResultOf(error)!;
    expect(partial.state.contents).toEqual([q("go")]);
    const result = await agent.stream(partial.state).result;
    expect(result.text).toBe("done");
    expect(counter.runs).toBe(1);
    expect(sentBody(emulator, 2).contents).toEqual([
      q("go"),
      { role: "model", parts: answeredParts(emulator, 1) },
      echoed("whole"),
    ]);
  });
});
