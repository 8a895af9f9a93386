// Retries through the real provider: msw scripts the responses; the delays are asserted from the
// onRetry notices (and bounded from below by the clock), never by racing timers.
import { delay, HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProviderError } from "./errors.js";
import { createProvider, type SignetProvider } from "./provider.js";
import type { RetryNotice } from "./provider-types.js";
import { DEFAULT_RETRY, retryDelayMs } from "./retry-policy.js";
import { failure } from "./test-support/failure.js";
import { memoryLogger } from "./test-support/memory-logger.js";
import { sse, textChunk, useMswServer } from "./test-support/msw.js";

const server = useMswServer();
const BASE = "http://127.0.0.1:8932";
const req = { contents: [{ role: "user" as const, parts: [{ text: "hi" }] }] };
const fast = { baseDelayMs: 5, maxDelayMs: 2000, maxTotalWaitMs: 5000, maxAttempts: 4 };

let provider: SignetProvider;
afterEach(async () => {
  await provider?.close();
});

/** Replies with each scripted response in turn; counts the requests. */
function script(...replies: (() => Response)[]) {
  const state = { calls: 0 };
  server.use(
    http.post("*", () => {
      const reply = replies[Math.min(state.calls, replies.length - 1)]!;
      state.calls++;
      return reply();
    }),
  );
  return state;
}

