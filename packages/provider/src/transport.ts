// One HTTP attempt: globalThis.fetch with an undici Agent as dispatcher (keep-alive pool, connect /
// headers / body timeouts). globalThis.fetch rather than undici.fetch so msw can intercept in tests.
// Each attempt gets a fresh deadline and the caller's abort (attempt-signal.ts); the Agent's own
// connect / headers / body timeouts bound every request without a signal.

import type { Dispatcher } from "undici";
import type { HttpRequestSpec } from "./gateways.js";
import { RedirectWatch, type SeenRedirect } from "./redirect-watch.js";
import { Agent } from "./undici-agent.js";

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

/** The pool, noting each redirect on its way to fetch (see redirect-watch.ts). */
class WatchingAgent extends Agent {
  readonly redirects = new RedirectWatch();

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.redirects.watch(options, handler);
    return super.dispatch(options, handler);
  }
}

/** A pool of connections plus the per-attempt timer. One per provider. */
export class Transport {
  readonly timeouts: Required<TransportTimeouts>;
  private readonly agent: WatchingAgent;

  constructor(timeouts: TransportTimeouts = {}) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
    this.agent = new WatchingAgent({
      connect: { timeout: this.timeouts.connectMs },
      headersTimeout: this.timeouts.headersMs,
      bodyTimeout: this.timeouts.bodyMs,
      keepAliveTimeout: this.timeouts.keepAliveMs,
    });
  }

  /**
   * Sends one attempt; resolves at response headers. Not async: the caller maps a rejection with
   * `transportError` (one async frame less per request).
   */
  send(spec: HttpRequestSpec, signal: AbortSignal | undefined): Promise<Response> {
    const init = {
      method: spec.method,
      headers: spec.headers,
      body: spec.body,
      // Often undefined: a signal costs undici 15-25 µs a request (see attempt-signal.ts).
      signal,
      // Following a redirect would send the key to another address (fetch keeps x-goog-api-key and
      // the URL's ?key= across origins): fetch refuses it, and the caller reports
      // `unexpected_redirect` with what `redirectSeen` kept. "error" also spares fetch a clone of
      // every request (see redirect-watch.ts).
      redirect: "error" as const,
      dispatcher: this.agent,
    };
    // `dispatcher` is undici's extension of RequestInit (honoured by Node's fetch).
    return fetch(spec.url, init as unknown as RequestInit);
  }

  /** The redirect fetch refused for this request, as the dispatcher saw it (read once). */
  redirectSeen(spec: HttpRequestSpec): SeenRedirect | undefined {
    return this.agent.redirects.take(spec.url);
  }

  /** Closes the pool; safe to call more than once. */
  async close(): Promise<void> {
    if (this.agent.closed || this.agent.destroyed) return;
    await this.agent.close();
  }
}
