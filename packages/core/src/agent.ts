// The public agent: configuration fixed once, then `run` (one result) or `stream` (events + result).
import { type AgentConfig, type AgentOptions, buildAgentConfig } from "./agent-config.js";
import { DEFAULT_EVENT_HIGH_WATER_MARK } from "./constants.js";
import { InvalidInputError } from "./errors.js";
import { type AgentStream, EventQueue } from "./event-stream.js";
import { type RunInput, type RunOptions, runLoop } from "./run-loop.js";
import type { RunResult } from "./run-result.js";

export interface StreamOptions extends RunOptions {
  /**
   * Undelivered events a consumer may fall behind by before the run waits for it (default 256).
   * Applies while someone iterates; `await stream.result` alone never blocks the run.
   */
  highWaterMark?: number;
}

export class Agent<Output = undefined> {
  private readonly config: AgentConfig;

  constructor(options: AgentOptions<Output>) {
    this.config = buildAgentConfig(options as AgentOptions<unknown>);
  }

  /** How this agent handles Google Search beside its function tools (decided once, by capability). */
  get searchStrategy(): AgentConfig["search"]["used"] {
    return this.config.search.used;
  }

  /**
   * Runs until the model answers, a call needs approval, or an error. `input` is a message (text or
   * parts), or a saved state / paused result to resume.
   */
  run(input: RunInput, options: RunOptions = {}): Promise<RunResult<Output>> {
    return runLoop(this.config, input, options, "generate", undefined) as Promise<RunResult<Output>>;
  }

  /** Like `run`, over `streamGenerateContent`, yielding events as chunks arrive. */
  stream(input: RunInput, options: StreamOptions = {}): AgentStream<Output> {
    const { highWaterMark = DEFAULT_EVENT_HIGH_WATER_MARK, ...runOptions } = options;
    if (!Number.isInteger(highWaterMark) || highWaterMark < 1) {
      throw new InvalidInputError(`highWaterMark must be a positive integer (got ${highWaterMark}).`);
    }
    return new EventQueue<Output>(
      (sink) => runLoop(this.config, input, runOptions, "stream", sink) as Promise<RunResult<Output>>,
      highWaterMark,
    );
  }
}
