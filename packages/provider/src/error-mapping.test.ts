import { describe, expect, it } from "vitest";
import { errorFromResponse } from "./error-mapping.js";
import type { ProviderErrorCode } from "./errors.js";
import type { GatewayName } from "./provider-types.js";
import { parseRetryAfter, parseRetryDelay } from "./retry-after.js";

function map(gateway: GatewayName, status: number, body: unknown, headers?: Record<string, string>) {
  const rawBody = typeof body === "string" ? body : JSON.stringify(body);
  return errorFromResponse(
    { gateway, status, rawBody, model: "gemini-x", headers: new Headers(headers) },
    gateway === "google" ? "google" : "gateway",
  );
}

const googleQuota429 = {
  error: {
    code: 429,
    message: "You exceeded your current quota. Please retry in 55.16s.",
    status: "RESOURCE_EXHAUSTED",
    details: [
      { "@type": "type.googleapis.com/google.rpc.Help", links: [] },
      {
        "@type": "type.googleapis.com/google.rpc.QuotaFailure",
        violations: [{ quotaMetric: "m", quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier" }],
      },
      { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "55s" },
    ],
  },
};

describe("Google envelope", () => {
  it("400 API_KEY_INVALID is invalid_api_key and says to check the key", () => {
    const e = map("google", 400, {
      error: {
        code: 400,
        message: "API key not valid. Please pass a valid API key.",
        status: "INVALID_ARGUMENT",
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID" }],
      },
    });
    expect([e.code, e.retryable, e.status, e.gateway]).toEqual(["invalid_api_key", false, 400, "google"]);
    expect(e.message).toMatch(/Check the key given as apiKey or in SIGNET_API_KEY \(or GEMINI_API_KEY/);
    expect(e.rawBody).toContain("API_KEY_INVALID");
  });

  it("429 with per-day QuotaFailure is quota_exhausted and not retryable", () => {
    const e = map("google", 429, googleQuota429);
    expect([e.code, e.retryable]).toEqual(["quota_exhausted", false]);
    expect(e.message).toMatch(/Retrying will not help/);
  });

  it("429 per-minute quota is retryable with RetryInfo delay", () => {
    const body = structuredClone(googleQuota429);
    const violation = (body.error.details[1] as { violations: { quotaId: string }[] }).violations[0]!;
    violation.quotaId = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier";
    const e = map("google", 429, body);
    expect([e.code, e.retryable, e.retryAfterMs]).toEqual(["rate_limit_exceeded", true, 55_000]);
    expect(e.message).toMatch(/wait 55s/);
  });

  it('429 without RetryInfo takes its wait from the message\'s "Please retry in Ns"', () => {
    const body = structuredClone(googleQuota429);
    body.error.message = "You exceeded your current quota. Please retry in 12.402815s.";
    const violation = (body.error.details[1] as { violations: { quotaId: string }[] }).violations[0]!;
    violation.quotaId = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier";
    body.error.details = body.error.details.filter((d) => !d["@type"].endsWith("RetryInfo"));
    const e = map("google", 429, body);
    expect([e.code, e.retryable, e.retryAfterMs]).toEqual(["rate_limit_exceeded", true, 12_403]);
    expect(e.message).toMatch(/wait 13s/);
    // The message is read only when nothing structured says how long: RetryInfo, then Retry-After.
    expect(map("google", 429, body, { "retry-after": "7" }).retryAfterMs).toBe(7000);
    expect(map("google", 429, googleQuota429).retryAfterMs).toBeUndefined(); // per-day: no wait helps
  });

  it("429 without details (capacity) is retryable; Retry-After header is read", () => {
    const e = map(
      "google",
      429,
      {
        error: {
          code: 429,
          message: "Resource exhausted. Please try again later.",
          status: "RESOURCE_EXHAUSTED",
        },
      },
      { "retry-after": "3" },
    );
    expect([e.code, e.retryable, e.retryAfterMs]).toEqual(["rate_limit_exceeded", true, 3000]);
  });

  it.each<[number, string, string, ProviderErrorCode, boolean]>([
    [400, "INVALID_ARGUMENT", "Invalid JSON payload", "invalid_request", false],
    [401, "UNAUTHENTICATED", "no creds", "invalid_api_key", false],
    [403, "PERMISSION_DENIED", "denied", "permission_denied", false],
    [404, "NOT_FOUND", "models/x is not found for API version v1beta", "model_not_found", false],
    [404, "NOT_FOUND", "File abc not found", "not_found", false],
    [408, "", "timeout", "request_timeout", true],
    [500, "INTERNAL", "An internal error has occurred.", "internal_error", true],
    [502, "", "bad gateway", "upstream_error", true],
    [503, "UNAVAILABLE", "The model is overloaded.", "unavailable", true],
    [504, "DEADLINE_EXCEEDED", "deadline", "deadline_exceeded", true],
  ])("%i %s -> %s", (status, st, message, code, retryable) => {
    const e = map("google", status, { error: { code: status, message, status: st || undefined } });
    expect([e.code, e.retryable, e.status]).toEqual([code, retryable, status]);
    expect(e.message).toContain(message);
  });
});

describe("gateway envelope (seed 002)", () => {
  it.each<[number, string, ProviderErrorCode, boolean, RegExp]>([
    [400, "invalid_request", "invalid_request", false, /Fix the request/],
    [401, "invalid_api_key", "invalid_api_key", false, /Check the key/],
    [402, "insufficient_credits", "insufficient_credits", false, /Top up/],
    [403, "ip_not_allowed", "ip_not_allowed", false, /allowlist/],
    [404, "model_not_found", "model_not_found", false, /Pick another model/],
    [404, "task_not_found", "task_not_found", false, /task id/],
    [429, "rate_limit_exceeded", "rate_limit_exceeded", true, /retry/],
    [429, "spend_limit_exceeded", "spend_limit_exceeded", false, /spend limit/],
    [500, "internal_error", "internal_error", true, /retry/],
    [503, "upstream_error", "upstream_error", true, /pick another model/],
  ])("%i %s", (status, wireCode, code, retryable, advice) => {
    for (const gw of ["kie", "kkiai", "aivideoapi"] as const) {
      const e = map(gw, status, { error: { code: wireCode, message: "upstream says so", type: "x_error" } });
      expect([e.code, e.retryable, e.status, e.gateway]).toEqual([code, retryable, status, gw]);
      expect(e.message).toMatch(advice);
      expect(e.message).toContain("upstream says so");
    }
  });

  it("unknown shapes fall back to the status and keep the text; request id from headers", () => {
    const e = map("kie", 401, { code: 401, msg: "token invalid" }, { "x-request-id": "req-1" });
    expect([e.code, e.requestId]).toEqual(["invalid_api_key", "req-1"]);
    expect(e.message).toContain("token invalid");
    const html = map("aivideoapi", 502, "<html>Bad Gateway</html>");
    expect([html.code, html.retryable, html.rawBody]).toEqual([
      "upstream_error",
      true,
      "<html>Bad Gateway</html>",
    ]);
  });

  it("never repeats the API key", () => {
    const e = errorFromResponse({
      gateway: "kkiai",
      status: 401,
      rawBody: JSON.stringify({ error: { code: "invalid_api_key", message: "key sk-abcdef is disabled" } }),
      apiKey: "sk-abcdef",
    });
    expect(e.message).not.toContain("sk-abcdef");
    expect(e.rawBody).not.toContain("sk-abcdef");
  });
});

describe("delay parsing", () => {
  it("reads protobuf durations and Retry-After", () => {
    expect(parseRetryDelay("1s")).toBe(1000);
    expect(parseRetryDelay("55.160198287s")).toBe(55160);
    expect(parseRetryDelay({ seconds: 2, nanos: 500_000_000 })).toBe(2500);
    expect(parseRetryDelay("soon")).toBeUndefined();
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:10 GMT", 4000)).toBe(6000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
