// Turns an HTTP error response into a ProviderError. Two envelopes exist:
//   Google:   {"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED","details":[...]}}
//   gateways: {"error":{"code":"insufficient_credits","message":"...","type":"billing_error"}}  (seed 002)
// The shape of the body decides which one we read; the gateway's preset only breaks ties.
import { ProviderError, type ProviderErrorCode } from "./errors.js";
import type { GatewayName } from "./provider-types.js";

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

/** Environment variable hint for a key, per gateway. */
function keyHint(gateway: GatewayName): string {
  return gateway === "google"
    ? "SIGNET_API_KEY (or GEMINI_API_KEY / GOOGLE_API_KEY)"
    : "SIGNET_API_KEY (or the apiKey option)";
}

function waitText(ms: number | undefined): string {
  return ms === undefined ? "wait a moment" : `wait ${Math.ceil(ms / 1000)}s`;
}

/** What to tell the user, per code. `upstream` is the server's own message. */
function advise(code: ProviderErrorCode, ctx: ErrorContext, upstream: string, retryAfterMs?: number): string {
  const gw = ctx.gateway;
  const said = upstream ? `: "${upstream}"` : "";
  const model = ctx.model ? `"${ctx.model}"` : "the model";
  switch (code) {
    case "invalid_api_key":
      return `${gw} rejected the API key (HTTP ${ctx.status})${said}. Check the key in ${keyHint(gw)}: it may be mistyped, disabled or for another gateway.`;
    case "permission_denied":
      return `${gw} refused this key access (HTTP ${ctx.status})${said}. Use a key whose project may call this API and model, or enable the API for the key's project.`;
    case "ip_not_allowed":
      return `${gw} refused the request from this IP (HTTP ${ctx.status})${said}. Add this machine's IP to the key's allowlist, or use a key without an IP allowlist.`;
    case "insufficient_credits":
      return `${gw} says the credit balance is too low (HTTP ${ctx.status})${said}. Top up the account, then retry.`;
    case "model_not_found":
      return `${gw} does not serve ${model} (HTTP ${ctx.status})${said}. Pick another model: check the spelling and the gateway's model list.`;
    case "task_not_found":
      return `${gw} has no such task (HTTP ${ctx.status})${said}. Check the task id.`;
    case "not_found":
      return `${gw} returned not found (HTTP ${ctx.status})${said}. Check the model name and the base URL.`;
    case "request_timeout":
      return `${gw} timed out reading the request (HTTP ${ctx.status})${said}. Retry; send less data if it keeps happening.`;
    case "rate_limit_exceeded":
      return `${gw} is rate limiting this key (HTTP ${ctx.status})${said}. ${waitText(retryAfterMs)} and retry (Signet retries this within its bounds), or lower the request rate.`;
    case "quota_exhausted":
      return `${gw} says the quota for this key is used up for the day (HTTP ${ctx.status})${said}. Retrying will not help: wait for the daily reset, use another project's key, or raise the quota (enable billing).`;
    case "spend_limit_exceeded":
      return `${gw} says this key reached its spend limit (HTTP ${ctx.status})${said}. Raise the key's limit in the dashboard or use another key.`;
    case "internal_error":
      return `${gw} failed internally (HTTP ${ctx.status})${said}. Usually transient: retry (Signet does, within its bounds); if it persists, simplify the request (schemas, tools).`;
    case "upstream_error":
      return `${gw}'s upstream provider failed (HTTP ${ctx.status})${said}. Retry; if it persists, the input may be refused as prohibited or a parameter unsupported by this model: change the request or pick another model.`;
    case "unavailable":
      return `${model} on ${gw} is overloaded or unavailable (HTTP ${ctx.status})${said}. Retry later (Signet retries within its bounds) or pick another model.`;
    case "deadline_exceeded":
      return `${gw} did not finish in time (HTTP ${ctx.status})${said}. Retry; shorten the request or lower thinking if it keeps happening.`;
    case "invalid_request":
      return `${gw} refused the request as invalid (HTTP ${ctx.status})${said}. Fix the request as the message says; retrying it unchanged will fail again.`;
    default:
      return `${gw} returned HTTP ${ctx.status}${said}.`;
  }
}

/** Parses a protobuf Duration ("55s", "1.5s", "55.160198287s") or {seconds, nanos} into ms. */
export function parseRetryDelay(value: unknown): number | undefined {
  if (typeof value === "string") {
    const m = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
    return m ? Math.round(Number(m[1]) * 1000) : undefined;
  }
  if (value && typeof value === "object") {
    const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
    const s = Number(seconds ?? 0);
    const n = Number(nanos ?? 0);
    if (Number.isFinite(s) && Number.isFinite(n)) return Math.round(s * 1000 + n / 1e6);
  }
  return undefined;
}

/** `Retry-After`: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

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

function scrub(text: string, apiKey: string | undefined): string {
  return apiKey && apiKey.length >= 4 && text.includes(apiKey) ? text.split(apiKey).join("[redacted]") : text;
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
    message: scrub(advise(code, ctx, upstream, after), ctx.apiKey),
    gateway: ctx.gateway,
    status: ctx.status,
    retryable,
    retryAfterMs: after,
    requestId: requestIdFrom(ctx.headers),
    rawBody: ctx.rawBody === undefined ? undefined : scrub(ctx.rawBody, ctx.apiKey),
  });
}

function codeFromStatus(status: number): ProviderErrorCode {
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
  let retryAfterMs = retryInfo ? parseRetryDelay(retryInfo.retryDelay) : undefined;
  if (retryAfterMs === undefined && ctx.status === 429) {
    // The message repeats the delay ("Please retry in 55.16s.") when RetryInfo is absent.
    const m = /retry in (\d+(?:\.\d+)?)s/i.exec(message);
    if (m) retryAfterMs = Math.round(Number(m[1]) * 1000);
  }
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
function looseMessage(parsed: unknown, raw: string): string {
  if (parsed && typeof parsed === "object") {
    const o = parsed as Record<string, unknown>;
    for (const k of ["message", "msg", "error", "detail"]) {
      if (typeof o[k] === "string") return o[k] as string;
      const inner = o[k] as Record<string, unknown> | undefined;
      if (inner && typeof inner === "object" && typeof inner.message === "string") return inner.message;
    }
  }
  return raw.length > 300 ? `${raw.slice(0, 300)}…` : raw.trim();
}

/** The error for an HTTP error response, whichever envelope (or none) its body uses. */
export function errorFromResponse(
  ctx: ErrorContext & { rawBody: string },
  preferred: ErrorEnvelopeKind = "google",
): ProviderError {
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
  return build(codeFromStatus(ctx.status), ctx, looseMessage(parsed, ctx.rawBody));
}
