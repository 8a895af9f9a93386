// One model step: check the history (invariant 2), send it, take the turn exactly as received
// (invariant 1), and decide what it means: a blocked prompt or answer (typed error), a turn to
// re-ask, function calls to run, or the final answer.
import type { CallOptions } from "@signet/provider";
import { BlockedError } from "./errors.js";
import { finishAnswer } from "./final-answer.js";
import { functionCallsOf, textOf } from "./history.js";
import { generateTurn, type ModelTurn, streamTurn } from "./model-step.js";
import { needsReask, reask } from "./reask-policy.js";
import type { RunContext } from "./run-context.js";
import { endStep, partObserver } from "./run-events.js";
import type { StepRecord } from "./step-record.js";
import { beginToolStep } from "./tool-step.js";
import { addUsage } from "./usage.js";

/** Finish reasons that end the answer for safety, recitation or a blocklist. */
const BLOCKED = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
  "IMAGE_RECITATION",
]);

/** One model call and what follows from it; returns true when the run has its final answer. */
export async function modelStep(ctx: RunContext): Promise<boolean> {
  const { state, config } = ctx;
  const runId = state.runId;
  const step = ++state.step;
  if (ctx.emitting) ctx.emit({ type: "step_start", runId, step });
  ctx.preflight.check(state.contents);
  // The live history, not a copy: the provider walks and serializes it once.
  const request = ctx.request;
  const { beforeModelCall, afterModelCall } = config.hooks;
  // Built, and awaited, only for a hook: an `await` of nothing still costs a hop.
  const info = beforeModelCall || afterModelCall ? { runId, step, model: config.model, request } : undefined;
  if (beforeModelCall) {
    const before = beforeModelCall(info!);
    if (before) await before;
  }
  const callOptions: CallOptions = ctx.emitting
    ? {
        signal: ctx.options.signal,
        onRetry: ({ attempt, delayMs, error }) =>
          ctx.emit({ type: "retry", runId, step, attempt, delayMs, error }),
      }
    : ctx.callOptions;
  if (ctx.log.isLevelEnabled("debug")) ctx.log.debug({ step, contents: state.contents.length }, "model call");
  const observer = partObserver(ctx, step);
  const started = performance.now();
  const turn =
    ctx.transport === "stream"
      ? await streamTurn(config.provider, config.model, request, callOptions, observer)
      : await generateTurn(config.provider, config.model, request, callOptions);
  const modelDurationMs = performance.now() - started;
  // A whole turn is observed part by part too, so run() and stream() emit the same events.
  if (observer && ctx.transport === "generate") for (const part of turn.parts) observer.part(part);
  addUsage(state.usage, turn.usage);
  if (afterModelCall) {
    const after = afterModelCall({ ...info!, turn, durationMs: modelDurationMs });
    if (after) await after;
  }
  ctx.lastFinishReason = turn.finishReason;

  const record: StepRecord = {
    step,
    kind: "answer",
    finishReason: turn.finishReason,
    text: textOf(turn.parts),
    calls: [],
    usage: turn.usage,
    modelDurationMs,
    attempts: turn.attempts,
  };
  if (turn.finishMessage !== undefined) record.finishMessage = turn.finishMessage;
  return settleTurn(ctx, turn, record);
}

async function settleTurn(ctx: RunContext, turn: ModelTurn, record: StepRecord): Promise<boolean> {
  const { parts, finishReason } = turn;
  const calls = functionCallsOf(parts);
  const blockReason = turn.promptFeedback?.blockReason;
  if (blockReason && parts.length === 0) {
    endStep(ctx, record);
    throw blocked(ctx, "prompt", blockReason, turn.promptFeedback?.blockReasonMessage, turn);
  }
  if (needsReask(finishReason)) return reask(ctx, { ...turn, finishReason: finishReason! }, calls, record);
  if (finishReason && BLOCKED.has(finishReason)) {
    // Keep what did arrive, unless it holds calls nobody will answer.
    if (parts.length && calls.length === 0) ctx.history.appendModel(parts);
    endStep(ctx, record);
    throw blocked(ctx, "response", finishReason, turn.finishMessage, turn);
  }
  if (calls.length) return beginToolStep(ctx, parts, calls, record);
  return finishAnswer(ctx, turn, record);
}

function blocked(
  ctx: RunContext,
  kind: "prompt" | "response",
  reason: string,
  detail: string | undefined,
  turn: ModelTurn,
): BlockedError {
  return new BlockedError(kind, reason, detail, turn.promptFeedback, ctx.result("incomplete"), ctx.state);
}
