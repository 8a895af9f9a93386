// Each gateway's error body. Google's envelope and wording come from recorded responses; the
// gateways' from their documentation (seed 002 for aivideoapi, KIE's common `{code, msg}` shape).
import type { GatewayId } from "./gateway-routes.js";

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

const GOOGLE: Record<ErrorKind, { status: number; rpc: string; message: string }> = {
  "invalid-argument": {
    status: 400,
    rpc: "INVALID_ARGUMENT",
    message: "Request contains an invalid argument.",
  },
  "api-key-invalid": {
    status: 400,
    rpc: "INVALID_ARGUMENT",
    message: "API key not valid. Please pass a valid API key.",
  },
  unauthenticated: {
    status: 401,
    rpc: "UNAUTHENTICATED",
    message:
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
  },
  "permission-denied": {
    status: 403,
    rpc: "PERMISSION_DENIED",
    message:
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  },
  "not-found": { status: 404, rpc: "NOT_FOUND", message: "Requested entity was not found." },
  "rate-limited": {
    status: 429,
    rpc: "RESOURCE_EXHAUSTED",
    message: "You exceeded your current quota, please check your plan and billing details.",
  },
  "daily-quota": {
    status: 429,
    rpc: "RESOURCE_EXHAUSTED",
    message: "You exceeded your current quota, please check your plan and billing details.",
  },
  capacity: {
    status: 429,
    rpc: "RESOURCE_EXHAUSTED",
    message:
      "Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.",
  },
  // Google has no 402: depleted prepaid credits come back as a 429 without RetryInfo.
  "insufficient-credits": {
    status: 429,
    rpc: "RESOURCE_EXHAUSTED",
    message:
      "Your prepayment credits are depleted. Please go to AI Studio to manage your project and billing.",
  },
  "spend-limit": {
    status: 429,
    rpc: "RESOURCE_EXHAUSTED",
    message: "Your project has exceeded its monthly spending cap.",
  },
  internal: {
    status: 500,
    rpc: "INTERNAL",
    message:
      "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
  },
  overloaded: {
    status: 503,
    rpc: "UNAVAILABLE",
    message: "The model is overloaded. Please try again later.",
  },
};

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

/** Kinds kkiai answers itself; everything else is Google's error passed through. */
const KKIAI_OWN: ReadonlySet<ErrorKind> = new Set([
  "api-key-invalid",
  "unauthenticated",
  "insufficient-credits",
]);

export function renderError(gateway: GatewayId, kind: ErrorKind, details: ErrorDetails = {}): RenderedError {
  if (gateway === "google" || (gateway === "kkiai" && !KKIAI_OWN.has(kind)))
    return renderGoogle(kind, details);
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

function renderGoogle(kind: ErrorKind, details: ErrorDetails): RenderedError {
  const entry = GOOGLE[kind];
  let message = details.message ?? entry.message;
  const error: Record<string, unknown> = { code: entry.status, message, status: entry.rpc };
  if (kind === "api-key-invalid") {
    error.details = [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "API_KEY_INVALID",
        domain: "googleapis.com",
        metadata: { service: "generativelanguage.googleapis.com" },
      },
      { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message },
    ];
  } else if (kind === "not-found" && details.model && details.message === undefined) {
    error.message = `models/${details.model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`;
  } else if (kind === "rate-limited" || kind === "daily-quota") {
    const delay = details.retryDelaySeconds ?? (kind === "rate-limited" ? 2 : 55);
    const perDay = kind === "daily-quota";
    const quotaId = perDay
      ? "GenerateRequestsPerDayPerProjectPerModel-FreeTier"
      : "GenerateRequestsPerMinutePerProjectPerModel-FreeTier";
    if (details.message === undefined) {
      message = `${entry.message} For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: ${perDay ? 250 : 10}, model: ${details.model ?? "gemini"}\nPlease retry in ${delay}s.`;
      error.message = message;
    }
    error.details = [
      {
        "@type": "type.googleapis.com/google.rpc.Help",
        links: [
          {
            description: "Learn more about Gemini API quotas",
            url: "https://ai.google.dev/gemini-api/docs/rate-limits",
          },
        ],
      },
      {
        "@type": "type.googleapis.com/google.rpc.QuotaFailure",
        violations: [
          {
            quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests",
            quotaId,
            quotaDimensions: { location: "global", model: details.model ?? "gemini" },
            quotaValue: perDay ? "250" : "10",
          },
        ],
      },
      { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${delay}s` },
    ];
  }
  return { status: entry.status, headers: {}, body: { error } };
}
