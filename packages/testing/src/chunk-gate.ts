// Holding a response between chunks until the test says so. A turn's `beforeChunk` hook is awaited
// before each chunk goes out; `chunkGate()` is such a hook with a handle, so a test can prove that
// something happened mid-response (an event reached its consumer, an abort landed) without timing.

/**
 * Awaited before chunk `index` of a turn's response is written (a stream's chunks in order; a
 * `generateContent` body is chunk 0). `signal` aborts when the client goes away: the emulator then
 * stops waiting, so a held response never outlives its client.
 */
export type ChunkHook = (index: number, signal: AbortSignal) => void | Promise<void>;

export interface ChunkGateOptions {
  /** Chunks that go out without a release (default 0: even the first one waits). */
  pass?: number;
}

export interface ChunkGate {
  /** Give this as a turn's `beforeChunk`. */
  readonly beforeChunk: ChunkHook;
  /** Lets `count` more chunks out (default 1): the one held now, if any, then the next ones. */
  release(count?: number): void;
  /** Lets every chunk out, now and from now on (e.g. at the end of a test that stopped early). */
  open(): void;
  /** The index of the chunk held now, if one is. */
  readonly holding: number | undefined;
  /** Resolves with the index of the held chunk once the emulator waits at the gate (at once if it does now). */
  held(): Promise<number>;
}

interface Waiter {
  index: number;
  pass: () => void;
}

export function chunkGate(options: ChunkGateOptions = {}): ChunkGate {
  let allowance = options.pass ?? 0;
  if (!Number.isInteger(allowance) || allowance < 0) {
    throw new RangeError(`chunkGate: pass must be a whole number of chunks (0 or more), not ${allowance}.`);
  }
  let opened = false;
  const waiting: Waiter[] = [];
  const watchers: ((index: number) => void)[] = [];

  const drain = () => {
    while (waiting.length > 0 && (opened || allowance > 0)) {
      if (!opened) allowance--;
      waiting.shift()!.pass();
    }
  };

  const beforeChunk: ChunkHook = (index, signal) => {
    if (opened || signal.aborted) return;
    if (allowance > 0) {
      allowance--;
      return;
    }
    return new Promise<void>((resolve) => {
      const waiter: Waiter = {
        index,
        pass: () => {
          signal.removeEventListener("abort", leave);
          resolve();
        },
      };
      // A client that went away takes its place in the queue with it: a later release is not spent on it.
      const leave = () => {
        const at = waiting.indexOf(waiter);
        if (at >= 0) waiting.splice(at, 1);
        resolve();
      };
      signal.addEventListener("abort", leave, { once: true });
      waiting.push(waiter);
      for (const watch of watchers.splice(0)) watch(index);
    });
  };

  return {
    beforeChunk,
    release(count = 1) {
      if (!Number.isInteger(count) || count < 1) {
        throw new RangeError(
          `gate.release: count must be a whole number of chunks (1 or more), not ${count}.`,
        );
      }
      allowance += count;
      drain();
    },
    open() {
      opened = true;
      drain();
    },
    get holding() {
      return waiting[0]?.index;
    },
    held() {
      const now = waiting[0];
      if (now) return Promise.resolve(now.index);
      return new Promise<number>((resolve) => watchers.push(resolve));
    },
  };
}
