// The loop's hot path stays lean (DESIGN.md, performance budget): the live history goes out by
// reference (never copied per step), model parts are kept as the very objects received, tool
// declarations are built once per agent, each body is serialized once (by the provider, whatever
// is retried), and logging costs no child loggers when it is off. Real provider, emulator at the edge.
import type { GenerateContentRequest, GenerateResult, Part } from "@signet/provider";
import { pino } from "pino";
import { describe, expect, it, vi } from "vitest";
import { Agent } from "./agent.js";
import { emulated, FAST_RETRY, G3 } from "./test-support/emulated.js";
import { testTool } from "./test-support/tools.js";

describe("hot path", () => {
  it("sends the live history and the agent's one tools array; keeps the parts received", async () => {
    const { emulator, provider } = await emulated([
      { functionCalls: [{ name: "echo", args: { q: "a" } }] },
      { text: "one" },
      { text: "two" },
    ]);
    const requests: GenerateContentRequest[] = [];
    const returned: Part[][] = [];
    const generate = provider.generate.bind(provider);
    vi.spyOn(provider, "generate").mockImplementation(async (model, request, options) => {
      requests.push(request as GenerateContentRequest);
      const result: GenerateResult = await generate(model, request, options);
      returned.push(result.parts);
      return result;
    });
    const echo = testTool({ name: "echo", required: { q: "string" }, execute: ({ q }) => ({ q }) });
    const agent = new Agent({ provider, model: G3, tools: [echo] });
    const first = await agent.run("go");
    await agent.run("again", { previous: first });

    expect(emulator.requests).toHaveLength(3);
    // One history array per run, sent by reference at every step of that run.
    expect(requests[0]!.contents).toBe(first.contents);
    expect(requests[1]!.contents).toBe(first.contents);
    // The same declarations object for every request of every run.
    expect(requests[1]!.tools).toBe(requests[0]!.tools);
    expect(requests[2]!.tools).toBe(requests[0]!.tools);
    // Model turns hold the part arrays the provider returned, not copies.
    expect(first.contents[1]!.parts).toBe(returned[0]);
    expect(first.contents[3]!.parts).toBe(returned[1]);
  });

  it("serializes each body once: a tool result goes out once per request that carries it, retries included", async () => {
    const { emulator, provider } = await emulated(
      [{ functionCalls: [{ name: "report", args: {} }] }, { text: "done" }, { text: "more" }],
      { retry: FAST_RETRY },
    );
    let serialized = 0;
    const report = testTool({
      name: "report",
      execute: () => {
        // The request after the tools fails once and is retried.
        emulator.failNext({ type: "overloaded" });
        return {
          toJSON() {
            serialized++;
            return { ok: true };
          },
        };
      },
    });
    const result = await new Agent({ provider, model: G3, tools: [report] }).run("go");
    expect(result.text).toBe("done");
    expect(emulator.requests.map((r) => r.status)).toEqual([200, 503, 200]);
    // One body carried it; the retry resent the same bytes.
    expect(serialized).toBe(1);
    await new Agent({ provider, model: G3 }).run("more", { previous: result });
    expect(serialized).toBe(2);
  });

  it("creates no child logger per run or per tool call when logging is off", async () => {
    const twoCalls = {
      functionCalls: [
        { name: "echo", args: { q: "a" } },
        { name: "echo", args: { q: "b" } },
      ],
    };
    const { provider } = await emulated([twoCalls, { text: "done" }, twoCalls, { text: "done" }]);
    const echo = testTool({ name: "echo", required: { q: "string" }, execute: ({ q }) => ({ q }) });
    const silent = pino({ level: "silent" });
    const child = vi.spyOn(silent, "child");
    await new Agent({ provider, model: G3, tools: [echo], logger: silent }).run("go");
    expect(child).not.toHaveBeenCalled();

    const quiet = pino({ level: "info" }, { write() {} });
    const quietChild = vi.spyOn(quiet, "child");
    await new Agent({ provider, model: G3, tools: [echo], logger: quiet }).run("go");
    // The run's child (it carries the run id); the tools, which never log, got none.
    expect(quietChild).toHaveBeenCalledTimes(1);
  });

  it("awaits each hook that returns a promise before going on (nothing is awaited for absent hooks)", async () => {
    const { provider } = await emulated([
      { functionCalls: [{ name: "echo", args: { q: "a" } }] },
      { text: "done" },
    ]);
    const seen: string[] = [];
    // Each hook resolves only after a macrotask: whatever the loop does before that shows up early.
    const later = (label: string) => () => {
      seen.push(`${label} start`);
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          seen.push(`${label} end`);
          resolve();
        }),
      );
    };
    const echo = testTool({
      name: "echo",
      required: { q: "string" },
      execute: ({ q }) => {
        seen.push("tool runs");
        return { q };
      },
    });
    const hooks = {
      beforeModelCall: later("before model"),
      afterModelCall: later("after model"),
      beforeToolCall: later("before tool"),
      afterToolCall: later("after tool"),
      onCheckpoint: later("checkpoint"),
    };
    const result = await new Agent({ provider, model: G3, tools: [echo], hooks }).run("go");
    expect(result.text).toBe("done");
    const pairs = [
      "before model",
      "after model",
      "checkpoint", // the model turn of calls
      "before tool",
      "tool runs",
      "after tool",
      "checkpoint", // the call settled
      "checkpoint", // the responses appended
      "before model",
      "after model",
      "checkpoint", // completed
    ];
    expect(seen).toEqual(pairs.flatMap((p) => (p === "tool runs" ? [p] : [`${p} start`, `${p} end`])));
  });
});
