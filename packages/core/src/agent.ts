// The public agent: configuration fixed once, then `run` (one result) or `stream` (events + result).
import { type AgentConfig, type AgentOptions, buildAgentConfig } from "./agent-config.js";
import { type AgentStream, EventQueue } from "./event-stream.js";
import { type RunInput, RunLoop, type RunOptions } from "./run-loop.js";
import type { RunResult } from "./run-result.js";

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
  async run(input: RunInput, options: RunOptions = {}): Promise<RunResult<Output>> {
    const { state, resumed } = RunLoop.prepare(this.config, input, options);
    const loop = new RunLoop(this.config, state, resumed, options, "generate", undefined);
    return (await loop.execute()) as RunResult<Output>;
  }

  /** Like `run`, over `streamGenerateContent`, yielding events as chunks arrive. */
  stream(input: RunInput, options: RunOptions = {}): AgentStream<Output> {
    return new EventQueue<Output>(async (push) => {
      const { state, resumed } = RunLoop.prepare(this.config, input, options);
      const loop = new RunLoop(this.config, state, resumed, options, "stream", push);
      return (await loop.execute()) as RunResult<Output>;
    });
  }
}
