import type { FunctionCall } from "@signet/provider";
import type { AnyTool } from "@signet/tools";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { type PreparedCall, prepareCall } from "./call-preparation.js";
import { responseParts } from "./function-responses.js";
import type { CallOutcome } from "./run-state.js";
import { deferred, testTool } from "./test-support/tools.js";
import { executeCalls } from "./tool-execution.js";

const logger = pino({ enabled: false });

function prepare(calls: FunctionCall[], tools: AnyTool[]): PreparedCall[] {
  const map = new Map(tools.map((t) => [t.name, t]));
  return calls.map((call, i) => prepareCall(call.id ?? `c${i}`, call, map));
}

const base = { concurrency: 8, defaultTimeoutMs: 1_000, signal: undefined, logger };

describe("prepareCall", () => {
  const add = testTool<{ a: number; b: number }>({
    name: "add",
    required: { a: "number", b: "number" },
    execute: (x) => x.a + x.b,
  });

  it("reports an unknown tool with the names that exist", () => {
    const [p] = prepare([{ name: "nope", args: {} }], [add]);
    expect(p).toMatchObject({ ok: false, error: { kind: "unknown_tool" } });
    expect(p!.ok === false && p!.error.message).toContain("Available tools: add");
  });

  it("reports each invalid argument with its path", () => {
    const [p] = prepare([{ name: "add", args: { a: "1" } }], [add]);
    expect(p).toMatchObject({
      ok: false,
      error: {
        kind: "invalid_arguments",
        issues: [
          { path: "a", message: "expected number" },
          { path: "b", message: "expected number" },
        ],
      },
    });
  });
});

