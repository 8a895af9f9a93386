// Each gateway's error body, by kind of error: Google's envelope (from recorded responses) on
// Google and for what kkiai passes through, the gateways' own (from their documentation) otherwise.
import { renderGatewayError } from "./gateway-errors.js";
import type { GatewayId } from "./gateway-wire.js";
import { renderGoogleError } from "./google-errors.js";

export type ErrorKind =
  /** 400: the request is wrong. */
  | "invalid-argument"
  /** The key is not valid (Google: 400 API_KEY_INVALID; gateways: 401). */
  | "api-key-invalid"
  /** 401: no usable credentials. */
  | "unauthenticated"
  /** 403: no key at all (Google), or the key may not do this. */
  | "permission-denied"
  /** 404: unknown model or route. */
  | "not-found"
  /** 429 per-minute quota / rate limit, with Google's RetryInfo (or Retry-After on gateways). */
  | "rate-limited"
  /** 429 per-day quota: retrying does not help. */
  | "daily-quota"
  /** 429 "Resource exhausted" without details (capacity). */
  | "capacity"
  /** 402 on gateways. */
  | "insufficient-credits"
  /** 429 spend limit (aivideoapi). */
  | "spend-limit"
  /** 500 */
  | "internal"
  /** 503 */
  | "overloaded";

export interface RenderedError {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface ErrorDetails {
  message?: string;
  /** For `rate-limited` / `daily-quota`: the delay the server asks for. */
  retryDelaySeconds?: number;
  model?: string;
}

/** Kinds kkiai answers itself; everything else is Google's error passed through. */
const KKIAI_OWN: ReadonlySet<ErrorKind> = new Set([
  "api-key-invalid",
  "unauthenticated",
  "insufficient-credits",
]);

export function renderError(gateway: GatewayId, kind: ErrorKind, details: ErrorDetails = {}): RenderedError {
  if (gateway === "google" || (gateway === "kkiai" && !KKIAI_OWN.has(kind)))
    return renderGoogleError(kind, details);
  return renderGatewayError(gateway, kind, details);
}
