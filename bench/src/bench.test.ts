// Smoke test of the bench itself: every contender completes the conversation against the emulator
// process, with exactly two model requests per run. No timing is asserted.
import { createRequire } from "node:module";
import { Agent } from "@signet/core";
import type { GenerateContentResponse } from "@signet/provider";
import type { Agent as UndiciAgentType } from "undici";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CONTENDERS, type Contender, chooseContenders } from "./contenders/index.js";
import { signetContenders } from "./contenders/signet.js";
import { type EmulatorProcess, startEmulatorProcess } from "./emulator-client.js";
import type { LoggedRequest } from "./emulator-protocol.js";
import { checkRequests, measure, REQUESTS_PER_RUN, runOnce } from "./measure.js";
import { record, replayProvider } from "./replay-provider.js";
import { figures } from "./report.js";
import { isCompleteAnswer, weather } from "./scenario.js";

let emulator: EmulatorProcess;
beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(() => emulator?.close());

const RUNS = 2;

describe.each(CONTENDERS.map((c) => [c.label, c] as [string, Contender]))("%s", (_label, contender) => {
  it("completes the conversation: both tool results quoted, two model requests per run", async () => {
    const runner = await contender.setup(emulator.url);
    try {
      await emulator.drain();
      for (let i = 0; i < RUNS; i++) {
        const text = await runner.run();
        expect(text).toContain(JSON.stringify(weather("Paris")));
        expect(text).toContain(JSON.stringify(weather("Tokyo")));
      }
      const requests = await emulator.drain();
      expect(requests).toHaveLength(RUNS * REQUESTS_PER_RUN);
      const rpc = contender.streaming ? "streamGenerateContent" : "generateContent";
      const expected: Partial<LoggedRequest> = {
        rpc,
        stream: contender.streaming,
        status: 200,
        outcome: "complete",
      };
      for (const r of requests) expect(r).toMatchObject(expected);
      // Each run: the question alone, then question + model calls + function responses.
      expect(requests.map((r) => r.contents)).toEqual([1, 3, 1, 3]);
    } finally {
      await runner.close();
    }
  });
});

describe("the two floors' HTTP stacks", () => {
  it("the floor sends through undici 7's Agent, the second floor through Node's dispatcher; neither goes global", async () => {
    const UndiciAgent: typeof UndiciAgentType = createRequire(import.meta.url)(
      "undici/lib/dispatcher/agent.js",
    );
    const dispatch = vi.spyOn(UndiciAgent.prototype, "dispatch");
    try {
      const counts: Record<string, number> = {};
      for (const id of ["fetch", "fetch-node", "fetch-sse"]) {
        const runner = await CONTENDERS.find((c) => c.id === id)!.setup(emulator.url);
        dispatch.mockClear();
        await runner.run();
        counts[id] = dispatch.mock.calls.length;
        await runner.close();
      }
      expect(counts).toEqual({ fetch: REQUESTS_PER_RUN, "fetch-node": 0, "fetch-sse": REQUESTS_PER_RUN });
      // Node's fetch has installed its own (bundled) Agent as the global dispatcher, not undici 7's.
      const global = (globalThis as Record<symbol, unknown>)[Symbol.for("undici.globalDispatcher.1")];
      expect(global).toBeDefined();
      expect(global).not.toBeInstanceOf(UndiciAgent);
    } finally {
      dispatch.mockRestore();
      await emulator.drain();
    }
  });
});

describe("the replaying provider (ab-core --memory, profile-run in memory)", () => {
  it("records both requests of each kind, then replays them with no request to the emulator", async () => {
    await emulator.drain();
    const recording = await record(Agent, emulator.url);
    expect(await emulator.drain()).toHaveLength(2 * REQUESTS_PER_RUN);
    const calls = JSON.parse(recording.calls.response) as GenerateContentResponse;
    expect(calls.candidates?.[0]?.content?.parts?.filter((p) => "functionCall" in p)).toHaveLength(2);
    expect(recording.answer.chunks.length).toBeGreaterThan(1);

    for (const contender of signetContenders(Agent, "", (real) => replayProvider(real, recording))) {
      const runner = await contender.setup(emulator.url);
      try {
        const first = await runner.run();
        expect(isCompleteAnswer(first)).toBe(true);
        expect(await runner.run()).toBe(first);
      } finally {
        await runner.close();
      }
    }
    expect(await emulator.drain()).toEqual([]);
  });
});

