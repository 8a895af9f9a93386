// The events of a step, built only when someone listens. Parts are observed as they arrive (while a
// stream is read, or one after another once a `generateContent` turn is in), so `run()` and
// `stream()` emit the same sequence.
import type { Part } from "@signet/provider";
import { isFunctionCallPart, isTextPart } from "./part-kind.js";
import type { RunContext } from "./run-context.js";
import type { PendingCall } from "./run-state.js";
import type { StepRecord } from "./step-record.js";

/** Sees each part of a model turn in arrival order. */
export interface PartObserver {
  part(part: Part): void;
  /** After each stream chunk: a promise while the event consumer is behind (backpressure). */
  chunkDone(): Promise<void> | undefined;
}

export function partObserver(ctx: RunContext, step: number): PartObserver | undefined {
  if (!ctx.emitting) return undefined;
  const runId = ctx.runId;
  let calls = 0;
  return {
    part(part) {
      if (isTextPart(part)) {
        // Empty parts carry signatures, not text.
        if (part.text === "") return;
        if (part.thought) ctx.emit({ type: "thought_delta", runId, step, text: part.text });
        else ctx.emit({ type: "text_delta", runId, step, text: part.text });
      } else if (isFunctionCallPart(part)) {
        const call = part.functionCall;
        const callId = ctx.callId(call, step, calls++);
        ctx.emit({ type: "tool_call", runId, step, callId, name: call.name, args: call.args ?? {}, call });
      }
    },
    chunkDone: () => ctx.ready(),
  };
}

export function emitOutcome(ctx: RunContext, call: PendingCall, step: number): void {
  if (!ctx.emitting) return;
  const outcome = call.outcome!;
  const base = {
    runId: ctx.runId,
    step,
    callId: call.callId,
    name: call.name,
    durationMs: outcome.durationMs,
  };
  if (outcome.ok) ctx.emit({ type: "tool_result", ...base, result: outcome.result });
  else ctx.emit({ type: "tool_error", ...base, error: outcome.error });
}

export function emitStepFinish(ctx: RunContext, record: StepRecord): void {
  if (!ctx.emitting) return;
  ctx.emit({ type: "step_finish", runId: ctx.runId, step: record.step, record, usage: record.usage });
}

/** A step that leaves no calls pending ends here: recorded in the state, then announced. */
export function endStep(ctx: RunContext, record: StepRecord): void {
  ctx.state.steps.push(record);
  emitStepFinish(ctx, record);
}
