export { Agent, type StreamOptions } from "./agent.js";
export type { AgentOptions } from "./agent-config.js";
export * from "./constants.js";
export {
  ApprovalError,
  BlockedError,
  InvalidInputError,
  InvalidStateError,
  MaxStepsError,
  ModelRecoveryError,
  type OutputIssue,
  PartialRunError,
  PreflightError,
  type PreflightRule,
  RunAbortedError,
  SearchStrategyError,
  SignetCoreError,
  type SignetCoreErrorCode,
  StructuredOutputError,
} from "./errors.js";
export type { AgentStream } from "./event-stream.js";
export type * from "./events.js";
export { History, textOf, thoughtsOf } from "./history.js";
export type { AgentHooks, ModelCallInfo, ToolCallInfo } from "./hooks.js";
export type { InputPart, UserMessage } from "./input.js";
export type { ModelTurn } from "./model-step.js";
export { partialResultOf } from "./partial-result.js";
export { type PreflightOptions, preflight } from "./preflight.js";
export type { RunInput, RunOptions } from "./run-loop.js";
export type { PendingApproval, RunResult } from "./run-result.js";
export {
  type ApprovalStatus,
  approve,
  type CallOutcome,
  type PendingCall,
  parseRunState,
  type RunState,
  type RunStatus,
  reject,
  serializeRunState,
} from "./run-state.js";
export {
  createSearchTool,
  planSearch,
  type SearchOption,
  type SearchPlan,
  type SearchSource,
  type SearchStrategy,
  type SearchStrategyUsed,
  type SearchToolResult,
} from "./search-strategy.js";
export { applySignatureSentinel } from "./signature-sentinel.js";
export type { StepKind, StepRecord, ToolCallRecord, ToolErrorInfo, ToolErrorKind } from "./step-record.js";
export { addUsage, emptyUsage, type Usage, usageFrom, usageOfResponse } from "./usage.js";
