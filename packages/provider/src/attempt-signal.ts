// One attempt's deadline and abort: the caller's signal plus a fresh per-attempt timer, telling the
// two apart (a caller abort is never retried; our own deadline is a retryable timeout).
//
// Cheap on purpose. A signal passed to fetch costs 15-25 µs a request on Node 20 (undici's Request
// adds listeners, a WeakRef, a finalizer and raises the signal's max listeners), and an
// AbortController costs more. So fetch gets our own controller's signal only when the deadline can
// fire before the response headers arrive earlier than undici's connect + headers timeouts would;
// otherwise it gets the caller's signal as is (or none), and a deadline that fires while the body is
// read cancels the body reader (`onExpire`), which also aborts the request.

/** Aborts when the caller aborts or when the attempt's own timer fires; tells the two apart. */
export class AttemptSignal {
  /** For fetch: undefined when neither the caller nor the deadline needs one. */
  readonly signal: AbortSignal | undefined;
  readonly #caller: AbortSignal | undefined;
  #controller: AbortController | undefined;
  #onCallerAbort: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #expired: Error | undefined;
  #cancelBody: ((reason: Error) => void) | undefined;

  /**
   * @param timeoutMs the attempt's deadline (0 or Infinity: none)
   * @param coveredMs how long undici's own timers let a request wait for its headers at most
   *   (connect + headers timeouts): a deadline at least that long cannot fire before them.
   */
  constructor(caller: AbortSignal | undefined, timeoutMs: number, coveredMs: number) {
    this.#caller = caller;
    const timed = timeoutMs > 0 && Number.isFinite(timeoutMs);
    if (timed && timeoutMs < coveredMs) {
      const controller = new AbortController();
      this.#controller = controller;
      if (caller?.aborted) controller.abort(caller.reason);
      else if (caller) {
        this.#onCallerAbort = () => controller.abort(caller.reason);
        caller.addEventListener("abort", this.#onCallerAbort, { once: true });
      }
      this.signal = controller.signal;
    } else {
      this.signal = caller;
    }
    if (timed) {
      this.#timer = setTimeout(() => this.#expire(timeoutMs), timeoutMs);
      this.#timer.unref?.();
    }
  }

  #expire(timeoutMs: number): void {
    this.#timer = undefined;
    const reason = new Error(`attempt timed out after ${timeoutMs} ms`);
    this.#expired = reason;
    this.#controller?.abort(reason);
    this.#cancelBody?.(reason);
  }

  get callerAborted(): boolean {
    return !!this.#caller?.aborted;
  }

  /** Why the caller aborted (undefined if it did not). */
  get callerReason(): unknown {
    return this.#caller?.reason;
  }

  /** True once the deadline has passed (and the caller did not abort first). */
  get didTimeOut(): boolean {
    return this.#expired !== undefined && !this.callerAborted;
  }

  /**
   * A body reader says how to stop it when the deadline passes (called at once if it already has).
   * The reader then finds `didTimeOut` set.
   */
  onExpire(cancel: (reason: Error) => void): void {
    if (this.#expired) cancel(this.#expired);
    else this.#cancelBody = cancel;
  }

  /** Stops the attempt timer (the stream is open; body silences are bounded by the dispatcher). */
  clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Stops the timer and detaches from the caller's signal. */
  dispose(): void {
    this.clearTimer();
    this.#cancelBody = undefined;
    if (this.#onCallerAbort) this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }
}
