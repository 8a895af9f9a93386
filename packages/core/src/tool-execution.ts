// Runs one step's function calls: concurrently up to a bound, `sequential` tools alone, each with
// its own deadline and the run's abort signal. Failures become `{error: ...}` responses for the
// model (invariant 5), never exceptions; only the run's abort stops the step.
import { errorToResponse, resultToResponse } from "@signet/tools";
import type { Logger } from "pino";
import { CallContext } from "./call-context.js";
import { errorOutcome, type PreparedCall } from "./call-preparation.js";
import type { CallOutcome } from "./run-state.js";

export interface ExecuteOptions {
  concurrency: number;
  defaultTimeoutMs: number;
  signal: AbortSignal | undefined;
  logger: Logger;
  /** Called before a tool starts (not for calls that failed preparation). */
  onStart?: (call: PreparedCall & { ok: true }, index: number) => void | Promise<void>;
  /** Called as each call settles, in completion order: record it so a resume never re-runs it. */
  onSettled?: (call: PreparedCall, outcome: CallOutcome, index: number) => void | Promise<void>;
}

class AbortedDuringTools extends Error {
  constructor(readonly reason: unknown) {
    super("aborted");
  }
}

/**
 * Runs the calls and resolves with their outcomes in call order. Rejects with the abort reason
 * if the run's signal fires; outcomes settled before that were already reported through `onSettled`.
 */
export async function executeCalls(
  calls: readonly PreparedCall[],
  options: ExecuteOptions,
): Promise<CallOutcome[]> {
  const outcomes: CallOutcome[] = new Array(calls.length);
  const signal = options.signal;
  signal?.throwIfAborted();
  const settle = async (index: number): Promise<void> => {
    const call = calls[index]!;
    const outcome = call.ok ? await runOne(call, index, options) : errorOutcome(call.error);
    // A call cut short by the run's abort has no outcome: a resume runs it again.
    if (signal?.aborted) return;
    outcomes[index] = outcome;
    const settled = options.onSettled?.(call, outcome, index);
    if (settled) await settled;
  };
  const concurrency = Math.max(1, options.concurrency);
  // The usual step: no signal to race, and every call may start at once.
  if (!signal && calls.length <= concurrency && !calls.some(runsAlone)) {
    const tasks: Promise<void>[] = new Array(calls.length);
    for (let i = 0; i < calls.length; i++) tasks[i] = settle(i);
    await Promise.all(tasks);
    return outcomes;
  }

  let abortReject: ((error: AbortedDuringTools) => void) | undefined;
  const aborted = new Promise<never>((_, rejectAbort) => {
    abortReject = rejectAbort;
  });
  aborted.catch(() => {});
  const onAbort = () => abortReject?.(new AbortedDuringTools(signal?.reason));
  signal?.addEventListener("abort", onAbort, { once: true });

  const running = new Set<Promise<void>>();
  const start = (index: number): Promise<void> => {
    const tracked = settle(index).finally(() => running.delete(tracked));
    running.add(tracked);
    return tracked;
  };
  const race = (promises: Promise<unknown>[]) => Promise.race([aborted, ...promises]);

  try {
    for (let i = 0; i < calls.length; i++) {
      if (runsAlone(calls[i]!)) {
        while (running.size) await race([...running]);
        await race([start(i)]);
        continue;
      }
      while (running.size >= concurrency) await race([...running]);
      start(i);
    }
    while (running.size) await race([...running]);
  } catch (error) {
    if (error instanceof AbortedDuringTools) throw error.reason ?? signal?.reason;
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  return outcomes;
}

/** A `sequential` tool runs with no other call of its step. */
function runsAlone(call: PreparedCall): boolean {
  return call.ok && call.tool.sequential === true;
}

const TIMEOUT: unique symbol = Symbol("timeout");

async function runOne(
  call: PreparedCall & { ok: true },
  index: number,
  options: ExecuteOptions,
): Promise<CallOutcome> {
  if (options.onStart) {
    const starting = options.onStart(call, index);
    if (starting) await starting;
  }
  const { tool } = call;
  const timeoutMs = tool.timeoutMs ?? options.defaultTimeoutMs;
  const context = new CallContext(call.callId, tool.name, options.logger, options.signal);
  const started = performance.now();
  let result: unknown;
  try {
    result = tool.execute(call.args, context);
    // A tool that returned a value has finished: only a pending one needs a deadline.
    if (isThenable(result)) result = await within(result, timeoutMs);
  } catch (error) {
    return errorOutcome(errorToResponse(error).error, performance.now() - started);
  } finally {
    context.dispose();
  }
  const durationMs = performance.now() - started;
  if (result === TIMEOUT) {
    context.stop(new Error(`timed out after ${timeoutMs} ms`));
    return errorOutcome(
      { kind: "timeout", message: `The tool "${tool.name}" did not finish within ${timeoutMs} ms.` },
      durationMs,
    );
  }
  const response = resultToResponse(result);
  // A result JSON cannot carry goes back as an error; the tool did run, so it is not run again.
  if (!response.ok) return errorOutcome(response.response.error, durationMs);
  return { ok: true, result, durationMs, response: response.response };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

async function within(pending: PromiseLike<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMEOUT);
  });
  try {
    return await Promise.race([pending, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
