// Typed errors of the agent loop. Each says what went wrong and what to do; none loses data:
// errors raised mid-run carry the partial result and the state to resume from.
import { type FinishReason, type PromptFeedback, SignetError } from "@signet/provider";
import type { RunResult } from "./run-result.js";
import type { RunState } from "./run-state.js";

export type SignetCoreErrorCode =
  | "preflight"
  | "max_steps"
  | "model_recovery"
  | "blocked"
  | "structured_output"
  | "search_strategy"
  | "invalid_state"
  | "invalid_input"
  | "approval"
  | "aborted";

/** Base of the loop's errors; like every Signet error it carries a normalized `code`. */
export abstract class SignetCoreError extends SignetError<SignetCoreErrorCode> {}

/** What the pre-flight check found wrong. */
export type PreflightRule =
  | "empty_contents"
  | "invalid_role"
  | "empty_parts"
  | "invalid_part"
  | "unanswered_calls"
  | "response_count"
  | "response_mismatch"
  | "orphan_response"
  | "missing_signature";

/** The history breaks invariant 2; raised before any network I/O. */
export class PreflightError extends SignetCoreError {
  declare readonly code: "preflight";
  constructor(
    readonly rule: PreflightRule,
    /** Index into `contents` of the offending content. */
    readonly contentIndex: number,
    message: string,
    /** Index into that content's `parts`, when one part is at fault. */
    readonly partIndex?: number,
  ) {
    super(
      "preflight",
      `contents[${contentIndex}]${partIndex === undefined ? "" : `.parts[${partIndex}]`}: ${message}`,
    );
    this.name = "PreflightError";
  }
}

/** Something stopped the run midway; carries what was done and the state to resume from. */
export abstract class PartialRunError extends SignetCoreError {
  constructor(
    code: SignetCoreErrorCode,
    message: string,
    /** What the run did so far (`status: "incomplete"`): steps, usage, the history. */
    readonly result: RunResult,
    /** Resumable: `agent.run(error.state)`; completed tool calls are not run again. */
    readonly state: RunState,
  ) {
    super(code, message);
  }
}

export class MaxStepsError extends PartialRunError {
  declare readonly code: "max_steps";
  constructor(
    readonly maxSteps: number,
    result: RunResult,
    state: RunState,
  ) {
    super(
      "max_steps",
      `The run made ${maxSteps} model calls (maxSteps) without a final answer. error.result holds the steps ` +
        `so far; to go on, resume with a higher limit: agent.run(error.state, { maxSteps: ${maxSteps * 2} }).`,
      result,
      state,
    );
    this.name = "MaxStepsError";
  }
}

/** The model kept producing malformed or unexpected tool calls after the allowed re-asks. */
export class ModelRecoveryError extends PartialRunError {
  declare readonly code: "model_recovery";
  constructor(
    readonly finishReason: FinishReason | (string & {}),
    readonly finishMessage: string | undefined,
    readonly reasks: number,
    result: RunResult,
    state: RunState,
  ) {
    super(
      "model_recovery",
      `The model ended with ${finishReason}${finishMessage ? ` (${finishMessage})` : ""} again after ${reasks} ` +
        "re-ask(s). Check the tool declarations (names, argument schemas, toolConfig) or raise maxReasks.",
      result,
      state,
    );
    this.name = "ModelRecoveryError";
  }
}

/** The prompt was blocked, or the answer was stopped for safety, recitation or a blocklist. */
export class BlockedError extends PartialRunError {
  declare readonly code: "blocked";
  constructor(
    /** `prompt`: `promptFeedback.blockReason` was set; `response`: the candidate stopped. */
    readonly kind: "prompt" | "response",
    /** The block reason or finish reason, e.g. `SAFETY`, `PROHIBITED_CONTENT`. */
    readonly reason: string,
    readonly detail: string | undefined,
    readonly promptFeedback: PromptFeedback | undefined,
    result: RunResult,
    state: RunState,
  ) {
    super(
      "blocked",
      kind === "prompt"
        ? `The prompt was blocked (${reason})${detail ? `: ${detail}` : ""}. Rephrase the input or adjust safetySettings.`
        : `The model stopped with ${reason}${detail ? `: ${detail}` : ""}. Rephrase the input or adjust safetySettings.`,
      result,
      state,
    );
    this.name = "BlockedError";
  }
}

/** One thing wrong with a structured answer, with its path. */
export interface OutputIssue {
  path: (string | number)[];
  message: string;
}

/** The final answer did not fit the `output` schema, even after the re-ask. */
export class StructuredOutputError extends PartialRunError {
  declare readonly code: "structured_output";
  constructor(
    readonly text: string,
    readonly issues: OutputIssue[],
    result: RunResult,
    state: RunState,
  ) {
    super(
      "structured_output",
      `The final answer does not fit the output schema: ${issues
        .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
        .join("; ")}. Simplify the schema or make the instructions explicit about the format.`,
      result,
      state,
    );
    this.name = "StructuredOutputError";
  }
}

/** Search cannot be combined with function tools on this gateway/model under the chosen strategy. */
export class SearchStrategyError extends SignetCoreError {
  declare readonly code: "search_strategy";
  constructor(message: string) {
    super("search_strategy", message);
    this.name = "SearchStrategyError";
  }
}

/** A saved state that cannot be resumed (wrong version, corrupt, or for another model). */
export class InvalidStateError extends SignetCoreError {
  declare readonly code: "invalid_state";
  constructor(message: string) {
    super("invalid_state", message);
    this.name = "InvalidStateError";
  }
}

/** An option or input to the agent is malformed (a part with no data, a bad mime type...). */
export class InvalidInputError extends SignetCoreError {
  declare readonly code: "invalid_input";
  constructor(message: string) {
    super("invalid_input", message);
    this.name = "InvalidInputError";
  }
}

/** An approval decision refers to no pending call, or a paused run was resumed without decisions. */
export class ApprovalError extends SignetCoreError {
  declare readonly code: "approval";
  constructor(message: string) {
    super("approval", message);
    this.name = "ApprovalError";
  }
}

const PHASES = { start: "start", model: "a model call", tools: "tool execution" } as const;

/** The run's signal was aborted; carries what was done and the state to resume from. */
export class RunAbortedError extends PartialRunError {
  declare readonly code: "aborted";
  constructor(
    readonly phase: "model" | "tools" | "start",
    readonly reason: unknown,
    result: RunResult,
    state: RunState,
  ) {
    super(
      "aborted",
      `The run was aborted during ${PHASES[phase]}. To continue it, pass error.state to agent.run; ` +
        "completed tool calls are not run again.",
      result,
      state,
    );
    this.name = "RunAbortedError";
  }
}
