// What a failed run had done, for every error, also those the loop passes through unchanged
// (a `ProviderError` after the retries, a hook that threw). Those keep their own class so callers'
// checks (`isProviderError`) still hold; their partial result is looked up here instead.
import { PartialRunError } from "./errors.js";
import type { RunResult } from "./run-result.js";

const partials = new WeakMap<object, RunResult>();

/** Called by the loop when a run fails with an error that does not carry its result itself. */
export function rememberPartialResult(error: unknown, result: RunResult): void {
  if (typeof error === "object" && error !== null && !(error instanceof PartialRunError)) {
    partials.set(error, result);
  }
}

/**
 * The partial result (`status: "incomplete"`) of the run that threw `error`, with its resumable
 * `state`: `agent.run(partialResultOf(error)!.state)` continues without re-running completed tool
 * calls. Undefined for errors that did not come out of a run (e.g. thrown by `new Agent`).
 */
export function partialResultOf(error: unknown): RunResult | undefined {
  if (error instanceof PartialRunError) return error.result;
  return typeof error === "object" && error !== null ? partials.get(error) : undefined;
}
