// The event queue on its own: delivery order, failure, the bounded backlog (backpressure) while a
// consumer iterates, no blocking when nobody does, and detaching when the consumer leaves early.
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";
import { EventQueue, type EventSink } from "./event-stream.js";
import type { AgentEvent } from "./events.js";
import type { RunResult } from "./run-result.js";

const delta = (n: number): AgentEvent => ({ type: "text_delta", runId: "r", step: 1, text: String(n) });
const RESULT = { runId: "r" } as RunResult;

/** Lets every pending promise callback run: setImmediate fires only once the microtask queue is empty. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A producer that pushes `total` events and, like the loop, waits whenever `ready()` says so. */
function producer(total: number) {
  const progress = { pushed: 0, waits: 0 };
  let release!: () => void;
  const finish = new Promise<void>((r) => {
    release = r;
  });
  const start = async (sink: EventSink) => {
    for (let i = 0; i < total; i++) {
      // Like a run, events come out of asynchronous work, not all in one synchronous burst.
      if (i > 0) await Promise.resolve();
      sink.push(delta(i));
      progress.pushed++;
      const wait = sink.ready();
      if (wait) {
        progress.waits++;
        await wait;
      }
    }
    await finish;
    return RESULT;
  };
  return { progress, start, release };
}

describe("EventQueue", () => {
  it("delivers events in order, then ends with the result", async () => {
    const queue = new EventQueue(async (sink) => {
      for (let i = 0; i < 5; i++) sink.push(delta(i));
      return RESULT;
    });
    const texts: string[] = [];
    for await (const event of queue) if (event.type === "text_delta") texts.push(event.text);
    expect(texts).toEqual(["0", "1", "2", "3", "4"]);
    await expect(queue.result).resolves.toBe(RESULT);
  });

  it("rethrows the run's error to the iterating consumer and from result", async () => {
    const failure = new Error("model down");
    const queue = new EventQueue(async (sink) => {
      sink.push(delta(0));
      throw failure;
    });
    const seen: AgentEvent[] = [];
    await expect(
      (async () => {
        for await (const event of queue) seen.push(event);
      })(),
    ).rejects.toBe(failure);
    expect(seen).toHaveLength(1);
    await expect(queue.result).rejects.toBe(failure);
  });

  it("a slow consumer makes the producer wait at the high-water mark, and resume at half of it", async () => {
    const { progress, start, release } = producer(100);
    const queue = new EventQueue(start, 10);
    const iterator = queue[Symbol.asyncIterator]();
    await iterator.next(); // the consumer is now iterating, then stops reading
    await settle();
    // One event was delivered; the backlog stopped growing at the mark.
    expect(progress.pushed).toBe(11);
    expect(queue.backlog).toBe(10);
    expect(progress.waits).toBe(1);
    // Reading down to half the mark lets the producer go on; not a single event before that.
    for (let i = 0; i < 4; i++) await iterator.next();
    await settle();
    expect(progress.pushed).toBe(11);
    await iterator.next();
    await settle();
    expect(progress.pushed).toBe(11 + 5);
    expect(queue.backlog).toBe(10);
    // Draining everything delivers all 100, in order.
    release();
    const rest: string[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.type === "text_delta") rest.push(next.value.text);
    }
    expect(rest).toEqual(Array.from({ length: 94 }, (_, i) => String(i + 6)));
    await expect(queue.result).resolves.toBe(RESULT);
  });

  it("never blocks the run when nobody iterates: `await stream.result` alone finishes", async () => {
    const { progress, start, release } = producer(100);
    const queue = new EventQueue(start, 10);
    release();
    await expect(queue.result).resolves.toBe(RESULT);
    expect([progress.pushed, progress.waits]).toEqual([100, 0]);
  });

  it("a consumer that leaves early detaches: the producer is released and nothing more is kept", async () => {
    const { progress, start, release } = producer(100);
    const queue = new EventQueue(start, 10);
    for await (const _event of queue) break;
    await settle();
    expect(progress.pushed).toBe(100);
    expect(queue.backlog).toBe(0);
    release();
    await expect(queue.result).resolves.toBe(RESULT);
  });

  it("can be iterated once, with a typed error that says what to do", async () => {
    const queue = new EventQueue(async () => RESULT);
    for await (const _event of queue) {
    }
    const again = queue[Symbol.asyncIterator]();
    await expect(again.next()).rejects.toBeInstanceOf(InvalidInputError);
    await expect(queue[Symbol.asyncIterator]().next()).rejects.toThrow(/await stream\.result/);
  });
});