const googleError =
  (status: number, body: object, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json({ error: { code: status, ...body } }, { status, headers });
const gatewayError = (status: number, code: string) => () =>
  HttpResponse.json({ error: { code, message: `${code} happened`, type: "x" } }, { status });
const ok = () => HttpResponse.json(textChunk("done", "STOP"));
const retryInfo = (retryDelay: string) => ({
  "@type": "type.googleapis.com/google.rpc.RetryInfo",
  retryDelay,
});

describe("retries", () => {
  it("429 with RetryInfo 1s waits about a second, then succeeds", async () => {
    const state = script(
      googleError(429, {
        message: "Rate limited.",
        status: "RESOURCE_EXHAUSTED",
        details: [retryInfo("1s")],
      }),
      ok,
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: fast });
    const notices: RetryNotice[] = [];
    const started = performance.now();
    const result = await provider.generate("gemini-2.5-flash", req, { onRetry: (n) => notices.push(n) });
    const elapsed = performance.now() - started;
    expect(result.text).toBe("done");
    expect(result.attempts).toBe(2);
    expect(state.calls).toBe(2);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.attempt).toBe(2);
    expect(notices[0]!.delayMs).toBeGreaterThanOrEqual(1000);
    expect(notices[0]!.delayMs).toBeLessThanOrEqual(1100);
    expect((notices[0]!.error as ProviderError).code).toBe("rate_limit_exceeded");
    expect(elapsed).toBeGreaterThanOrEqual(990);
  });

  it("503 then 200 succeeds on the second attempt", async () => {
    const state = script(
      googleError(503, { message: "The model is overloaded.", status: "UNAVAILABLE" }),
      ok,
    );
    const policyNotices: RetryNotice[] = [];
    provider = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: BASE,
      retry: { ...fast, onRetry: (n) => policyNotices.push(n) },
    });
    const result = await provider.generate("gemini-2.5-flash", req);
    expect([result.text, result.attempts, state.calls]).toEqual(["done", 2, 2]);
    expect(policyNotices.map((n) => n.attempt)).toEqual([2]);
  });

  it.each([
    [
      "400 invalid request",
      googleError(400, { message: "bad", status: "INVALID_ARGUMENT" }),
      "invalid_request",
    ],
    [
      "400 API_KEY_INVALID",
      googleError(400, {
        message: "API key not valid.",
        status: "INVALID_ARGUMENT",
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID" }],
      }),
      "invalid_api_key",
    ],
    ["401", gatewayError(401, "invalid_api_key"), "invalid_api_key"],
    ["402", gatewayError(402, "insufficient_credits"), "insufficient_credits"],
    ["403", gatewayError(403, "ip_not_allowed"), "ip_not_allowed"],
    ["404", gatewayError(404, "model_not_found"), "model_not_found"],
    ["429 spend limit", gatewayError(429, "spend_limit_exceeded"), "spend_limit_exceeded"],
    [
      "429 per-day quota",
      googleError(429, {
        message: "You exceeded your current quota.",
        status: "RESOURCE_EXHAUSTED",
        details: [
          {
            "@type": "type.googleapis.com/google.rpc.QuotaFailure",
            violations: [{ quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier" }],
          },
          retryInfo("1s"),
        ],
      }),
      "quota_exhausted",
    ],
    [
      // Answered above the dispatcher, so only fetch's refusal is seen (transport.test.ts: the rest).
      "302 redirect",
      () => new HttpResponse(null, { status: 302, headers: { location: "https://elsewhere.example/x" } }),
      "unexpected_redirect",
    ],
  ])("%s is attempted once", async (_name, reply, code) => {
    const state = script(reply, ok);
    provider = createProvider({ gateway: "aivideoapi", apiKey: "k", baseUrl: BASE, retry: fast });
    const notices: RetryNotice[] = [];
    const e = await failure(() =>
      provider.generate("gemini-3-flash", req, { onRetry: (n) => notices.push(n) }),
    );
    expect([e.code, e.retryable, state.calls, notices.length]).toEqual([code, false, 1, 0]);
  });

  it("stops after maxAttempts and throws the last error", async () => {
    const state = script(gatewayError(500, "internal_error"));
    provider = createProvider({
      gateway: "kkiai",
      apiKey: "k",
      baseUrl: BASE,
      retry: { ...fast, maxAttempts: 3 },
    });
    const notices: RetryNotice[] = [];
    const e = await failure(() => provider.generate("m", req, { onRetry: (n) => notices.push(n) }));
    expect([e.code, state.calls]).toEqual(["internal_error", 3]);
    expect(notices.map((n) => n.attempt)).toEqual([2, 3]);
  });

  it("each retry calls onRetry and logs one warn line with the same attempt, delay and cause", async () => {
    script(gatewayError(500, "internal_error"));
    const { logger, entries } = memoryLogger("warn");
    provider = createProvider({
      gateway: "kkiai",
      apiKey: "k",
      baseUrl: BASE,
      logger,
      retry: { ...fast, maxAttempts: 3 },
    });
    const notices: RetryNotice[] = [];
    await failure(() => provider.generate("m", req, { onRetry: (n) => notices.push(n) }));
    const logged = entries("retrying the Gemini call").map(
      ({ attempt, delayMs, code, status, gateway, model, kind }) => ({
        attempt,
        delayMs,
        code,
        status,
        gateway,
        model,
        kind,
      }),
    );
    expect(logged).toEqual(
      notices.map((n) => ({
        attempt: n.attempt,
        delayMs: n.delayMs,
        code: "internal_error",
        status: 500,
        gateway: "kkiai",
        model: "m",
        kind: "generate",
      })),
    );
    expect(logged).toHaveLength(2);
  });

  it("a capacity 429 without details (no RetryInfo) is retried with backoff", async () => {
    const state = script(
      googleError(429, {
        message: "Resource exhausted. Please try again later.",
        status: "RESOURCE_EXHAUSTED",
      }),
      ok,
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: fast });
    const notices: RetryNotice[] = [];
    const result = await provider.generate("gemini-2.5-flash", req, { onRetry: (n) => notices.push(n) });
    expect([result.attempts, state.calls]).toEqual([2, 2]);
    expect((notices[0]!.error as ProviderError).retryAfterMs).toBeUndefined();
    // Equal jitter on the first step (baseDelayMs 5): between 2.5 and 5 ms.
    expect(notices[0]!.delayMs).toBeGreaterThanOrEqual(2);
    expect(notices[0]!.delayMs).toBeLessThanOrEqual(5);
  });

  it("Google 503 with RetryInfo waits the given delay", async () => {
    const state = script(
      googleError(503, {
        message: "The model is overloaded.",
        status: "UNAVAILABLE",
        details: [retryInfo("0.2s")],
      }),
      ok,
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: fast });
    const notices: RetryNotice[] = [];
    const result = await provider.generate("gemini-2.5-flash", req, { onRetry: (n) => notices.push(n) });
    expect([result.attempts, state.calls]).toEqual([2, 2]);
    expect((notices[0]!.error as ProviderError).code).toBe("unavailable");
    expect(notices[0]!.delayMs).toBeGreaterThanOrEqual(200);
    expect(notices[0]!.delayMs).toBeLessThanOrEqual(220);
  });

  it("Retry-After as an HTTP date in the past: retried at once", async () => {
    const state = script(
      () =>
        HttpResponse.json(
          { error: { code: "rate_limit_exceeded", message: "slow down", type: "rate_limit_error" } },
          { status: 429, headers: { "retry-after": new Date(Date.now() - 60_000).toUTCString() } },
        ),
      ok,
    );
    provider = createProvider({ gateway: "aivideoapi", apiKey: "k", baseUrl: BASE, retry: fast });
    const notices: RetryNotice[] = [];
    const result = await provider.generate("gemini-3-flash", req, { onRetry: (n) => notices.push(n) });
    expect([result.attempts, state.calls, notices[0]!.delayMs]).toEqual([2, 2, 0]);
    expect((notices[0]!.error as ProviderError).retryAfterMs).toBe(0);
  });

  it("Retry-After as an HTTP date an hour ahead: not retried, and the message says how long", async () => {
    const state = script(
      () =>
        HttpResponse.json(
          { error: { code: "rate_limit_exceeded", message: "slow down", type: "rate_limit_error" } },
          { status: 429, headers: { "retry-after": new Date(Date.now() + 3_600_000).toUTCString() } },
        ),
      ok,
    );
    provider = createProvider({ gateway: "aivideoapi", apiKey: "k", baseUrl: BASE, retry: fast });
    const e = await failure(() => provider.generate("gemini-3-flash", req));
    expect([e.code, e.retryable, state.calls]).toEqual(["rate_limit_exceeded", true, 1]);
    // HTTP dates have whole seconds: between 3599 and 3600 s from now.
    expect(e.retryAfterMs).toBeGreaterThan(3_598_000);
    expect(e.retryAfterMs).toBeLessThanOrEqual(3_600_000);
    expect(e.message).toMatch(/wait 3(599|600)s/);
  });

  it("does not retry when the server asks for a longer wait than the policy allows", async () => {
    const state = script(
      googleError(429, { message: "slow down", status: "RESOURCE_EXHAUSTED" }, { "retry-after": "120" }),
      ok,
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: fast });
    const e = await failure(() => provider.generate("gemini-2.5-flash", req));
    expect([e.code, e.retryAfterMs, state.calls]).toEqual(["rate_limit_exceeded", 120_000, 1]);
    expect(e.message).toMatch(/wait 120s/);
  });

  it("bounds the total wait", async () => {
    const state = script(
      googleError(503, { message: "busy", status: "UNAVAILABLE" }, { "retry-after": "0.3" }),
    );
    provider = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: BASE,
      retry: { ...fast, maxAttempts: 10, maxTotalWaitMs: 700 },
    });
    const notices: RetryNotice[] = [];
    await failure(() => provider.generate("gemini-2.5-flash", req, { onRetry: (n) => notices.push(n) }));
    const total = notices.reduce((s, n) => s + n.delayMs, 0);
    expect(total).toBeLessThanOrEqual(700);
    expect(notices).toHaveLength(2);
    expect(state.calls).toBe(3);
  });

  it("retry: false means one attempt", async () => {
    const state = script(gatewayError(503, "upstream_error"), ok);
    provider = createProvider({ gateway: "aivideoapi", apiKey: "k", baseUrl: BASE, retry: false });
    const e = await failure(() => provider.generate("m", req));
    expect([e.code, e.retryable, state.calls]).toEqual(["upstream_error", true, 1]);
  });
});

