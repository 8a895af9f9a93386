// Hooks for logging and tracing around model calls and tool calls. A hook that throws fails the
// run (with the state intact), so keep them light.
import type { GenerateContentRequest } from "@signet/provider";
import type { AgentEvent } from "./events.js";
import type { ModelTurn } from "./model-step.js";
import type { CallOutcome, RunState } from "./run-state.js";

export interface ModelCallInfo {
  runId: string;
  step: number;
  model: string;
  request: GenerateContentRequest;
}

export interface ToolCallInfo {
  runId: string;
  step: number;
  callId: string;
  name: string;
  args: Record<string, unknown>;
}

export interface AgentHooks {
  /** Before each model request (after the pre-flight check). Do not mutate `request`. */
  beforeModelCall?(info: ModelCallInfo): void | Promise<void>;
  afterModelCall?(info: ModelCallInfo & { turn: ModelTurn; durationMs: number }): void | Promise<void>;
  beforeToolCall?(info: ToolCallInfo): void | Promise<void>;
  afterToolCall?(info: ToolCallInfo & { outcome: CallOutcome }): void | Promise<void>;
  /**
   * The state changed in a way worth saving (a model turn arrived, a tool call settled, responses
   * went back). Serialize it before returning: the run keeps updating the same object.
   */
  onCheckpoint?(state: RunState): void | Promise<void>;
  /** Every event, also for `run()` (which does not stream). */
  onEvent?(event: AgentEvent): void;
}
