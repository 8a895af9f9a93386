// What the result and the state record about each step and each tool call.

import type { ToolErrorPayload, ToolErrorKind as ToolsErrorKind } from "@signet/tools";
import type { Usage } from "./usage.js";

/** Why a call's response is `{error: ...}`: the kinds of `@signet/tools`, plus a human's rejection. */
export type ToolErrorKind = ToolsErrorKind | "rejected";

/** Exactly what the model receives under `functionResponse.response.error`. */
export type ToolErrorInfo = Omit<ToolErrorPayload, "kind"> & { kind: ToolErrorKind };

export type ToolCallRecord = {
  /** `functionCall.id` when the model sent one, else an id the loop assigned (never put on the wire). */
  callId: string;
  /** The id the model sent, if any. */
  id?: string;
  name: string;
  /** The arguments as the model sent them. */
  args: Record<string, unknown>;
  durationMs: number;
} & ({ ok: true; result: unknown } | { ok: false; error: ToolErrorInfo });

export type StepKind =
  /** The model called functions; their responses went back. */
  | "tool_calls"
  /** The model answered; the run ended (or paused on validation). */
  | "answer"
  /** The model's turn could not be used (malformed call, invalid output); it was asked again. */
  | "reask";

export interface StepRecord {
  /** 1-based. */
  step: number;
  kind: StepKind;
  finishReason: string | undefined;
  finishMessage?: string;
  /** A view of the step's non-thought text. */
  text: string;
  calls: ToolCallRecord[];
  usage: Usage;
  /** Wall time of the model call, including retries. */
  modelDurationMs: number;
  /** HTTP attempts the model call took (1 when it was not retried). */
  attempts: number;
}