describe("Google's per-minute quota under the default policy", () => {
  // The real 429 shape (fixtures INDEX "Observations"): QuotaFailure naming a quota, RetryInfo "55s",
  // and the message repeating "Please retry in 55.160198287s.".
  const quota429 = (quotaId: string, withRetryInfo: boolean) => () =>
    HttpResponse.json(
      {
        error: {
          code: 429,
          message: "You exceeded your current quota, please check your plan. Please retry in 55.160198287s.",
          status: "RESOURCE_EXHAUSTED",
          details: [
            { "@type": "type.googleapis.com/google.rpc.Help", links: [] },
            {
              "@type": "type.googleapis.com/google.rpc.QuotaFailure",
              violations: [{ quotaMetric: "generativelanguage.googleapis.com/generate_content", quotaId }],
            },
            ...(withRetryInfo ? [retryInfo("55s")] : []),
          ],
        },
      },
      { status: 429 },
    );
  const PER_MINUTE = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier";

  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["RetryInfo 55s", true, 55_000],
    ['only the message\'s "retry in 55.16s"', false, 55_160],
  ])("%s: waited out (on a fake clock), then the call succeeds", async (_name, withRetryInfo, asked) => {
    const sentAt: number[] = [];
    server.use(
      http.post("*", () => {
        sentAt.push(Date.now());
        return sentAt.length === 1 ? quota429(PER_MINUTE, withRetryInfo)() : ok();
      }),
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE }); // default retry policy
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const notices: RetryNotice[] = [];
    const started = performance.now(); // not faked: the real time this took
    const result = await provider.generate("gemini-2.5-flash", req, {
      onRetry: (n) => {
        notices.push(n);
        // Once the retry's sleep is scheduled: one ms short of the wait, nothing is sent; then the rest.
        setImmediate(() => {
          vi.advanceTimersByTime(asked - 1);
          expect(sentAt).toHaveLength(1);
          vi.advanceTimersByTime(n.delayMs - asked + 1);
        });
      },
    });
    expect([result.text, result.attempts, sentAt.length]).toEqual(["done", 2, 2]);
    expect(notices).toHaveLength(1);
    const error = notices[0]!.error as ProviderError;
    expect([error.code, error.retryable, error.retryAfterMs]).toEqual(["rate_limit_exceeded", true, asked]);
    // The server's delay plus at most 1 s of jitter, within the default 60 s cap.
    expect(notices[0]!.delayMs).toBeGreaterThanOrEqual(asked);
    expect(notices[0]!.delayMs).toBeLessThanOrEqual(Math.min(asked + 1000, DEFAULT_RETRY.maxDelayMs));
    expect(sentAt[1]! - sentAt[0]!).toBe(notices[0]!.delayMs);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("two per-minute waits in a row fit the default total bound (on a fake clock)", async () => {
    const state = script(quota429(PER_MINUTE, true), quota429(PER_MINUTE, true), ok);
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const notices: RetryNotice[] = [];
    const result = await provider.generate("gemini-2.5-flash", req, {
      onRetry: (n) => {
        notices.push(n);
        setImmediate(() => vi.advanceTimersByTime(n.delayMs));
      },
    });
    expect([result.attempts, state.calls]).toEqual([3, 3]);
    const waited = notices.reduce((sum, n) => sum + n.delayMs, 0);
    expect(waited).toBeGreaterThanOrEqual(110_000);
    expect(waited).toBeLessThanOrEqual(DEFAULT_RETRY.maxTotalWaitMs);
  });

  it("a maxDelayMs the user set below the asked wait is kept: not retried, and the message says how long", async () => {
    const state = script(quota429(PER_MINUTE, true), ok);
    provider = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: BASE,
      retry: { maxDelayMs: 30_000 },
    });
    const e = await failure(() => provider.generate("gemini-2.5-flash", req));
    expect([e.code, e.retryable, e.retryAfterMs, state.calls]).toEqual([
      "rate_limit_exceeded",
      true,
      55_000,
      1,
    ]);
    expect(e.message).toMatch(/wait 55s/);
  });

  it("a maxTotalWaitMs the user set below the asked wait is kept too", async () => {
    const state = script(quota429(PER_MINUTE, true), ok);
    provider = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: BASE,
      retry: { maxTotalWaitMs: 50_000 },
    });
    const e = await failure(() => provider.generate("gemini-2.5-flash", req));
    expect([e.code, state.calls]).toEqual(["rate_limit_exceeded", 1]);
  });

  it("a per-day quota stays quota_exhausted and is attempted once, RetryInfo or not", async () => {
    const state = script(quota429("GenerateRequestsPerDayPerProjectPerModel-FreeTier", true), ok);
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE });
    const notices: RetryNotice[] = [];
    const e = await failure(() =>
      provider.generate("gemini-2.5-flash", req, { onRetry: (n) => notices.push(n) }),
    );
    expect([e.code, e.retryable, state.calls, notices.length]).toEqual(["quota_exhausted", false, 1, 0]);
  });
});

