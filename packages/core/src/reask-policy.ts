// Invariant 5's bounded re-ask: a turn that ended with MALFORMED_FUNCTION_CALL or
// UNEXPECTED_TOOL_CALL is answered with a user message saying what to fix, at most `maxReasks`
// times per run; then a typed error carrying the partial result.
import type { FunctionCall } from "@signet/provider";
import { ModelRecoveryError } from "./errors.js";
import type { ModelTurn } from "./model-step.js";
import type { RunContext } from "./run-context.js";
import { endStep } from "./run-events.js";
import type { StepRecord } from "./step-record.js";
import { beginToolStep } from "./tool-step.js";

const RECOVERABLE = new Set(["MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL"]);

export function needsReask(finishReason: string | undefined): boolean {
  return finishReason !== undefined && RECOVERABLE.has(finishReason);
}

/** What the model is told after a turn it cannot be answered from. */
export function reaskText(
  finishReason: string,
  finishMessage: string | undefined,
  toolNames: readonly string[],
): string {
  const head = `Your last reply ended with ${finishReason}${finishMessage ? ` (${finishMessage})` : ""}. `;
  if (finishReason !== "UNEXPECTED_TOOL_CALL") {
    return `${head}Call only the declared functions, with arguments as valid JSON that matches their parameters.`;
  }
  return toolNames.length
    ? `${head}Only these functions are available: ${toolNames.join(", ")}. Call one of them, or answer in text.`
    : `${head}No functions are available here; answer in text.`;
}

/** Returns false (the run goes on) or throws `ModelRecoveryError` when the re-asks are used up. */
export async function reask(
  ctx: RunContext,
  turn: ModelTurn & { finishReason: string },
  calls: readonly FunctionCall[],
  record: StepRecord,
): Promise<false> {
  const { state, config } = ctx;
  record.kind = "reask";
  if (state.reasks >= config.maxReasks) {
    endStep(ctx, record);
    throw new ModelRecoveryError(
      turn.finishReason,
      turn.finishMessage,
      state.reasks,
      ctx.result("incomplete"),
      state,
    );
  }
  state.reasks++;
  // Calls that did arrive are answered (an unknown one with an error the model can read).
  if (calls.length) return beginToolStep(ctx, turn.parts, calls, record);
  endStep(ctx, record);
  if (turn.parts.length) ctx.history.appendModel(turn.parts);
  ctx.history.appendUser([{ text: reaskText(turn.finishReason, turn.finishMessage, [...ctx.tools.keys()]) }]);
  const saving = ctx.checkpoint();
  if (saving) await saving;
  return false;
}
