// The streaming form of a run: an async iterable of events plus the final result. Events are
// delivered as they are pushed (invariant 8); nothing waits for the run to end.
import type { AgentEvent } from "./events.js";
import type { RunResult } from "./run-result.js";

export interface AgentStream<Output = unknown> extends AsyncIterable<AgentEvent> {
  /** Resolves when the run ends (also if nobody iterates); rejects with the run's error. */
  readonly result: Promise<RunResult<Output>>;
}

export class EventQueue<Output> implements AgentStream<Output> {
  readonly result: Promise<RunResult<Output>>;
  private readonly buffer: AgentEvent[] = [];
  private wake: (() => void) | undefined;
  private done = false;
  private failure: { error: unknown } | undefined;
  private iterating = false;

  constructor(start: (push: (event: AgentEvent) => void) => Promise<RunResult<Output>>) {
    this.result = start((event) => this.push(event)).then(
      (result) => {
        this.close();
        return result;
      },
      (error: unknown) => {
        this.failure = { error };
        this.close();
        throw error;
      },
    );
    // Iterating consumers see the error there; an unobserved `result` must not crash the process.
    this.result.catch(() => {});
  }

  private push(event: AgentEvent): void {
    this.buffer.push(event);
    this.wake?.();
  }

  private close(): void {
    this.done = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AgentEvent> {
    if (this.iterating) throw new Error("An agent stream can be iterated once.");
    this.iterating = true;
    let index = 0;
    while (true) {
      if (index < this.buffer.length) {
        const event = this.buffer[index]!;
        // Drop delivered events so a long run does not keep them all.
        this.buffer[index++] = undefined as unknown as AgentEvent;
        if (index > 1024 && index === this.buffer.length) {
          this.buffer.length = 0;
          index = 0;
        }
        yield event;
        continue;
      }
      if (this.done) {
        if (this.failure) throw this.failure.error;
        return;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }
}