describe("timeouts and aborts", () => {
  it("each attempt gets a fresh timeout: a slow first attempt times out and is retried", async () => {
    let calls = 0;
    server.use(
      http.post("*", async () => {
        calls++;
        if (calls === 1) await delay(2000);
        return ok();
      }),
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: fast });
    const notices: RetryNotice[] = [];
    const result = await provider.generate("gemini-2.5-flash", req, {
      timeoutMs: 200,
      onRetry: (n) => notices.push(n),
    });
    expect([result.text, result.attempts, calls]).toEqual(["done", 2, 2]);
    expect((notices[0]!.error as ProviderError).code).toBe("timeout");
  });

  it("the caller's abort stops a retry wait and is not retried", async () => {
    const state = script(
      googleError(503, { message: "busy", status: "UNAVAILABLE" }, { "retry-after": "1" }),
      ok,
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: fast });
    const controller = new AbortController();
    const e = await failure(() =>
      provider.generate("gemini-2.5-flash", req, {
        signal: controller.signal,
        onRetry: () => controller.abort(),
      }),
    );
    expect([e.code, e.retryable, state.calls]).toEqual(["aborted", false, 1]);
  });

  it("an abort while sleeping before a retry ends the wait early with `aborted`", async () => {
    const state = script(
      googleError(503, { message: "busy", status: "UNAVAILABLE" }, { "retry-after": "5" }),
      ok,
    );
    provider = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: BASE,
      retry: { ...fast, maxDelayMs: 10_000, maxTotalWaitMs: 20_000 },
    });
    const controller = new AbortController();
    const notices: RetryNotice[] = [];
    const started = performance.now();
    const e = await failure(() =>
      provider.generate("gemini-2.5-flash", req, {
        signal: controller.signal,
        // The abort lands after onRetry returned, while the 5 s wait is running.
        onRetry: (n) => {
          notices.push(n);
          setTimeout(() => controller.abort(), 20);
        },
      }),
    );
    expect([e.code, e.retryable, state.calls, notices.length]).toEqual(["aborted", false, 1, 1]);
    expect(e.message).toMatch(/while waiting to retry/);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it("an already aborted signal sends nothing", async () => {
    const state = script(ok);
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE });
    const e = await failure(() =>
      provider.generate("gemini-2.5-flash", req, { signal: AbortSignal.abort() }),
    );
    expect([e.code, state.calls]).toEqual(["aborted", 0]);
  });
});

