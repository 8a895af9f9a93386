// The resumable state of a run: plain JSON with a `schemaVersion`. It holds the history exactly as
// exchanged (signatures and ids as received), the counters, and the calls of the step in progress
// with their approvals and completed results, so a resume never runs a completed call again.
import type { Content } from "@signet/provider";
import { RUN_STATE_SCHEMA_VERSION } from "./constants.js";
import { ApprovalError, InvalidStateError } from "./errors.js";
import type { StepRecord, ToolErrorInfo } from "./step-record.js";
import type { Usage } from "./usage.js";

export type ApprovalStatus = "pending" | "approved" | "rejected";

/** A call of the step in progress. */
export interface PendingCall {
  callId: string;
  id?: string;
  name: string;
  args: Record<string, unknown>;
  /** Present when the call needs approval. */
  approval?: ApprovalStatus;
  /** Sent to the model as the error message when the call was rejected. */
  rejectionMessage?: string;
  /** Set once the call has completed (or failed); the response is reused on resume, never recomputed. */
  outcome?: CallOutcome;
}

export type CallOutcome = {
  /** `functionResponse.response` as sent to the model. */
  response: Record<string, unknown>;
  durationMs: number;
} & ({ ok: true; result: unknown } | { ok: false; error: ToolErrorInfo });

export type RunStatus = "running" | "awaiting_approval" | "completed";

export interface RunState {
  schemaVersion: typeof RUN_STATE_SCHEMA_VERSION;
  runId: string;
  model: string;
  status: RunStatus;
  /** The history exactly as exchanged. */
  contents: Content[];
  /** Model calls made so far. */
  step: number;
  /** Re-asks used for malformed/unexpected tool calls. */
  reasks: number;
  /** Re-asks used for structured output that did not validate. */
  outputReasks: number;
  usage: Usage;
  steps: StepRecord[];
  /** The calls of the last model turn, while their responses are not yet in `contents`. */
  pending?: PendingCall[];
}

const USAGE_COUNTERS = [
  "promptTokens",
  "candidatesTokens",
  "thoughtsTokens",
  "toolUsePromptTokens",
  "cachedContentTokens",
  "totalTokens",
] as const satisfies readonly (keyof Usage)[];
const APPROVALS = new Set<string>(["pending", "approved", "rejected"] satisfies ApprovalStatus[]);

/** JSON for storage; `parseRunState` reads it back losslessly. */
export function serializeRunState(state: RunState): string {
  return JSON.stringify(state);
}

/** Reads a state from JSON text or a parsed object; throws `InvalidStateError` saying what is wrong. */
export function parseRunState(input: string | unknown): RunState {
  let value: unknown = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new InvalidStateError(`The saved state is not JSON (${(error as Error).message}).`);
    }
  }
  if (!isRecord(value)) throw new InvalidStateError("The saved state must be a JSON object.");
  if (value.schemaVersion !== RUN_STATE_SCHEMA_VERSION) {
    throw new InvalidStateError(
      `The saved state has schemaVersion ${JSON.stringify(value.schemaVersion)}; this version of @signet/core ` +
        `reads ${RUN_STATE_SCHEMA_VERSION}. Resume it with the version that wrote it.`,
    );
  }
  const bad = (field: string, what: string) =>
    new InvalidStateError(`The saved state's "${field}" must be ${what}; the state is corrupt.`);
  if (typeof value.runId !== "string") throw bad("runId", "a string");
  if (typeof value.model !== "string") throw bad("model", "a string");
  if (value.status !== "running" && value.status !== "awaiting_approval" && value.status !== "completed") {
    throw bad("status", '"running", "awaiting_approval" or "completed"');
  }
  if (!Array.isArray(value.contents)) throw bad("contents", "an array of Content");
  for (const key of ["step", "reasks", "outputReasks"] as const) {
    if (!Number.isInteger(value[key]) || (value[key] as number) < 0) throw bad(key, "a non-negative integer");
  }
  if (!isRecord(value.usage)) throw bad("usage", "an object");
  for (const key of USAGE_COUNTERS) {
    const n = value.usage[key];
    if (typeof n !== "number" || !Number.isFinite(n) || n < 0) throw bad(`usage.${key}`, "a number >= 0");
  }
  if (!Array.isArray(value.steps)) throw bad("steps", "an array");
  if (value.pending !== undefined) {
    if (!Array.isArray(value.pending)) throw bad("pending", "an array");
    for (const call of value.pending) {
      if (!isRecord(call) || typeof call.callId !== "string" || typeof call.name !== "string") {
        throw bad("pending", "calls with callId and name");
      }
      if (!isRecord(call.args)) throw bad("pending[].args", "an object");
      if (call.approval !== undefined && !APPROVALS.has(call.approval as string)) {
        throw bad("pending[].approval", '"pending", "approved" or "rejected"');
      }
    }
  }
  return value as unknown as RunState;
}

/** Approves a paused call (by its `callId`, as listed in `result.pendingApprovals`). Returns the state. */
export function approve(state: RunState, callId: string): RunState {
  findAwaiting(state, callId).approval = "approved";
  return state;
}

/** Rejects a paused call; the model receives `{error: {kind: "rejected", message}}` for it. */
export function reject(state: RunState, callId: string, message?: string): RunState {
  const call = findAwaiting(state, callId);
  call.approval = "rejected";
  if (message !== undefined) call.rejectionMessage = message;
  return state;
}

function findAwaiting(state: RunState, callId: string): PendingCall {
  const call = state.pending?.find((c) => c.callId === callId);
  if (!call) {
    const known = state.pending?.filter((c) => c.approval).map((c) => c.callId) ?? [];
    throw new ApprovalError(
      `No call ${JSON.stringify(callId)} is waiting for approval in this state` +
        (known.length ? ` (waiting: ${known.join(", ")}).` : " (none is)."),
    );
  }
  if (!call.approval)
    throw new ApprovalError(`Call ${JSON.stringify(callId)} (${call.name}) does not need approval.`);
  if (call.outcome) throw new ApprovalError(`Call ${JSON.stringify(callId)} (${call.name}) has already run.`);
  return call;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
