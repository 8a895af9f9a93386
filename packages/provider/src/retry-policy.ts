// Invariant 4 with p-retry: only retryable ProviderErrors are retried (network, 408, 429 rate limits,
// 500, 502, 503, 504, timeouts, a stream cut before anything reached the consumer), with exponential
// backoff and jitter, honouring RetryInfo.retryDelay / Retry-After, bounded in attempts and in total
// wait. Each retry is announced (onRetry) and logged before its wait.
import pRetry from "p-retry";
import { ProviderError } from "./errors.js";
import type { Logger } from "./logging.js";
import type { RetryNotice } from "./provider-types.js";

export interface RetryOptions {
  /** Attempts in all, the first included. Default 4; 1 disables retries. */
  maxAttempts?: number;
  /** First backoff step. Default 500 ms. */
  baseDelayMs?: number;
  /** Backoff growth per retry. Default 2. */
  factor?: number;
  /**
   * Cap on one wait. A server asking for longer (RetryInfo / Retry-After) is not retried. Default 60 s:
   * a per-minute quota (Google's 429 "Please retry in 55s") asks for up to a minute.
   */
  maxDelayMs?: number;
  /** Cap on the sum of all waits of one call. Default 120 s (two per-minute quota waits). */
  maxTotalWaitMs?: number;
  /** Called before each retry waits (also logged at `warn`). */
  onRetry?: (notice: RetryNotice) => void;
}

export type RetryPolicy = Required<Omit<RetryOptions, "onRetry">> & Pick<RetryOptions, "onRetry">;

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  factor: 2,
  maxDelayMs: 60_000,
  maxTotalWaitMs: 120_000,
};

export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { ...DEFAULT_RETRY, maxAttempts: 1 };
  const policy = { ...DEFAULT_RETRY, ...options };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) policy.maxAttempts = 1;
  return policy;
}

/**
 * How long to wait before retry number `retry` (1-based), or undefined when the server asks for more
 * than the policy allows. A server-given delay is honoured with up to 10% (at most 1 s) added jitter,
 * the jitter never taking the wait past `maxDelayMs`; otherwise the backoff is `base * factor^(retry-1)`
 * capped, with "equal jitter" (half fixed, half random).
 */
export function retryDelayMs(
  error: ProviderError,
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxDelayMs) return undefined;
    const jitter = random() * Math.min(error.retryAfterMs * 0.1, 1000);
    return Math.min(policy.maxDelayMs, Math.round(error.retryAfterMs + jitter));
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

function sleep(
  ms: number,
  signal: AbortSignal | undefined,
  gateway: ProviderError["gateway"],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () =>
      new ProviderError({
        code: "aborted",
        message: `The call to ${gateway} was aborted by the caller while waiting to retry.`,
        gateway,
        retryable: false,
        cause: signal?.reason,
      });
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export interface RetryRun {
  policy: RetryPolicy;
  signal?: AbortSignal | undefined;
  /** Per-call callback, in addition to the policy's. */
  onRetry?: ((notice: RetryNotice) => void) | undefined;
  logger: Logger;
  /** Added to the retry log line. */
  context: Record<string, unknown>;
}

/**
 * Whether the failure of attempt `n` is retried: true after announcing the retry and sleeping its
 * delay, false when the error, the policy, the caller's signal or the wait budget says stop.
 */
async function prepareRetry(
  error: unknown,
  n: number,
  retriesLeft: number,
  run: RetryRun,
  budget: { waitedMs: number },
): Promise<boolean> {
  const { policy } = run;
  if (!(error instanceof ProviderError) || !error.retryable || retriesLeft <= 0) return false;
  if (run.signal?.aborted) return false;
  const delayMs = retryDelayMs(error, n, policy);
  if (delayMs === undefined || budget.waitedMs + delayMs > policy.maxTotalWaitMs) return false;
  budget.waitedMs += delayMs;
  const notice: RetryNotice = { attempt: n + 1, delayMs, error };
  if (run.logger.isLevelEnabled("warn")) {
    run.logger.warn(
      { ...run.context, attempt: notice.attempt, delayMs, code: error.code, status: error.status },
      "retrying the Gemini call",
    );
  }
  for (const listener of [policy.onRetry, run.onRetry]) {
    try {
      listener?.(notice);
    } catch (listenerError) {
      // A failing listener must not change the call's outcome.
      run.logger.warn({ err: listenerError }, "onRetry listener threw");
    }
  }
  await sleep(delayMs, run.signal, error.gateway);
  return true;
}

/**
 * Runs `attempt` until it succeeds or the policy says stop; returns the value and the attempt count.
 * The first attempt runs directly (nearly every call succeeds at once, and entering p-retry costs
 * about 14 µs a call); p-retry takes over from the second attempt.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  run: RetryRun,
): Promise<{ value: T; attempts: number }> {
  let firstError: unknown;
  try {
    return { value: await attempt(1), attempts: 1 };
  } catch (error) {
    firstError = error;
  }
  const { policy } = run;
  const budget = { waitedMs: 0 };
  if (!(await prepareRetry(firstError, 1, policy.maxAttempts - 1, run, budget))) throw firstError;
  let attempts = 1;
  let retryNext = false;
  const value = await pRetry(
    (n) => {
      attempts = n + 1;
      return attempt(attempts);
    },
    {
      // p-retry counts from the second attempt here: its attempt n is our attempt n + 1.
      retries: policy.maxAttempts - 2,
      // p-retry's own wait is zero: the wait happens in onFailedAttempt, where the error's own
      // delay (RetryInfo / Retry-After) is known.
      minTimeout: 0,
      maxTimeout: 0,
      factor: 1,
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        retryNext = await prepareRetry(error, attemptNumber + 1, retriesLeft, run, budget);
      },
      shouldRetry: () => retryNext,
    },
  );
  return { value, attempts };
}