describe("stream retries", () => {
  it("retries a stream that failed before any chunk reached the consumer", async () => {
    const state = script(
      gatewayError(503, "upstream_error"),
      () =>
        new HttpResponse(sse(textChunk("a"), textChunk("b", "STOP")), {
          headers: { "content-type": "text/event-stream" },
        }),
    );
    provider = createProvider({ gateway: "aivideoapi", apiKey: "k", baseUrl: BASE, retry: fast });
    const texts: string[] = [];
    for await (const c of provider.stream("m", req))
      texts.push(JSON.stringify(c.candidates?.[0]?.content?.parts));
    expect(texts).toHaveLength(2);
    expect(state.calls).toBe(2);
  });

  it("retries a 200 stream cut before its first chunk (nothing reached the consumer)", async () => {
    const state = script(
      () => new HttpResponse("", { headers: { "content-type": "text/event-stream" } }),
      () =>
        new HttpResponse(sse(textChunk("whole", "STOP")), {
          headers: { "content-type": "text/event-stream" },
        }),
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: fast });
    const notices: RetryNotice[] = [];
    const got: unknown[] = [];
    for await (const c of provider.stream("gemini-2.5-flash", req, { onRetry: (n) => notices.push(n) }))
      got.push(c);
    expect(got).toEqual([textChunk("whole", "STOP")]);
    expect(state.calls).toBe(2);
    expect((notices[0]!.error as ProviderError).code).toBe("stream_interrupted");
  });

  it("never retries a stream that already yielded a chunk", async () => {
    const state = script(
      () => new HttpResponse(sse(textChunk("partial")), { headers: { "content-type": "text/event-stream" } }),
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: fast });
    const notices: RetryNotice[] = [];
    const got: unknown[] = [];
    const e = await failure(async () => {
      for await (const c of provider.stream("gemini-2.5-flash", req, { onRetry: (n) => notices.push(n) }))
        got.push(c);
    });
    expect([e.code, e.retryable]).toEqual(["stream_interrupted", true]);
    expect([got.length, state.calls, notices.length]).toEqual([1, 1, 0]);
  });

  it("generate over a stream-only gateway retries a cut stream (nothing reached the consumer)", async () => {
    const state = script(
      () => new HttpResponse(sse(textChunk("par")), { headers: { "content-type": "text/event-stream" } }),
      () =>
        new HttpResponse(sse(textChunk("whole", "STOP")), {
          headers: { "content-type": "text/event-stream" },
        }),
    );
    provider = createProvider({ gateway: "kie", apiKey: "k", baseUrl: BASE, retry: fast });
    const result = await provider.generate("gemini-3-flash", req);
    expect([result.text, result.attempts, state.calls]).toEqual(["whole", 2, 2]);
  });
});

describe("retryDelayMs", () => {
  it("backs off exponentially with equal jitter, capped", () => {
    const e = new ProviderError({ code: "unavailable", message: "", gateway: "google", retryable: true });
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelayMs(e, 1, policy, () => 0)).toBe(50);
    expect(retryDelayMs(e, 1, policy, () => 1)).toBe(100);
    expect(retryDelayMs(e, 3, policy, () => 1)).toBe(400);
    expect(retryDelayMs(e, 10, policy, () => 1)).toBe(1000);
  });

  it("honours a server delay up to maxDelayMs; its jitter never passes the cap", () => {
    const asked = (retryAfterMs: number) =>
      new ProviderError({
        code: "rate_limit_exceeded",
        message: "",
        gateway: "google",
        retryable: true,
        retryAfterMs,
      });
    const policy = { ...DEFAULT_RETRY, maxDelayMs: 60_000 };
    expect(retryDelayMs(asked(55_000), 1, policy, () => 0)).toBe(55_000);
    expect(retryDelayMs(asked(55_000), 1, policy, () => 1)).toBe(56_000);
    expect(retryDelayMs(asked(59_500), 1, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(asked(60_000), 1, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(asked(60_001), 1, policy, () => 0)).toBeUndefined();
  });
});
