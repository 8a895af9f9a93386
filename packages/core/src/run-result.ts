// What a run returns.
import type { Content } from "@signet/provider";
import type { RunState } from "./run-state.js";
import type { SearchStrategyUsed } from "./search-strategy.js";
import type { StepRecord } from "./step-record.js";
import type { Usage } from "./usage.js";

/** A call waiting for a human decision; approve or reject it by `callId`. */
export interface PendingApproval {
  callId: string;
  id?: string;
  name: string;
  args: Record<string, unknown>;
}

export interface RunResult<Output = unknown> {
  runId: string;
  /**
   * `completed`: the model answered. `awaiting_approval`: see `pendingApprovals`, decide, resume from
   * `state`. `incomplete`: the partial result a run error carries (`MaxStepsError`, `RunAbortedError`...).
   */
  status: "completed" | "awaiting_approval" | "incomplete";
  /** A view of the final answer's non-thought text ("" while awaiting approval). */
  text: string;
  /** The parsed, validated answer when the agent has an `output` schema. */
  output: Output | undefined;
  /** The whole conversation exactly as exchanged, including this run's input. */
  contents: Content[];
  steps: StepRecord[];
  usage: Usage;
  /** Resumable, JSON-safe. */
  state: RunState;
  searchStrategy: SearchStrategyUsed;
  pendingApprovals: PendingApproval[];
  finishReason: string | undefined;
}
