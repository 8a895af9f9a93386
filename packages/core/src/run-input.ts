// What `run` accepts, and the state a run starts from: a new message (optionally continuing an
// earlier conversation), or a saved state / paused result to resume.
import { randomUUID } from "node:crypto";
import type { Content } from "@signet/provider";
import type { AgentConfig } from "./agent-config.js";
import { RUN_STATE_SCHEMA_VERSION } from "./constants.js";
import { InvalidInputError, InvalidStateError } from "./errors.js";
import { toUserContent, type UserMessage } from "./input.js";
import type { RunResult } from "./run-result.js";
import { parseRunState, type RunState } from "./run-state.js";
import { applySignatureSentinel } from "./signature-sentinel.js";
import { emptyUsage } from "./usage.js";

export interface RunOptions {
  signal?: AbortSignal;
  /** Continue a conversation: an earlier result, its state, or `Content[]` from elsewhere. */
  previous?: RunResult | RunState | readonly Content[];
  /**
   * History from elsewhere has no thought signatures; Gemini 3 refuses it. Opt in to send Google's
   * `skip_thought_signature_validator` on the unsigned first call of each step instead.
   */
  signatureSentinel?: boolean;
  /** Overrides the agent's `maxSteps` for this run (e.g. to resume after `MaxStepsError`). */
  maxSteps?: number;
}

/** A message starts a run; a saved state (or a paused result) resumes one. */
export type RunInput = UserMessage | RunState | RunResult;

export interface RunStart {
  state: RunState;
  resumed: boolean;
  maxSteps: number;
}

/** Builds the state for `input`; throws `InvalidInputError` / `InvalidStateError` saying what to pass. */
export function startRun(config: AgentConfig, input: RunInput, options: RunOptions): RunStart {
  const maxSteps = options.maxSteps ?? config.maxSteps;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new InvalidInputError(`run option maxSteps must be a positive integer (got ${options.maxSteps}).`);
  }
  if (isResumable(input)) return { state: resumeState(config, input), resumed: true, maxSteps };
  const message = toUserContent(input as UserMessage);
  let contents: Content[] = [];
  const previous = options.previous;
  if (previous !== undefined) {
    if (Array.isArray(previous)) contents = previous.slice();
    else {
      const prior = parseRunState("schemaVersion" in previous ? previous : (previous as RunResult).state);
      if (prior.status !== "completed") {
        throw new InvalidInputError(
          "The previous run has not finished (it is waiting for approval or was interrupted); resume it " +
            "first with agent.run(previous.state).",
        );
      }
      contents = prior.contents.slice();
    }
    if (options.signatureSentinel) contents = applySignatureSentinel(contents);
  }
  contents.push(message);
  const state: RunState = {
    schemaVersion: RUN_STATE_SCHEMA_VERSION,
    runId: randomUUID(),
    model: config.model,
    status: "running",
    contents,
    step: 0,
    reasks: 0,
    outputReasks: 0,
    usage: emptyUsage(),
    steps: [],
  };
  return { state, resumed: false, maxSteps };
}

function resumeState(config: AgentConfig, input: RunState | RunResult): RunState {
  const saved = parseRunState("schemaVersion" in input ? input : input.state);
  if (saved.model !== config.model) {
    throw new InvalidStateError(
      `This state was written for model ${saved.model}, not ${config.model}; thought signatures are bound to ` +
        "the model that made them. Resume it with an agent on the same model.",
    );
  }
  if (saved.status === "completed") {
    throw new InvalidInputError(
      "This run is complete. To continue the conversation, pass a new message with { previous: result }.",
    );
  }
  // Our own copy of every container the run changes; parts are shared, never cloned. The last step
  // record is copied too: resolving its calls writes into it, and the caller's object stays as saved.
  const steps = saved.steps.slice();
  const last = steps[steps.length - 1];
  if (last) steps[steps.length - 1] = { ...last };
  return {
    ...saved,
    contents: saved.contents.slice(),
    steps,
    usage: { ...saved.usage },
    pending: saved.pending?.map((call) => ({ ...call })),
  };
}

function isResumable(input: RunInput): input is RunState | RunResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return false;
  return "schemaVersion" in input || ("state" in input && "runId" in input && "contents" in input);
}
