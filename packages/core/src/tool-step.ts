// A step's function calls, from the model turn that made them to the user turn that answers them.
// Each call that settles is saved before anything else happens, so a resume never runs it again;
// the answers go back in call order, ids echoed, in one user turn.
import type { FunctionCall, Part } from "@signet/provider";
import { awaitingApproval, decideCalls, toApproval } from "./approvals.js";
import type { PreparedCall } from "./call-preparation.js";
import { responseParts } from "./function-responses.js";
import type { ToolCallInfo } from "./hooks.js";
import type { RunContext } from "./run-context.js";
import { emitOutcome, emitStepFinish } from "./run-events.js";
import type { CallOutcome, PendingCall } from "./run-state.js";
import type { StepRecord, ToolCallRecord } from "./step-record.js";
import { executeCalls } from "./tool-execution.js";
import { emptyUsage } from "./usage.js";

function pendingFor(ctx: RunContext, calls: readonly FunctionCall[], step: number): PendingCall[] {
  return calls.map((call, index) => {
    const pending: PendingCall = {
      callId: ctx.callId(call, step, index),
      name: call.name,
      args: call.args ?? {},
    };
    if (call.id !== undefined) pending.id = call.id;
    return pending;
  });
}

/** A crash right after a model turn of calls leaves them unanswered and unrecorded: rebuild them. */
export function recoverPending(ctx: RunContext): void {
  const calls = ctx.history.trailingCalls();
  if (calls.length) ctx.state.pending = pendingFor(ctx, calls, ctx.state.step);
}

/** The model turn of calls goes into history and the calls into the state, saved before any runs. */
export async function beginToolStep(
  ctx: RunContext,
  parts: Part[],
  calls: readonly FunctionCall[],
  record: StepRecord,
): Promise<false> {
  if (record.kind !== "reask") record.kind = "tool_calls";
  ctx.history.appendModel(parts);
  ctx.state.steps.push(record);
  ctx.state.pending = pendingFor(ctx, calls, record.step);
  const saving = ctx.checkpoint();
  if (saving) await saving;
  return false;
}

/**
 * Approvals, then execution of the step's calls, then their answers; returns true when the run must
 * pause for approval. Calls settled before (a crash, a pause) are reused, never run again.
 */
export async function resolvePending(ctx: RunContext): Promise<boolean> {
  const { state, config } = ctx;
  const pending = state.pending!;
  const step = state.step;
  const runId = state.runId;
  const runnable = await decideCalls(ctx, pending, step);
  // The calls that run now, and (same index) the pending calls they settle.
  const batch: PreparedCall[] = [];
  const settles: PendingCall[] = [];
  for (let i = 0; i < runnable.length; i++) {
    const ready = runnable[i];
    if (!ready) continue;
    batch.push(ready);
    settles.push(pending[i]!);
  }
  if (batch.length) {
    const { beforeToolCall } = config.hooks;
    await executeCalls(batch, {
      concurrency: config.toolConcurrency,
      defaultTimeoutMs: config.toolTimeoutMs,
      signal: ctx.options.signal,
      logger: ctx.log,
      onStart: beforeToolCall
        ? (_call, index) => beforeToolCall(toolCallInfo(runId, step, settles[index]!))
        : undefined,
      onSettled: (_call, outcome, index) => settle(ctx, settles[index]!, outcome, step),
    });
  }

  const awaiting = awaitingApproval(pending);
  if (awaiting.length) {
    state.status = "awaiting_approval";
    if (ctx.emitting)
      ctx.emit({ type: "approval_required", runId, step, approvals: awaiting.map(toApproval) });
    const saving = ctx.checkpoint();
    if (saving) await saving;
    return true;
  }
  await answerCalls(ctx, pending, step);
  return false;
}

/** A call settled: into the state, announced, then `afterToolCall` and a checkpoint (awaited when they return promises). */
function settle(
  ctx: RunContext,
  call: PendingCall,
  outcome: CallOutcome,
  step: number,
): void | Promise<void> {
  call.outcome = outcome;
  emitOutcome(ctx, call, step);
  const { afterToolCall } = ctx.config.hooks;
  if (!afterToolCall) return ctx.checkpoint();
  return afterThenCheckpoint(ctx, afterToolCall({ ...toolCallInfo(ctx.runId, step, call), outcome }));
}

async function afterThenCheckpoint(ctx: RunContext, after: void | Promise<void>): Promise<void> {
  if (after) await after;
  const saving = ctx.checkpoint();
  if (saving) await saving;
}

function toolCallInfo(runId: string, step: number, call: PendingCall): ToolCallInfo {
  return { runId, step, callId: call.callId, name: call.name, args: call.args };
}

/** Every call has its outcome: one user turn of responses, and the step's record completed. */
async function answerCalls(ctx: RunContext, pending: PendingCall[], step: number): Promise<void> {
  const { state } = ctx;
  const calls = pending.map((call) =>
    call.id === undefined ? { name: call.name } : { id: call.id, name: call.name },
  );
  ctx.history.appendUser(
    responseParts(
      calls,
      pending.map((call) => call.outcome!),
    ),
  );
  let record = state.steps[state.steps.length - 1];
  if (!record || record.step !== step) {
    // The model turn was recovered from history after a crash: no record was saved for it.
    record = {
      step,
      kind: "tool_calls",
      finishReason: undefined,
      text: "",
      calls: [],
      usage: emptyUsage(),
      modelDurationMs: 0,
      attempts: 0,
    };
    state.steps.push(record);
  }
  record.calls = pending.map(toCallRecord);
  state.pending = undefined;
  state.status = "running";
  emitStepFinish(ctx, record);
  const saving = ctx.checkpoint();
  if (saving) await saving;
}

function toCallRecord(call: PendingCall): ToolCallRecord {
  const outcome: CallOutcome = call.outcome!;
  const { callId, name, args } = call;
  const record: ToolCallRecord = outcome.ok
    ? { callId, name, args, durationMs: outcome.durationMs, ok: true, result: outcome.result }
    : { callId, name, args, durationMs: outcome.durationMs, ok: false, error: outcome.error };
  if (call.id !== undefined) record.id = call.id;
  return record;
}
