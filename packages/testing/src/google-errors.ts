// Google's error envelope, `{error: {code, message, status, details}}`, with the wording and the
// details (ErrorInfo, Help, QuotaFailure, RetryInfo) of recorded responses.
import type { ErrorDetails, ErrorKind, RenderedError } from "./error-envelopes.js";

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

export function renderGoogleError(kind: ErrorKind, details: ErrorDetails): RenderedError {
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
