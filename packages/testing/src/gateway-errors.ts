// The gateways' own error bodies: aivideoapi's `{error: {code, message, type}}` (seed 002's table,
// also used by kkiai for what it answers itself) and KIE's common `{code, msg, data}`.
import type { ErrorDetails, ErrorKind, RenderedError } from "./error-envelopes.js";

// Seed 002's table (aivideoapi); kkiai's own (non-upstream) errors use the same shape.
const GATEWAY: Record<ErrorKind, { status: number; code: string; type: string; message: string }> = {
  "invalid-argument": {
    status: 400,
    code: "invalid_request",
    type: "invalid_request_error",
    message: "Missing or invalid parameters.",
  },
  "api-key-invalid": {
    status: 401,
    code: "invalid_api_key",
    type: "authentication_error",
    message: "API key is invalid, disabled, or deleted.",
  },
  unauthenticated: {
    status: 401,
    code: "invalid_api_key",
    type: "authentication_error",
    message: "Missing API key: send Authorization: Bearer <key>.",
  },
  "permission-denied": {
    status: 403,
    code: "ip_not_allowed",
    type: "permission_error",
    message: "Request IP not in the key's allowlist.",
  },
  "not-found": {
    status: 404,
    code: "model_not_found",
    type: "invalid_request_error",
    message: "Model does not exist or is inactive.",
  },
  "rate-limited": {
    status: 429,
    code: "rate_limit_exceeded",
    type: "rate_limit_error",
    message: "Too many requests, please slow down.",
  },
  "daily-quota": {
    status: 429,
    code: "spend_limit_exceeded",
    type: "billing_error",
    message: "Key spend limit reached (daily).",
  },
  capacity: {
    status: 429,
    code: "rate_limit_exceeded",
    type: "rate_limit_error",
    message: "Too many requests, please slow down.",
  },
  "insufficient-credits": {
    status: 402,
    code: "insufficient_credits",
    type: "billing_error",
    message: "Your credit balance is too low. Please top up.",
  },
  "spend-limit": {
    status: 429,
    code: "spend_limit_exceeded",
    type: "billing_error",
    message: "Key spend limit reached (hourly/daily/total).",
  },
  internal: { status: 500, code: "internal_error", type: "api_error", message: "Unexpected server error." },
  overloaded: {
    status: 503,
    code: "upstream_error",
    type: "upstream_error",
    message: "Upstream AI provider returned an error.",
  },
};

export function renderGatewayError(
  gateway: "kie" | "kkiai" | "aivideoapi",
  kind: ErrorKind,
  details: ErrorDetails,
): RenderedError {
  const entry = GATEWAY[kind];
  const message = details.message ?? entry.message;
  const headers: Record<string, string> = {};
  if (kind === "rate-limited" || kind === "capacity") {
    headers["retry-after"] = String(Math.ceil(details.retryDelaySeconds ?? 1));
  }
  if (gateway === "kie") {
    // KIE's common envelope: the HTTP status repeated as `code`, the text as `msg`.
    return { status: entry.status, headers, body: { code: entry.status, msg: message, data: null } };
  }
  return { status: entry.status, headers, body: { error: { code: entry.code, message, type: entry.type } } };
}
