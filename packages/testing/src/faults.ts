// Faults the emulator can inject, as a real gateway or network produces them. HTTP faults answer
// with the gateway's error envelope; transport faults break the response itself.
import type { ErrorKind } from "./error-envelopes.js";

export type HttpFault =
  /** 429 with `RetryInfo` (Google) or `Retry-After` (gateways): retryable. */
  | { type: "rate-limit"; retryDelaySeconds?: number }
  /** 429 per-day quota: not retryable. */
  | { type: "daily-quota" }
  /** 503 */
  | { type: "overloaded" }
  /** 500 */
  | { type: "internal" }
  /** 402 on gateways (Google has no 402: a 429 "prepayment credits are depleted"). */
  | { type: "insufficient-credits" }
  /** 401 */
  | { type: "unauthorized" }
  /** Any error kind, with an optional message of your own. */
  | { type: "error"; kind: ErrorKind; message?: string };

export type TransportFault =
  /** The connection is reset before any response byte. */
  | { type: "reset-before-first-chunk" }
  /** Headers and the first chunk arrive, then the connection is reset. */
  | { type: "reset-after-first-chunk" }
  /** The body stops in the middle of a chunk and the response ends cleanly. */
  | { type: "truncated-stream" }
  /** One event's data is not JSON. */
  | { type: "malformed-event" }
  /** The status line and headers come only after `delayMs`. */
  | { type: "slow-headers"; delayMs: number }
  /** Headers come at once; each chunk (or half of a one-piece body) after `delayMs`. */
  | { type: "slow-body"; delayMs: number };

export type Fault = HttpFault | TransportFault;

const HTTP_KINDS: Record<Exclude<HttpFault["type"], "error">, ErrorKind> = {
  "rate-limit": "rate-limited",
  "daily-quota": "daily-quota",
  overloaded: "overloaded",
  internal: "internal",
  "insufficient-credits": "insufficient-credits",
  unauthorized: "unauthenticated",
};

export function isHttpFault(fault: Fault): fault is HttpFault {
  return fault.type === "error" || fault.type in HTTP_KINDS;
}

export function httpFaultKind(fault: HttpFault): ErrorKind {
  return fault.type === "error" ? fault.kind : HTTP_KINDS[fault.type];
}
