// One HTTP attempt: globalThis.fetch with an undici Agent as dispatcher (keep-alive pool, connect /
// headers / body timeouts). globalThis.fetch rather than undici.fetch so msw can intercept in tests.
// Each attempt gets a fresh timeout combined with the caller's signal.
import { Agent } from "undici";
import { ProviderError } from "./errors.js";
import type { HttpRequestSpec } from "./gateways.js";
import type { GatewayName } from "./provider-types.js";

export interface TransportTimeouts {
  /** TCP + TLS connect. Default 10 s. */
  connectMs?: number;
  /** From request sent to response headers. Default 120 s (thinking models can be slow to start). */
  headersMs?: number;
  /** Longest silence between two body reads. Default 120 s. */
  bodyMs?: number;
  /**
   * Per-attempt deadline, a fresh timer per attempt: for `generate` the whole attempt, for `stream`
   * until the response headers (a stream may run long; silences are bounded by `bodyMs`). Default 300 s.
   */
  attemptMs?: number;
  /** How long an idle pooled socket is kept. Default 30 s. */
  keepAliveMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<TransportTimeouts> = {
  connectMs: 10_000,
  headersMs: 120_000,
  bodyMs: 120_000,
  attemptMs: 300_000,
  keepAliveMs: 30_000,
};

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

const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

function causeCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns whatever fetch or a body read threw into a ProviderError: `aborted` (caller), `timeout`
 * (our timer or an undici timeout) or `network_error`. ProviderErrors pass through.
 */
export function transportError(
  error: unknown,
  gateway: GatewayName,
  attempt: AttemptSignal | undefined,
  stage: string,
): ProviderError {
  if (error instanceof ProviderError) return error;
  if (attempt?.callerAborted) {
    return new ProviderError({
      code: "aborted",
      message: `The call to ${gateway} was aborted by the caller (${stage}).`,
      gateway,
      retryable: false,
      cause: attempt.signal.reason ?? error,
    });
  }
  const code = causeCode(error);
  if (attempt?.didTimeOut || (code && TIMEOUT_CODES.has(code))) {
    return new ProviderError({
      code: "timeout",
      message: `${gateway} did not answer in time (${stage}${code ? `, ${code}` : ""}). Retry, or raise timeouts (attemptMs / headersMs / bodyMs) for slow models.`,
      gateway,
      retryable: true,
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderError({
    code: "network_error",
    message: `Could not reach ${gateway} (${stage}: ${code ?? detail}). Check the network and the base URL (SIGNET_BASE_URL); the call is retried within bounds.`,
    gateway,
    retryable: true,
    cause: error,
  });
}

/** A pool of connections plus the per-attempt timer. One per provider. */
export class Transport {
  readonly timeouts: Required<TransportTimeouts>;
  private readonly agent: Agent;

  constructor(timeouts: TransportTimeouts = {}) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
    this.agent = new Agent({
      connect: { timeout: this.timeouts.connectMs },
      headersTimeout: this.timeouts.headersMs,
      bodyTimeout: this.timeouts.bodyMs,
      keepAliveTimeout: this.timeouts.keepAliveMs,
    });
  }

  /** Sends one attempt; resolves at response headers. Network failures become ProviderErrors. */
  async send(spec: HttpRequestSpec, attempt: AttemptSignal, gateway: GatewayName): Promise<Response> {
    try {
      const init = {
        method: spec.method,
        headers: spec.headers,
        body: spec.body,
        signal: attempt.signal,
        dispatcher: this.agent,
      };
      // `dispatcher` is undici's extension of RequestInit (honoured by Node's fetch).
      return await fetch(spec.url, init as unknown as RequestInit);
    } catch (error) {
      throw transportError(error, gateway, attempt, "sending the request");
    }
  }

  /** Closes the pool; safe to call more than once. */
  async close(): Promise<void> {
    if (this.agent.closed || this.agent.destroyed) return;
    await this.agent.close();
  }
}
