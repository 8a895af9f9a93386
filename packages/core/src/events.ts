// The typed events of a run, in the order they happen. A stream yields them as chunks arrive.
import type { FunctionCall } from "@signet/provider";
import type { PendingApproval, RunResult } from "./run-result.js";
import type { SearchStrategyUsed } from "./search-strategy.js";
import type { StepRecord, ToolErrorInfo } from "./step-record.js";
import type { Usage } from "./usage.js";

interface EventBase {
  runId: string;
}

export interface RunStartEvent extends EventBase {
  type: "run_start";
  model: string;
  searchStrategy: SearchStrategyUsed;
  /** True when the run continues a saved state. */
  resumed: boolean;
}
export interface StepStartEvent extends EventBase {
  type: "step_start";
  step: number;
}
export interface TextDeltaEvent extends EventBase {
  type: "text_delta";
  step: number;
  text: string;
}
export interface ThoughtDeltaEvent extends EventBase {
  type: "thought_delta";
  step: number;
  text: string;
}
/** A function call, emitted as soon as its part arrives (before the step ends). */
export interface ToolCallEvent extends EventBase {
  type: "tool_call";
  step: number;
  callId: string;
  name: string;
  args: Record<string, unknown>;
  call: FunctionCall;
}
export interface ToolResultEvent extends EventBase {
  type: "tool_result";
  step: number;
  callId: string;
  name: string;
  result: unknown;
  durationMs: number;
}
export interface ToolErrorEvent extends EventBase {
  type: "tool_error";
  step: number;
  callId: string;
  name: string;
  error: ToolErrorInfo;
  durationMs: number;
}
export interface RetryEvent extends EventBase {
  type: "retry";
  step: number;
  attempt: number;
  delayMs: number;
  error: Error;
}
export interface ApprovalRequiredEvent extends EventBase {
  type: "approval_required";
  step: number;
  approvals: PendingApproval[];
}
export interface StepFinishEvent extends EventBase {
  type: "step_finish";
  step: number;
  record: StepRecord;
  usage: Usage;
}
export interface RunFinishEvent extends EventBase {
  type: "run_finish";
  result: RunResult;
}

export type AgentEvent =
  | RunStartEvent
  | StepStartEvent
  | TextDeltaEvent
  | ThoughtDeltaEvent
  | ToolCallEvent
  | ToolResultEvent
  | ToolErrorEvent
  | RetryEvent
  | ApprovalRequiredEvent
  | StepFinishEvent
  | RunFinishEvent;

export type AgentEventType = AgentEvent["type"];
