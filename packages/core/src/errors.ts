// Typed errors of the agent loop. Each says what went wrong and what to do; none loses data:
// errors raised mid-run carry the partial result and the state to resume from.
import type { FinishReason, PromptFeedback } from "@signet/provider";
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

export abstract class SignetCoreError extends Error {
  abstract readonly code: SignetCoreErrorCode;
}

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
  readonly code = "preflight";
  constructor(
    readonly rule: PreflightRule,
    /** Index into `contents` of the offending content. */
    readonly contentIndex: number,
    message: string,
    /** Index into that content's `parts`, when one part is at fault. */
    readonly partIndex?: number,
  ) {
    super(`contents[${contentIndex}]${partIndex === undefined ? "" : `.parts[${partIndex}]`}: ${message}`);
    this.name = "PreflightError";
  }
}

/** Something stopped the run midway; carries what was done and the state to resume from. */
abstract class PartialRunError extends SignetCoreError {
  constructor(
    message: string,
    readonly result: RunResult,
    readonly state: RunState,
  ) {
    super(message);
  }
}

export class MaxStepsError extends PartialRunError {
  readonly code = "max_steps";
  constructor(
    readonly maxSteps: number,
    result: RunResult,
    state: RunState,
  ) {
    super(
      `The run reached maxSteps (${maxSteps}) without a final answer. Raise maxSteps, or resume from ` +
        "error.state with a higher limit; error.result holds the steps so far.",
      result,
      state,
    );
    this.name = "MaxStepsError";
  }
}

/** The model kept producing malformed or unexpected tool calls after the allowed re-asks. */
export class ModelRecoveryError extends PartialRunError {
  readonly code = "model_recovery";
  constructor(
    readonly finishReason: FinishReason | (string & {}),
    readonly finishMessage: string | undefined,
    readonly reasks: number,
    result: RunResult,
    state: RunState,
  ) {
    super(
      `The model ended with ${finishReason}${finishMessage ? ` (${finishMessage})` : ""} again after ${reasks} ` +
        "re-ask(s). Check the tool declarations (names, argument schemas) or raise maxReasks.",
      result,
      state,
    );
    this.name = "ModelRecoveryError";
  }
}

/** The prompt was blocked, or the answer was stopped for safety, recitation or a blocklist. */
export class BlockedError extends PartialRunError {
  readonly code = "blocked";
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
  readonly code = "structured_output";
  constructor(
    readonly text: string,
    readonly issues: OutputIssue[],
    result: RunResult,
    state: RunState,
  ) {
    super(
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
  readonly code = "search_strategy";
  constructor(message: string) {
    super(message);
    this.name = "SearchStrategyError";
  }
}

/** A saved state that cannot be resumed (wrong version, corrupt, or for another model). */
export class InvalidStateError extends SignetCoreError {
  readonly code = "invalid_state";
  constructor(message: string) {
    super(message);
    this.name = "InvalidStateError";
  }
}

/** The input to `run` is malformed (a part with no data, a bad mime type...). */
export class InvalidInputError extends SignetCoreError {
  readonly code = "invalid_input";
  constructor(message: string) {
    super(message);
    this.name = "InvalidInputError";
  }
}

/** An approval decision refers to no pending call, or a paused run was resumed without decisions. */
export class ApprovalError extends SignetCoreError {
  readonly code = "approval";
  constructor(message: string) {
    super(message);
    this.name = "ApprovalError";
  }
}

/** The run's signal was aborted; carries what was done and the state to resume from. */
export class RunAbortedError extends PartialRunError {
  readonly code = "aborted";
  constructor(
    readonly phase: "model" | "tools" | "start",
    readonly reason: unknown,
    result: RunResult,
    state: RunState,
  ) {
    super(
      `The run was aborted during ${phase === "model" ? "a model call" : phase === "tools" ? "tool execution" : "start"}.`,
      result,
      state,
    );
    this.name = "RunAbortedError";
  }
}
