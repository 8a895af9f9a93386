// The job killed at exact points of a task and started again: after a model turn of calls was
// saved, between two tool calls of one step, in the middle of a checkpoint write, after the last
// checkpoint. BACKEND_JOB_CRASH_AT (crash-points.ts) makes the job SIGKILL itself at the n-th
// checkpoint of a task, so no timing is involved. Each case first checks the state left on disk
// is the one it means to test, then that the restart asks only the model turns and runs only the
// tool calls that state has not recorded, and that the side effect happened once.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRunState, type RunState } from "@signet/core";
import { cleanEnv, runCli } from "@signet/example-support/cli-testing";
import type { GenerateContentRequest } from "@signet/provider";
import { createEmulator, type EmulatedRequest, type ScriptedTurn } from "@signet/testing";
import { describe, expect, it } from "vitest";

const MAIN = "examples/backend-job/src/main.ts";
const TICKET = {
  id: "T-1",
  customer: "C-100",
  subject: "Charged twice",
  body: "Please refund the duplicate.",
};
const TRIAGE = { ticket_id: "T-1", priority: "high", category: "billing", summary: "Duplicate charge." };

const modelTurns = (body: GenerateContentRequest) => body.contents.filter((c) => c.role === "model").length;

/**
 * Turn 0: two calls in one step, `lookup_customer` (synchronous) then `set_ticket_triage` (it
 * appends to a file), so the lookup settles and is saved while the triage is still running.
 * Turn 1: the closing note.
 */
function respond(request: EmulatedRequest): ScriptedTurn {
  if (modelTurns(request.body as GenerateContentRequest) === 0) {
    return {
      functionCalls: [
        { name: "lookup_customer", args: { customer_id: "C-100" } },
        { name: "set_ticket_triage", args: TRIAGE },
      ],
    };
  }
  return { text: "Note for T-1: refund the duplicate charge." };
}

interface KillPoint {
  name: string;
  crashAt: string;
  /** The state on disk after the kill is the one this case is about. */
  left(state: RunState, files: string[]): void;
  /** Model turns (0 or 1) the restart asks, and tools it starts. */
  asks: number[];
  runs: string[];
}

const settled = (state: RunState) => (state.pending ?? []).map((c) => [c.name, c.outcome !== undefined]);

const KILL_POINTS: KillPoint[] = [
  {
    name: "after the model turn of calls was saved, before any tool ran",
    crashAt: "saved:T-1:1",
    left: (state) => {
      expect(state.contents.map((c) => c.role)).toEqual(["user", "model"]);
      expect(settled(state)).toEqual([
        ["lookup_customer", false],
        ["set_ticket_triage", false],
      ]);
    },
    asks: [1],
    runs: ["lookup_customer", "set_ticket_triage"],
  },
  {
    name: "between the two tool calls of one step",
    crashAt: "saved:T-1:2",
    left: (state) => {
      expect(settled(state)).toEqual([
        ["lookup_customer", true],
        ["set_ticket_triage", false],
      ]);
    },
    asks: [1],
    runs: ["set_ticket_triage"],
  },
  {
    name: "while writing a checkpoint (a torn temporary file, the previous state in place)",
    crashAt: "writing:T-1:4",
    left: (state, files) => {
      // Checkpoint 3 (both calls settled) is in place; 4 (their responses sent) is half written.
      expect(settled(state)).toEqual([
        ["lookup_customer", true],
        ["set_ticket_triage", true],
      ]);
      expect(state.contents).toHaveLength(2);
      expect(files).toContain("T-1.json.tmp");
    },
    asks: [1],
    runs: [],
  },
  {
    name: "after the last checkpoint, before the result line",
    crashAt: "saved:T-1:5",
    left: (state) => {
      expect(state.status).toBe("completed");
      expect(state.contents.map((c) => c.role)).toEqual(["user", "model", "user", "model"]);
    },
    asks: [],
    runs: [],
  },
];

const jsonLines = async (path: string) =>
  (await readFile(path, "utf8").catch(() => ""))
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

describe.concurrent("backend job killed at a named point and started again", () => {
  it.for(KILL_POINTS)("$name", async (point, { expect }) => {
    const dir = await mkdtemp(join(tmpdir(), "signet-job-kill-"));
    await using emulator = await createEmulator({ script: Array(4).fill(respond), whenScriptEmpty: "error" });
    try {
      await writeFile(join(dir, "tickets.jsonl"), `${JSON.stringify(TICKET)}\n`);
      const args = ["--in", join(dir, "tickets.jsonl"), "--out-dir", join(dir, "out")];
      const env = cleanEnv({
        SIGNET_API_KEY: "sk-job-test",
        SIGNET_BASE_URL: emulator.url,
        SIGNET_MODEL: "gemini-3-flash-preview",
      });

      const first = await runCli(MAIN, args, { ...env, BACKEND_JOB_CRASH_AT: point.crashAt });
      expect(first.signal, first.stderr).toBe("SIGKILL");
      const stateDir = join(dir, "out", "state");
      const state = parseRunState(await readFile(join(stateDir, "T-1.json"), "utf8"));
      point.left(state, await readdir(stateDir));
      expect(await jsonLines(join(dir, "out", "results.jsonl"))).toEqual([]);
      const before = emulator.requests.length;

      const second = await runCli(MAIN, args, env);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toContain("job: 1 tasks, 1 ok, 0 failed.");

      // Only what the state had not recorded was done again: model turns, then tool calls.
      const asked = emulator.requests.slice(before).map((r) => modelTurns(r.body as GenerateContentRequest));
      expect(asked).toEqual(point.asks);
      const logs = second.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(logs.filter((l) => l.msg === "tool start").map((l) => l.tool)).toEqual(point.runs);
      expect(logs.every((l) => l.taskId === "T-1" || !("taskId" in l))).toBe(true);
      // Every model turn was answered once over both runs.
      const answered = emulator.requests
        .filter((r) => r.outcome === "complete")
        .map((r) => modelTurns(r.body as GenerateContentRequest));
      expect(answered).toEqual([0, 1]);

      // Settled calls went back as recorded: the last request carries the saved outcomes.
      if (point.asks.length && point.runs.length < 2) {
        const last = emulator.requests.at(-1)!.body as GenerateContentRequest;
        const lookup = last.contents[2]!.parts[0]!;
        const saved = state.pending!.find((c) => c.name === "lookup_customer")!.outcome!;
        expect(lookup).toEqual({ functionResponse: { name: "lookup_customer", response: saved.response } });
      }

      // The side effect happened once, whatever was run again.
      const actions = await jsonLines(join(dir, "out", "actions.jsonl"));
      expect(actions.map((a) => a.action)).toEqual([TRIAGE]);
      expect(await jsonLines(join(dir, "out", "results.jsonl"))).toEqual([
        expect.objectContaining({
          id: "T-1",
          status: "ok",
          resumed: true,
          answer: "Note for T-1: refund the duplicate charge.",
          triage: TRIAGE,
        }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
