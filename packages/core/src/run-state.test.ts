import { describe, expect, it } from "vitest";
import { ApprovalError, InvalidStateError } from "./errors.js";
import { approve, parseRunState, type RunState, reject, serializeRunState } from "./run-state.js";
import { fixtureJson, signatureBytes } from "./test-support/fixtures.js";
import { emptyUsage } from "./usage.js";

function sampleState(): RunState {
  const response = fixtureJson<{ candidates: { content: { parts: never[] } }[] }>(
    "pydantic-ai__g3flash-parallel-fc-multiturn.t1.response.json",
  );
  return {
    schemaVersion: 1,
    runId: "run_1",
    model: "gemini-3-flash-preview",
    status: "awaiting_approval",
    contents: [
      { role: "user", parts: [{ text: 'jokes ✓ \u2028 "quoted"' }] },
      { role: "model", parts: response.candidates[0]!.content.parts },
    ],
    step: 1,
    reasks: 1,
    outputReasks: 0,
    usage: { ...emptyUsage(), promptTokens: 83, creditsConsumed: 0.5 },
    steps: [],
    pending: [
      {
        callId: "call_1_0",
        name: "generate_topic",
        args: {},
        outcome: { ok: true, result: "cars", response: { output: "cars" }, durationMs: 3 },
      },
      { callId: "call_1_1", name: "generate_topic", args: {}, approval: "pending" },
      { callId: "srv-id", id: "srv-id", name: "generate_topic", args: {}, approval: "pending" },
    ],
  };
}

describe("run state", () => {
  it("round-trips through JSON losslessly: signatures, ids, counters, approvals, results", () => {
    const state = sampleState();
    const back = parseRunState(serializeRunState(state));
    expect(back).toEqual(state);
    const sig = (s: RunState) => s.contents[1]!.parts[0]!.thoughtSignature!;
    expect(sig(back)).toBe(sig(state));
    expect(signatureBytes(sig(back)).length).toBeGreaterThan(100);
  });

  it("refuses another schemaVersion, non-JSON and corrupt fields with a clear message", () => {
    expect(() => parseRunState("{oops")).toThrow(InvalidStateError);
    expect(() => parseRunState({ ...sampleState(), schemaVersion: 2 })).toThrow(/schemaVersion 2.*reads 1/);
    expect(() => parseRunState({ ...sampleState(), step: -1 })).toThrow(/"step"/);
    expect(() => parseRunState({ ...sampleState(), contents: "x" })).toThrow(/"contents"/);
    expect(() => parseRunState({ ...sampleState(), pending: [{ name: "x" }] })).toThrow(/"pending"/);
    expect(() => parseRunState([])).toThrow(/object/);
    expect(() => parseRunState({ ...sampleState(), usage: {} })).toThrow(
      /"usage\.promptTokens" must be a number >= 0/,
    );
    const badArgs = sampleState();
    badArgs.pending![0]!.args = "x" as never;
    expect(() => parseRunState(badArgs)).toThrow(/"pending\[\]\.args"/);
    const badApproval = sampleState();
    badApproval.pending![1]!.approval = "maybe" as never;
    expect(() => parseRunState(badApproval)).toThrow(/"pending\[\]\.approval"/);
  });

  it("approve / reject mark pending calls and survive JSON", () => {
    const state = parseRunState(JSON.stringify(sampleState()));
    approve(state, "call_1_1");
    reject(state, "srv-id", "not today");
    const back = parseRunState(JSON.parse(JSON.stringify(state)));
    expect(back.pending!.map((c) => [c.approval, c.rejectionMessage])).toEqual([
      [undefined, undefined],
      ["approved", undefined],
      ["rejected", "not today"],
    ]);
  });

  it("approval errors name what is waiting", () => {
    const state = sampleState();
    expect(() => approve(state, "nope")).toThrow(ApprovalError);
    expect(() => approve(state, "nope")).toThrow(/waiting: call_1_1, srv-id/);
    expect(() => approve(state, "call_1_0")).toThrow(/does not need approval/);
  });
});
