// The streaming form of a run: an async iterable of events plus the final result. Events are
// delivered as they are pushed (invariant 8); nothing waits for the run to end.
//
// Backpressure: while a consumer iterates, at most `highWaterMark` undelivered events wait here;
// then the run pauses at its next safe point (after a stream chunk, before a model call) until the
// consumer has read half of them, and a slow consumer slows the model stream down instead of
// growing memory. Before anyone iterates, events are kept unbounded: `await stream.result` alone
// must be able to finish, and those events share their payloads with the run's history, so they
// cost a pointer each. A consumer that stops early (`break`) detaches: later events are dropped.
import { DEFAULT_EVENT_HIGH_WATER_MARK } from "./constants.js";
import { InvalidInputError } from "./errors.js";
import type { AgentEvent } from "./events.js";
import type { RunResult } from "./run-result.js";

export interface AgentStream<Output = unknown> extends AsyncIterable<AgentEvent> {
  /** Resolves when the run ends (also if nobody iterates); rejects with the run's error. */
  readonly result: Promise<RunResult<Output>>;
}

/** Where a run delivers its events. */
export interface EventSink {
  push(event: AgentEvent): void;
  /** A promise while the consumer is too far behind; the run awaits it before producing more. */
  ready(): Promise<void> | undefined;
}

type Mode = "idle" | "iterating" | "detached";

export class EventQueue<Output> implements AgentStream<Output>, EventSink {
  readonly result: Promise<RunResult<Output>>;
  private items: AgentEvent[] = [];
  private head = 0;
  private mode: Mode = "idle";
  private done = false;
  private failure: { error: unknown } | undefined;
  /** The consumer waiting for an event. */
  private wakeConsumer: (() => void) | undefined;
  /** The run waiting for room. */
  private room: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(
    start: (sink: EventSink) => Promise<RunResult<Output>>,
    private readonly highWaterMark = DEFAULT_EVENT_HIGH_WATER_MARK,
  ) {
    this.result = start(this).then(
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

  /** Events pushed and not yet delivered. */
  get backlog(): number {
    return this.items.length - this.head;
  }

  push(event: AgentEvent): void {
    if (this.mode === "detached") return;
    this.items.push(event);
    this.wakeConsumer?.();
  }

  ready(): Promise<void> | undefined {
    if (this.mode !== "iterating" || this.backlog < this.highWaterMark) return undefined;
    if (!this.room) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      this.room = { promise, resolve };
    }
    return this.room.promise;
  }

  private releaseRun(): void {
    const room = this.room;
    this.room = undefined;
    room?.resolve();
  }

  private close(): void {
    this.done = true;
    this.wakeConsumer?.();
  }

  private take(): AgentEvent {
    const event = this.items[this.head]!;
    this.items[this.head++] = undefined as unknown as AgentEvent;
    // Drop delivered slots now and then so a long run does not keep them all.
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (this.room && this.backlog <= this.highWaterMark / 2) this.releaseRun();
    return event;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AgentEvent> {
    if (this.mode !== "idle") {
      throw new InvalidInputError(
        "This agent stream is already being iterated (or was): an AgentStream can be iterated once. " +
          "Read all events in one loop, or await stream.result.",
      );
    }
    this.mode = "iterating";
    try {
      while (true) {
        if (this.backlog > 0) {
          yield this.take();
          continue;
        }
        if (this.done) {
          if (this.failure) throw this.failure.error;
          return;
        }
        await new Promise<void>((resolve) => {
          this.wakeConsumer = resolve;
        });
        this.wakeConsumer = undefined;
      }
    } finally {
      // Normal end, error, or the consumer left early: nobody reads from here on.
      this.mode = "detached";
      this.items = [];
      this.head = 0;
      this.releaseRun();
    }
  }
}
