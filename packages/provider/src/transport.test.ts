// The transport against a real loopback server: keep-alive pooling through globalThis.fetch with the
// undici Agent, undici's own timeouts, a refused connection, and a redirect (never followed).
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProvider } from "./provider.js";
import type { RetryNotice } from "./provider-types.js";
import { failure } from "./test-support/failure.js";
import { type Loopback, loopback } from "./test-support/loopback.js";
import { sse, textChunk } from "./test-support/msw.js";

const req = { contents: [{ role: "user" as const, parts: [{ text: "hi" }] }] };
const servers: Loopback[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
async function serve(...args: Parameters<typeof loopback>) {
  const s = await loopback(...args);
  servers.push(s);
  return s;
}

describe("transport", () => {
  it("reuses pooled connections across calls (keep-alive)", async () => {
    const { base, connections } = await serve((_rq, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(textChunk("ok", "STOP")));
    });
    const p = createProvider({ gateway: "google", apiKey: "k", baseUrl: base, retry: false });
    for (let i = 0; i < 6; i++) expect((await p.generate("gemini-2.5-flash", req)).text).toBe("ok");
    // undici may open a second socket while the first is being returned to the pool; after that the
    // pooled sockets carry every call.
    expect(connections()).toBeLessThanOrEqual(2);
    await p.close();
  });

  it("undici's headers timeout becomes a retryable `timeout`", async () => {
    const { base } = await serve(() => {
      /* never answers */
    });
    const p = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: base,
      retry: false,
      timeouts: { headersMs: 100 },
    });
    const e = await failure(() => p.generate("gemini-2.5-flash", req));
    expect([e.code, e.retryable]).toEqual(["timeout", true]);
    expect(e.message).toContain("UND_ERR_HEADERS_TIMEOUT");
    await p.close();
  });

  it("a stream that falls silent longer than bodyMs ends with `timeout` (after its first chunk: not retried)", async () => {
    let calls = 0;
    const { base } = await serve((_rq, res) => {
      calls++;
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(sse(textChunk("one")));
    });
    const p = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: base,
      retry: { baseDelayMs: 1 },
      timeouts: { bodyMs: 150 },
    });
    const got: unknown[] = [];
    const e = await failure(async () => {
      for await (const c of p.stream("gemini-2.5-flash", req)) got.push(c);
    });
    expect([e.code, e.retryable, got.length, calls]).toEqual(["timeout", true, 1, 1]);
    expect(e.message).toContain("UND_ERR_BODY_TIMEOUT");
    await p.close();
  });

  it("a refused connection is a retryable `network_error` naming the cause", async () => {
    const closed = await serve(() => {});
    await closed.close();
    const p = createProvider({ gateway: "kkiai", apiKey: "secret-k", baseUrl: closed.base, retry: false });
    const e = await failure(() => p.generate("gemini-2.5-flash", req));
    expect([e.code, e.retryable, e.gateway]).toEqual(["network_error", true, "kkiai"]);
    expect(e.message).toContain("ECONNREFUSED");
    expect(e.message).not.toContain("secret-k");
    await p.close();
  });

  it.each([
    [307, "generate"],
    [301, "generate"],
    [302, "stream"],
    [303, "generate"],
    [308, "stream"],
    [300, "generate"],
  ] as const)(
    "a redirect (%i, %s) is not followed: `unexpected_redirect` naming status and target, attempted once, the target never called",
    async (status, call) => {
      let targetCalls = 0;
      const target = await serve((_rq, res) => {
        targetCalls++;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(textChunk("ok", "STOP")));
      });
      const targetBase = target.base.replace("127.0.0.1", "localhost");
      let gatewayCalls = 0;
      const gateway = await serve((rq, res) => {
        gatewayCalls++;
        res.writeHead(status, { location: `${targetBase}${rq.url}`, "x-request-id": "r-1" });
        res.end();
      });
      const p = createProvider({ gateway: "google", apiKey: "k", baseUrl: gateway.base });
      const e = await failure(async () => {
        if (call === "generate") await p.generate("gemini-2.5-flash", req);
        else for await (const _ of p.stream("gemini-2.5-flash", req));
      });
      expect([e.code, e.status, e.retryable, e.requestId, gatewayCalls, targetCalls]).toEqual([
        "unexpected_redirect",
        status,
        false,
        "r-1",
        1,
        0,
      ]);
      expect(e.message).toContain(`HTTP ${status} to ${targetBase})`);
      expect(e.message).toMatch(/set it as the base URL/);
      await p.close();
    },
  );

  // Timeouts that let no request wait past 200 ms for its headers: an attempt deadline of 300 ms
  // needs no signal on fetch; it cancels the body read instead.
  const covered = { connectMs: 100, headersMs: 100, attemptMs: 300 };

  it("a deadline passing while the body is read (no signal on fetch) ends the attempt with `timeout`, frees its socket, and the retry answers", async () => {
    let calls = 0;
    let firstSocketClosed!: () => void;
    const firstClosed = new Promise<void>((resolve) => {
      firstSocketClosed = resolve;
    });
    const { base } = await serve((_rq, res) => {
      calls++;
      res.writeHead(200, { "content-type": "application/json" });
      if (calls === 1) {
        res.socket?.on("close", firstSocketClosed);
        res.write('{"candidates": [');
        return; // holds the rest back
      }
      res.end(JSON.stringify(textChunk("ok", "STOP")));
    });
    const p = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: base,
      retry: { baseDelayMs: 1 },
      timeouts: covered,
    });
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const notices: RetryNotice[] = [];
    const result = await p.generate("gemini-2.5-flash", req, { onRetry: (n) => notices.push(n) });
    expect([result.text, result.attempts, calls]).toEqual(["ok", 2, 2]);
    expect(notices.map((n) => (n.error as { code?: string }).code)).toEqual(["timeout"]);
    expect(notices[0]!.error.message).toContain("reading the response");
    expect(fetchSpy.mock.calls.map(([, init]) => init?.signal)).toEqual([undefined, undefined]);
    await firstClosed; // the test times out if the cancelled attempt kept its socket
    fetchSpy.mockRestore();
    await p.close();
  });

  it("a deadline passing while an error body is read is a `timeout` too", async () => {
    const { base } = await serve((_rq, res) => {
      res.writeHead(503, { "content-type": "application/json" });
      res.write('{"error": {"code": 503,');
    });
    const p = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: base,
      retry: false,
      timeouts: covered,
    });
    const e = await failure(() => p.generate("gemini-2.5-flash", req));
    expect([e.code, e.retryable]).toEqual(["timeout", true]);
    expect(e.message).toContain("reading the error body");
    await p.close();
  });

  it("the caller's signal goes to fetch as is; aborting it mid-body is `aborted`, not retried", async () => {
    let calls = 0;
    const controller = new AbortController();
    const { base } = await serve((_rq, res) => {
      calls++;
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"candidates": [', () => setTimeout(() => controller.abort(new Error("user left")), 20));
    });
    const p = createProvider({ gateway: "google", apiKey: "k", baseUrl: base, retry: { baseDelayMs: 1 } });
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const e = await failure(() => p.generate("gemini-2.5-flash", req, { signal: controller.signal }));
    expect([e.code, e.retryable, calls]).toEqual(["aborted", false, 1]);
    expect((e.cause as Error).message).toBe("user left");
    expect(fetchSpy.mock.calls[0]![1]?.signal).toBe(controller.signal);
    fetchSpy.mockRestore();
    await p.close();
  });

  it("a deadline shorter than the connect + headers timeouts puts its own signal on fetch", async () => {
    const { base } = await serve((_rq, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(textChunk("ok", "STOP")));
    });
    const p = createProvider({ gateway: "google", apiKey: "k", baseUrl: base, retry: false });
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const caller = new AbortController().signal;
    await p.generate("gemini-2.5-flash", req, { timeoutMs: 5000, signal: caller });
    const signal = fetchSpy.mock.calls[0]![1]?.signal;
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal).not.toBe(caller);
    fetchSpy.mockRestore();
    await p.close();
  });
});