describe("executeCalls", () => {
  it("returns outcomes in call order and responses with ids echoed, in one turn", async () => {
    const gate = deferred();
    const slow = testTool({
      name: "slow",
      execute: async () => {
        await gate.promise;
        return "slow-done";
      },
    });
    const fast = testTool({ name: "fast", execute: () => ({ v: 2 }) });
    const settled: string[] = [];
    const calls: FunctionCall[] = [{ name: "slow", id: "s1" }, { name: "fast" }];
    const running = executeCalls(prepare(calls, [slow, fast]), {
      ...base,
      onSettled: (call, _outcome, index) => {
        // The index is the call's place in the batch, whatever the completion order.
        settled.push(`${call.callId}@${index}`);
        if (call.callId === "c1") gate.resolve();
      },
    });
    const outcomes = await running;
    expect(settled).toEqual(["c1@1", "s1@0"]);
    expect(outcomes.map((o) => o.ok && o.result)).toEqual(["slow-done", { v: 2 }]);
    expect(responseParts(calls, outcomes)).toEqual([
      { functionResponse: { id: "s1", name: "slow", response: { output: "slow-done" } } },
      // A plain object goes back as is; other values under `output` (the @signet/tools convention).
      { functionResponse: { name: "fast", response: { v: 2 } } },
    ]);
  });

  it("fails with the error of a throwing onSettled (a hook), whether all calls start at once or not", async () => {
    const tool = testTool({ name: "t", execute: async () => "ok" });
    const calls = prepare([{ name: "t" }, { name: "t" }], [tool]);
    const onSettled = (call: PreparedCall) => {
      if (call.callId === "c1") throw new Error("checkpoint store down");
    };
    for (const concurrency of [8, 1]) {
      await expect(executeCalls(calls, { ...base, concurrency, onSettled })).rejects.toThrow(
        "checkpoint store down",
      );
    }
  });

  it("bounds concurrency", async () => {
    let active = 0;
    let peak = 0;
    const tool = testTool({
      name: "t",
      execute: async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setImmediate(r));
        active--;
        return active;
      },
    });
    await executeCalls(
      prepare(
        Array.from({ length: 7 }, () => ({ name: "t" })),
        [tool],
      ),
      { ...base, concurrency: 3 },
    );
    expect(peak).toBe(3);
  });

  it("runs a sequential tool alone", async () => {
    const log: string[] = [];
    const make = (name: string, sequential = false) =>
      testTool({
        name,
        sequential,
        execute: async () => {
          log.push(`start ${name}`);
          await new Promise((r) => setImmediate(r));
          log.push(`end ${name}`);
        },
      });
    await executeCalls(
      prepare(
        [{ name: "a" }, { name: "b" }, { name: "seq" }, { name: "c" }],
        [make("a"), make("b"), make("seq", true), make("c")],
      ),
      base,
    );
    expect(log).toEqual(["start a", "start b", "end a", "end b", "start seq", "end seq", "start c", "end c"]);
  });

  it("turns a throw, a timeout, bad args and an unknown tool into error responses", async () => {
    const boom = testTool({
      name: "boom",
      execute: () => {
        throw new Error("disk full");
      },
    });
    let sawAbort = false;
    const hang = testTool({
      name: "hang",
      timeoutMs: 5,
      execute: (_args, ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener("abort", () => {
            sawAbort = true;
            resolve("late");
          });
        }),
    });
    const needs = testTool({ name: "needs", required: { q: "string" }, execute: () => "x" });
    const calls: FunctionCall[] = [
      { name: "boom" },
      { name: "hang" },
      { name: "needs", args: { q: 1 } },
      { name: "ghost" },
    ];
    const outcomes = await executeCalls(prepare(calls, [boom, hang, needs]), base);
    const errors = outcomes.map((o: CallOutcome) => (o.ok ? undefined : o.error.kind));
    expect(errors).toEqual(["execution_failed", "timeout", "invalid_arguments", "unknown_tool"]);
    expect(outcomes[0]!.response).toEqual({ error: { kind: "execution_failed", message: "disk full" } });
    expect(outcomes[2]!.response).toMatchObject({
      error: { kind: "invalid_arguments", issues: [{ path: "q" }] },
    });
    expect(sawAbort).toBe(true);
  });

  it("sends undefined as {}, scalars under output, and a non-JSON result as an error", async () => {
    const tools = [
      testTool({ name: "u", execute: () => undefined }),
      testTool({ name: "n", execute: () => 42 }),
      testTool({ name: "big", execute: () => ({ n: 1n }) }),
    ];
    const outcomes = await executeCalls(
      prepare([{ name: "u" }, { name: "n" }, { name: "big" }], tools),
      base,
    );
    expect(outcomes.map((o) => o.response)).toMatchObject([
      {},
      { output: 42 },
      { error: { kind: "invalid_result", message: expect.stringContaining("result.n is a BigInt") } },
    ]);
  });

  it("rejects on the run's abort, signals running tools, and records only settled calls", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const done = testTool({ name: "done", execute: () => "ok" });
    let toolSignal: AbortSignal | undefined;
    const hang = testTool({
      name: "hang",
      execute: (_a, ctx) => {
        toolSignal = ctx.signal;
        setImmediate(() => controller.abort(new Error("user stop")));
        return new Promise(() => {});
      },
    });
    const running = executeCalls(prepare([{ name: "done" }, { name: "hang" }], [done, hang]), {
      ...base,
      signal: controller.signal,
      onSettled: (call) => {
        seen.push(call.callId);
      },
    });
    await expect(running).rejects.toThrow("user stop");
    expect(seen).toEqual(["c0"]);
    expect(toolSignal?.aborted).toBe(true);
  });

  it("does not start when the signal is already aborted", async () => {
    let ran = false;
    const tool = testTool({ name: "t", execute: () => (ran = true) });
    await expect(
      executeCalls(prepare([{ name: "t" }], [tool]), {
        ...base,
        signal: AbortSignal.abort(new Error("pre")),
      }),
    ).rejects.toThrow("pre");
    expect(ran).toBe(false);
  });
});