describe("chooseContenders", () => {
  const ids = (only: string[]) => chooseContenders(only).map((c) => c.id);
  it("runs every contender but the opt-in ones by default, and the floors a choice is judged against", () => {
    expect(ids([])).toEqual([
      "fetch",
      "fetch-node",
      "fetch-sse",
      "signet",
      "signet-stream",
      "genai",
      "ai-sdk",
    ]);
    expect(ids(["signet"])).toEqual(["fetch", "signet"]);
    expect(ids(["signet-stream"])).toEqual(["fetch", "fetch-sse", "signet-stream"]);
    expect(ids(["signet-provider", "signet"])).toEqual(["fetch", "signet", "signet-provider"]);
  });
});

describe("the checks the bench relies on", () => {
  it("an answer missing a tool result is refused", () => {
    expect(isCompleteAnswer(`get_weather -> ${JSON.stringify(weather("Paris"))}`)).toBe(false);
    const failing = {
      contender: CONTENDERS[0]!,
      runner: { run: async () => "I could not call any tool.", close: async () => {} },
    };
    return expect(runOnce(failing)).rejects.toThrow("does not quote both tool results");
  });

  it("a refused request or a missing one voids the round", () => {
    const ok: LoggedRequest = {
      rpc: "generateContent",
      stream: false,
      status: 200,
      outcome: "complete",
      error: undefined,
      contents: 1,
    };
    expect(() => checkRequests([ok, ok], 1)).not.toThrow();
    expect(() => checkRequests([ok], 1)).toThrow("Expected 2 model requests for 1 runs");
    expect(() => checkRequests([ok, { ...ok, status: 400, outcome: "error", error: "bad" }], 1)).toThrow(
      "The emulator refused a request: 400 bad",
    );
  });

  it("measures every contender interleaved and reports ratios against the floor", async () => {
    const chosen = ["fetch", "fetch-node", "signet"].map((id) => CONTENDERS.find((c) => c.id === id)!);
    const active = await Promise.all(
      chosen.map(async (contender) => ({
        contender,
        runner: await contender.setup(emulator.url),
      })),
    );
    try {
      // Two rounds of blocks of 3 (6 runs each); one warm-up round.
      const plan = { runs: 5, maxRuns: 5, budgetMs: 0, warmup: 1, block: 3 };
      const samples = await measure(active, emulator, plan);
      expect(
        samples.map((s) => [
          s.contender.id,
          s.cpuUs.length,
          s.wallMs.length,
          s.startMs.length,
          s.gcUs.length,
          s.position.join(""),
        ]),
      ).toEqual([
        ["fetch", 6, 6, 6, 6, "012012"],
        ["fetch-node", 6, 6, 6, 6, "012012"],
        ["signet", 6, 6, 6, 6, "012012"],
      ]);
      // A block's runs follow each other: nothing else starts between a block's first and last run.
      const starts = samples.flatMap((s) =>
        s.startMs.map((t, i) => ({ t, id: s.contender.id, p: s.position[i] })),
      );
      starts.sort((a, b) => a.t - b.t);
      for (let i = 1; i < starts.length; i++) {
        if (starts[i]!.p !== 0) expect(starts[i]!.id).toBe(starts[i - 1]!.id);
      }
      // Runs never overlap (GC pauses are charged by time window): each ends before the next starts.
      const windows = samples
        .flatMap((s) => s.startMs.map((start, i) => [start, start + s.wallMs[i]!] as const))
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < windows.length; i++)
        expect(windows[i]![0]).toBeGreaterThanOrEqual(windows[i - 1]![1]);
      const table = figures(samples);
      expect(table[0]!.ratio).toBe(1);
      // The main figures are of the runs after one of the same contender: 4 of the 6.
      expect(table.map((f) => f.runs)).toEqual([4, 4, 4]);
      expect(table[0]!.afterOtherRatioP50).toBe(1);
      expect(table.every((f) => f.cpuMeanUs > 0 && f.wallP95Ms >= f.wallP50Ms)).toBe(true);
      expect(table.map((f) => f.withinBudget)).toEqual([undefined, undefined, table[2]!.ratioP50 <= 1.25]);
    } finally {
      await Promise.all(active.map((a) => a.runner.close()));
    }
  });
});
