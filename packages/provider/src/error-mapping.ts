// Turns an HTTP error response into a ProviderError. Two envelopes exist:
//   Google:   {"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED","details":[...]}}
//   gateways: {"error":{"code":"insufficient_credits","message":"...","type":"billing_error"}}  (seed 002)
// The shape of the body decides which one we read; the gateway's preset only breaks ties.
import { advise } from "./error-advice.js";
import { ProviderError, type ProviderErrorCode } from "./errors.js";
import { redactKey } from "./key-redaction.js";
import type { GatewayName } from "./provider-types.js";
import { parseRetryAfter, parseRetryDelay, retryDelayFromMessage } from "./retry-after.js";

export type ErrorEnvelopeKind = "google" | "gateway";

export interface ErrorContext {
  gateway: GatewayName;
  status: number;
  /** The model the call was for (named in "model not found" messages). */
  model?: string | undefined;
  headers?: Headers | undefined;
  rawBody?: string | undefined;
  /** Scrubbed from messages and the raw body should an upstream ever echo it. */
  apiKey?: string | undefined;
}

interface GoogleDetail {
  "@type"?: string;
  reason?: string;
  retryDelay?: unknown;
  violations?: { quotaId?: string; quotaMetric?: string }[];
}

export interface GoogleErrorBody {
  error: { code?: number; message?: string; status?: string; details?: GoogleDetail[] };
}

