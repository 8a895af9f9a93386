// One run of the agent loop: send the conversation, run the function calls, send their responses,
// until the model answers. Every change worth keeping is in the state before the next step, so a
// resume never repeats a completed call. The pieces: `run-input` (where a run starts),
// `step-execution` (one model call), `reask-policy`, `tool-step` with `approvals` (the calls),
// `final-answer` (structured output), `run-events` (what listeners see).
import type { AgentConfig } from "./agent-config.js";
import { MaxStepsError, RunAbortedError, SignetCoreError } from "./errors.js";
import type { EventSink } from "./event-stream.js";
import { rememberPartialResult } from "./partial-result.js";
import { RunContext, type TransportKind } from "./run-context.js";
import { type RunInput, type RunOptions, startRun } from "./run-input.js";
import type { RunResult } from "./run-result.js";
import { modelStep } from "./step-execution.js";
import { recoverPending, resolvePending } from "./tool-step.js";

export type { RunInput, RunOptions } from "./run-input.js";

export async function runLoop(
  config: AgentConfig,
  input: RunInput,
  options: RunOptions,
  transport: TransportKind,
  sink: EventSink | undefined,
): Promise<RunResult> {
  const { state, resumed, maxSteps } = startRun(config, input, options);
  const ctx = new RunContext(config, state, resumed, maxSteps, options, transport, sink);
  const searchStrategy = config.search.used;
  if (ctx.log.isLevelEnabled("info")) {
    ctx.log.info({ model: config.model, searchStrategy, resumed }, "run start");
  }
  if (ctx.emitting) {
    ctx.emit({ type: "run_start", runId: state.runId, model: config.model, searchStrategy, resumed });
  }
  try {
    options.signal?.throwIfAborted();
    state.status = "running";
    if (!state.pending) recoverPending(ctx);
    while (true) {
      if (state.pending) {
        ctx.phase = "tools";
        if (await resolvePending(ctx)) return finish(ctx, "awaiting_approval");
      }
      if (state.step >= maxSteps) throw new MaxStepsError(maxSteps, ctx.result("incomplete"), state);
      const behind = ctx.ready();
      if (behind) await behind;
      ctx.phase = "model";
      if (await modelStep(ctx)) return finish(ctx, "completed");
    }
  } catch (error) {
    const signal = options.signal;
    if (signal?.aborted && !(error instanceof SignetCoreError)) {
      throw new RunAbortedError(ctx.phase, signal.reason, ctx.result("incomplete"), state);
    }
    // Errors passed through unchanged (a ProviderError, a hook's) still give their partial result.
    rememberPartialResult(error, ctx.result("incomplete"));
    ctx.log.warn({ err: error }, "run failed");
    throw error;
  }
}

function finish(ctx: RunContext, status: "completed" | "awaiting_approval"): RunResult {
  const result = ctx.result(status);
  if (ctx.log.isLevelEnabled("info")) {
    ctx.log.info({ status, steps: ctx.state.step, usage: ctx.state.usage }, "run finish");
  }
  if (ctx.emitting) ctx.emit({ type: "run_finish", runId: ctx.runId, result });
  return result;
}
