// One attempt's abort signal: the caller's signal combined with a fresh per-attempt timer, telling the
// two apart (a caller abort is never retried; our own deadline is a retryable timeout).

/** Aborts when the caller aborts or when the attempt's own timer fires; tells the two apart. */
export class AttemptSignal {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut = false;
  private readonly caller: AbortSignal | undefined;
  private readonly onCallerAbort = () => this.controller.abort(this.caller?.reason);

  constructor(caller: AbortSignal | undefined, timeoutMs: number) {
    this.signal = this.controller.signal;
    this.caller = caller;
    if (caller?.aborted) this.controller.abort(caller.reason);
    else caller?.addEventListener("abort", this.onCallerAbort, { once: true });
    if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      this.timer = setTimeout(() => {
        this.timedOut = true;
        this.controller.abort(new Error(`attempt timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.timer.unref?.();
    }
  }

  get callerAborted(): boolean {
    return !!this.caller?.aborted;
  }

  get didTimeOut(): boolean {
    return this.timedOut && !this.callerAborted;
  }

  /** Stops the attempt timer (the stream is open; body silences are bounded by the dispatcher). */
  clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Detaches from the caller's signal. */
  dispose(): void {
    this.clearTimer();
    this.caller?.removeEventListener("abort", this.onCallerAbort);
  }
}
