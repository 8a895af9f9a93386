// The job as an operator runs it: a child process killed in the middle of a task and started again
// on the same directory. A scripted model on loopback plays the triage agent, so every model turn
// and tool call can be counted: after the restart nothing finished is asked or run again.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanEnv, runCli, startCli } from "@signet/example-support/cli-testing";
import type { Content, GenerateContentRequest } from "@signet/provider";
import { createEmulator, type EmulatedRequest, type ScriptedTurn } from "@signet/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const MAIN = "examples/backend-job/src/main.ts";
const TICKETS = [1, 2, 3, 4].map((n) => ({
  id: `T-${n}`,
  customer: `C-${n}00`,
  subject: `Problem ${n}`,
  body: n === 2 ? "I was charged twice, please refund." : `Something about problem ${n}.`,
}));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "signet-job-test-"));
  await writeFile(join(dir, "tickets.jsonl"), TICKETS.map((t) => JSON.stringify(t)).join("\n"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const ticketOf = (body: GenerateContentRequest) =>
  /ticket (T-\d+)/.exec((body.contents[0]!.parts[0] as { text: string }).text)![1]!;
const modelTurns = (body: GenerateContentRequest) =>
  body.contents.filter((c: Content) => c.role === "model").length;

/** The triage agent as a script: parallel lookups, then one set_ticket_triage, then a note. */
function triage(ticket: string, turn: number): ScriptedTurn {
  const n = ticket.slice(2);
  if (turn === 0) {
    return {
      functionCalls: [
        { name: "lookup_customer", args: { customer_id: `C-${n}00` } },
        { name: "search_help_center", args: { query: n === "2" ? "charged twice refund" : "problem" } },
      ],
    };
  }
  if (turn === 1) {
    return {
      functionCalls: [
        {
          name: "set_ticket_triage",
          args: { ticket_id: ticket, priority: "high", category: "billing", summary: `Summary of ${ticket}` },
        },
      ],
    };
  }
  return { text: `Note for ${ticket}: handled.` };
}

const env = (url: string) =>
  cleanEnv({ SIGNET_API_KEY: "sk-job-test", SIGNET_BASE_URL: url, SIGNET_MODEL: "gemini-3-flash-preview" });
const jobArgs = () => [
  "--in",
  join(dir, "tickets.jsonl"),
  "--out-dir",
  join(dir, "out"),
  "--concurrency",
  "2",
];
const lines = async (file: string) =>
  (await readFile(join(dir, "out", file), "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("backend job", () => {
  it("killed mid-task and started again, resumes without repeating a finished model turn or tool call", async () => {
    // In the first run two model calls never answer, and the job is killed while they wait: T-3's
    // last one (after its set_ticket_triage ran) and T-4's second (after its lookups ran).
    let hang = true;
    const hangAt = new Map([
      ["T-3#2", deferred()],
      ["T-4#1", deferred()],
    ]);
    const respond = async (request: EmulatedRequest): Promise<ScriptedTurn> => {
      const ticket = ticketOf(request.body);
      const turn = modelTurns(request.body);
      const gate = hangAt.get(`${ticket}#${turn}`);
      if (hang && gate) {
        gate.resolve();
        await new Promise(() => {});
      }
      return triage(ticket, turn);
    };
    await using emulator = await createEmulator({
      script: Array(40).fill(respond),
      whenScriptEmpty: "error",
    });

    const first = startCli(MAIN, jobArgs(), env(emulator.url));
    const exitedEarly = first.done.then((r) =>
      Promise.reject(new Error(`The job exited early: ${r.stderr}`)),
    );
    await Promise.race([Promise.all([...hangAt.values()].map((g) => g.promise)), exitedEarly]);
    first.child.kill("SIGKILL");
    expect((await first.done).signal).toBe("SIGKILL");
    expect(first.stderr).toMatch(/2\/4 T-\d ok/);
    const before = emulator.requests.length;
    const actionsBefore = await lines("actions.jsonl");
    expect(actionsBefore.map((a) => a.action.ticket_id).sort()).toEqual(["T-1", "T-2", "T-3"]);

    hang = false;
    const second = await runCli(MAIN, jobArgs(), env(emulator.url));
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain("job: 4 tasks, 4 ok, 0 failed.");

    // Each (ticket, turn) was answered exactly once: nothing finished before the kill was asked again.
    const key = (r: (typeof emulator.requests)[number]) =>
      `${ticketOf(r.body as GenerateContentRequest)}#${modelTurns(r.body as GenerateContentRequest)}`;
    // The two hung requests are the only ones that never completed.
    expect(
      emulator.requests
        .filter((r) => r.outcome !== "complete")
        .map(key)
        .sort(),
    ).toEqual(["T-3#2", "T-4#1"]);
    const asked = emulator.requests.filter((r) => r.outcome === "complete").map(key);
    const counts = new Map<string, number>();
    for (const key of asked) counts.set(key, (counts.get(key) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries(TICKETS.flatMap((t) => [0, 1, 2].map((turn) => [`${t.id}#${turn}`, 1]))),
    );
    // The second run asked only what was left: T-3's last turn, T-4's last two.
    const secondRun = emulator.requests
      .slice(before)
      .map(
        (r) =>
          `${ticketOf(r.body as GenerateContentRequest)}#${modelTurns(r.body as GenerateContentRequest)}`,
      );
    expect(secondRun.sort()).toEqual(["T-3#2", "T-4#1", "T-4#2"]);

    // One side effect per ticket, across both runs.
    const actions = await lines("actions.jsonl");
    expect(actions.map((a) => a.action.ticket_id).sort()).toEqual(["T-1", "T-2", "T-3", "T-4"]);

    // Every ticket has its result; T-3's says it was resumed.
    const results = await lines("results.jsonl");
    const byId = new Map(results.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual(["T-1", "T-2", "T-3", "T-4"]);
    expect(byId.get("T-3")).toMatchObject({ status: "ok", answer: "Note for T-3: handled.", resumed: true });
    expect(byId.get("T-4")).toMatchObject({ status: "ok", resumed: true });
    expect(byId.get("T-1")).toMatchObject({ status: "ok", resumed: false });
    expect(byId.get("T-3")!.triage).toEqual({
      ticket_id: "T-3",
      priority: "high",
      category: "billing",
      summary: "Summary of T-3",
    });
  });

  it("a failing task gives exit 1, a summary on stderr, a failed result line and JSON logs per task", async () => {
    await using emulator = await createEmulator({
      script: Array(20).fill(async (request: EmulatedRequest): Promise<ScriptedTurn> => {
        const ticket = ticketOf(request.body);
        // A 400 is never retried: T-2 fails, the others go on.
        if (ticket === "T-2")
          return { error: "invalid-argument", message: "Request contains an invalid argument." };
        return triage(ticket, modelTurns(request.body));
      }),
      whenScriptEmpty: "error",
    });
    await writeFile(
      join(dir, "tickets.jsonl"),
      `${TICKETS.map((t) => JSON.stringify(t)).join("\n")}\n{"id": 5}\n`,
    );
    const run = await runCli(MAIN, jobArgs(), env(emulator.url));
    expect(run.code).toBe(1);
    const summary = run.stderr.split("\n").filter((l) => l.startsWith("job: ") || l.startsWith("  failed"));
    expect(summary.at(-3)).toMatch(/^job: 5 tasks, 3 ok, 2 failed\. Results: .*results\.jsonl$/);
    expect(summary.slice(-2).sort()).toEqual([
      expect.stringMatching(/^ {2}failed T-2: .*invalid argument/),
      expect.stringMatching(/^ {2}failed line-5: line 5 is not a ticket \(id: .*; customer: /),
    ]);
    expect(run.stderr).toMatch(/\[#+-*\] \d\/5 1 failed/);

    const results = await lines("results.jsonl");
    expect(results.find((r) => r.id === "T-2")).toMatchObject({ status: "failed", code: "invalid_request" });
    // stdout is JSON logs; each task's lines carry its taskId, including the agent's own run logs.
    const logs = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(logs.filter((l) => l.taskId === "T-1").map((l) => l.msg)).toEqual(
      expect.arrayContaining(["task started", "run start", "task done"]),
    );
    expect(logs.find((l) => l.taskId === "T-2" && l.msg === "task failed")).toMatchObject({ level: 50 });
  });

  it("runs offline by default (no key) on the embedded emulator, two tasks at a time", async () => {
    const run = await runCli(MAIN, jobArgs(), cleanEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("offline (no API key: embedded emulator)");
    expect(run.stderr).toContain("job: 4 tasks, 4 ok, 0 failed.");
    expect((await lines("results.jsonl")).map((r) => r.status)).toEqual(["ok", "ok", "ok", "ok"]);
    // --concurrency 2: the log shows two tasks open at once, never three.
    let open = 0;
    let most = 0;
    for (const line of run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))) {
      if (line.msg === "task started") most = Math.max(most, ++open);
      if (line.msg === "task done") open--;
    }
    expect([most, open]).toEqual([2, 0]);
  });
});
