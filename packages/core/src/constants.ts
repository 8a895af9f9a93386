// Defaults the loop applies when an option is left unset.

/** Model calls per run before `MaxStepsError`. */
export const DEFAULT_MAX_STEPS = 10;
/** Re-asks after `MALFORMED_FUNCTION_CALL` / `UNEXPECTED_TOOL_CALL` before `ModelRecoveryError`. */
export const DEFAULT_MAX_REASKS = 2;
/** Re-asks when the final answer does not fit the `output` schema. */
export const DEFAULT_OUTPUT_REASKS = 1;
/** Function calls of one step that may run at the same time. */
export const DEFAULT_TOOL_CONCURRENCY = 8;
/** Undelivered stream events a consumer may fall behind by before the run waits for it. */
export const DEFAULT_EVENT_HIGH_WATER_MARK = 256;
/** Per-call deadline for a tool without its own `timeoutMs`. */
export const DEFAULT_TOOL_TIMEOUT_MS = 60_000;
/**
 * Google's documented placeholder signature for history that did not come from this model
 * (another provider, a hand-written transcript). Used only when the caller opts in.
 */
export const SKIP_THOUGHT_SIGNATURE = "skip_thought_signature_validator";
/** The version written into every saved `RunState`. */
export const RUN_STATE_SCHEMA_VERSION = 1;
/** The name of the function tool that stands in for Google Search under the `subcall` strategy. */
export const SEARCH_TOOL_NAME = "google_search";