export interface GatewayErrorBody {
  error: { code: string; message?: string; type?: string };
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export function requestIdFrom(headers: Headers | undefined): string | undefined {
  if (!headers) return undefined;
  return (
    headers.get("x-request-id") ??
    headers.get("request-id") ??
    headers.get("x-goog-request-id") ??
    headers.get("x-amzn-requestid") ??
    undefined
  );
}

function build(
  code: ProviderErrorCode,
  ctx: ErrorContext,
  upstream: string,
  retryAfterMs?: number,
  retryable = RETRYABLE_STATUS.has(ctx.status),
): ProviderError {
  const fromHeader = parseRetryAfter(ctx.headers?.get("retry-after"));
  const after = retryAfterMs ?? fromHeader;
  return new ProviderError({
    code,
    message: advise(code, ctx, upstream, after),
    gateway: ctx.gateway,
    status: ctx.status,
    retryable,
    retryAfterMs: after,
    requestId: requestIdFrom(ctx.headers),
    rawBody: ctx.rawBody,
    secret: ctx.apiKey,
  });
}

function codeFromStatus(status: number): ProviderErrorCode {
  if (status >= 300 && status < 400) return "unexpected_redirect";
  if (status === 400) return "invalid_request";
  if (status === 401) return "invalid_api_key";
  if (status === 402) return "insufficient_credits";
  if (status === 403) return "permission_denied";
  if (status === 404) return "not_found";
  if (status === 408) return "request_timeout";
  if (status === 429) return "rate_limit_exceeded";
  if (status === 500) return "internal_error";
  if (status === 502) return "upstream_error";
  if (status === 503) return "unavailable";
  if (status === 504) return "deadline_exceeded";
  if (status >= 400 && status < 500) return "invalid_request";
  return "http_error";
}

const PER_DAY = /per ?day|daily/i;

/** Maps Google's `{error:{code,message,status,details}}` envelope. */
export function mapGoogleError(body: GoogleErrorBody, ctx: ErrorContext): ProviderError {
  const e = body.error;
  const message = typeof e.message === "string" ? e.message : "";
  const details = Array.isArray(e.details) ? e.details : [];
  const typeOf = (d: GoogleDetail) => (typeof d["@type"] === "string" ? d["@type"] : "");
  const reasons = details.filter((d) => typeOf(d).endsWith("ErrorInfo")).map((d) => d.reason ?? "");
  const retryInfo = details.find((d) => typeOf(d).endsWith("RetryInfo"));
  // RetryInfo first, then the Retry-After header; the message's "Please retry in Ns" only when
  // neither says how long.
  let retryAfterMs = retryInfo ? parseRetryDelay(retryInfo.retryDelay) : undefined;
  retryAfterMs ??= parseRetryAfter(ctx.headers?.get("retry-after"));
  if (retryAfterMs === undefined && ctx.status === 429) retryAfterMs = retryDelayFromMessage(message);
  const status = e.status ?? "";

  if (reasons.includes("API_KEY_INVALID") || status === "UNAUTHENTICATED" || ctx.status === 401) {
    return build("invalid_api_key", ctx, message, undefined, false);
  }
  if (ctx.status === 429 || status === "RESOURCE_EXHAUSTED") {
    const quotaIds = details
      .filter((d) => typeOf(d).endsWith("QuotaFailure"))
      .flatMap((d) => d.violations ?? [])
      .map((v) => `${v.quotaId ?? ""} ${v.quotaMetric ?? ""}`);
    if (quotaIds.some((id) => PER_DAY.test(id)))
      return build("quota_exhausted", ctx, message, undefined, false);
    return build("rate_limit_exceeded", ctx, message, retryAfterMs, true);
  }
  if (ctx.status === 404 || status === "NOT_FOUND") {
    return build(
      /\bmodels?\b/i.test(message) ? "model_not_found" : "not_found",
      ctx,
      message,
      undefined,
      false,
    );
  }
  if (ctx.status === 403 || status === "PERMISSION_DENIED") {
    return build("permission_denied", ctx, message, undefined, false);
  }
  if (status === "INTERNAL") return build("internal_error", ctx, message, retryAfterMs);
  if (status === "UNAVAILABLE") return build("unavailable", ctx, message, retryAfterMs);
  if (status === "DEADLINE_EXCEEDED") return build("deadline_exceeded", ctx, message, retryAfterMs);
  return build(codeFromStatus(ctx.status), ctx, message, retryAfterMs);
}

const GATEWAY_CODES: Record<string, { code: ProviderErrorCode; retryable: boolean }> = {
  invalid_request: { code: "invalid_request", retryable: false },
  invalid_api_key: { code: "invalid_api_key", retryable: false },
  insufficient_credits: { code: "insufficient_credits", retryable: false },
  ip_not_allowed: { code: "ip_not_allowed", retryable: false },
  model_not_found: { code: "model_not_found", retryable: false },
  task_not_found: { code: "task_not_found", retryable: false },
  rate_limit_exceeded: { code: "rate_limit_exceeded", retryable: true },
  spend_limit_exceeded: { code: "spend_limit_exceeded", retryable: false },
  internal_error: { code: "internal_error", retryable: true },
  upstream_error: { code: "upstream_error", retryable: true },
};

/** Maps the gateways' `{error:{code:"insufficient_credits",message,type}}` envelope (seed 002). */
export function mapGatewayError(body: GatewayErrorBody, ctx: ErrorContext): ProviderError {
  const message = typeof body.error.message === "string" ? body.error.message : "";
  const known = GATEWAY_CODES[body.error.code];
  if (known) return build(known.code, ctx, message, undefined, known.retryable);
  return build(codeFromStatus(ctx.status), ctx, message || body.error.code);
}

function isGoogleBody(v: unknown): v is GoogleErrorBody {
  const e = (v as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  return (
    !!e &&
    typeof e === "object" &&
    (typeof e.code === "number" || typeof e.status === "string" || "details" in e)
  );
}

function isGatewayBody(v: unknown): v is GatewayErrorBody {
  const e = (v as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  return !!e && typeof e === "object" && typeof e.code === "string";
}

/** Best-effort message from bodies in neither envelope (`{message}`, `{msg}`, `{error:"..."}`, text). */
function looseMessage(parsed: unknown, raw: string, apiKey: string | undefined): string {
  if (parsed && typeof parsed === "object") {
    const o = parsed as Record<string, unknown>;
    for (const k of ["message", "msg", "error", "detail"]) {
      if (typeof o[k] === "string") return o[k] as string;
      const inner = o[k] as Record<string, unknown> | undefined;
      if (inner && typeof inner === "object" && typeof inner.message === "string") return inner.message;
    }
  }
  // Redacted before it is cut, so no piece of an echoed key survives the cut.
  const text = redactKey(raw, apiKey);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text.trim();
}

/** The error for an HTTP error response, whichever envelope (or none) its body uses. */
export function errorFromResponse(
  ctx: ErrorContext & { rawBody: string },
  preferred: ErrorEnvelopeKind = "google",
): ProviderError {
  // A redirect's body is not an answer; the transport refuses to follow it (the key would go along).
  if (ctx.status >= 300 && ctx.status < 400) return build("unexpected_redirect", ctx, "", undefined, false);
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.rawBody);
  } catch {
    parsed = undefined;
  }
  if (isGatewayBody(parsed) && (!isGoogleBody(parsed) || preferred === "gateway")) {
    return mapGatewayError(parsed, ctx);
  }
  if (isGoogleBody(parsed)) return mapGoogleError(parsed, ctx);
  return build(codeFromStatus(ctx.status), ctx, looseMessage(parsed, ctx.rawBody, ctx.apiKey));
}
