// The transport against a real loopback server: keep-alive pooling through globalThis.fetch with the
// undici Agent, undici's own timeouts (connect, headers, body), the per-attempt deadline (and its end
// once a stream is open), the request id of a success, a refused connection, and a redirect (never
// followed).
import { once } from "node:events";
import { type AddressInfo, createServer as createTcpServer, type Socket } from "node:net";
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
/** Each message down an error's cause chain. */
function causeMessages(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) out.push(e.message);
  return out;
}

/**
 * A TCP server on 127.0.0.1 that accepts connections and never writes a byte. For an https:// URL
 * undici counts the TLS handshake as part of connecting (its connect timer stops at `secureConnect`),
 * so a connection to it never completes: only undici's connect timeout can end the wait, and the
 * headers timeout never starts.
 */
async function silentTcp() {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {}); // the client gives up and resets
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    accepted: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close");
    },
  };
}

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

  it("undici's connect timeout is the configured connectMs: a handshake that never completes is a retryable `timeout`", async () => {
    const silent = await silentTcp();
    const p = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: `https://127.0.0.1:${silent.port}`,
      retry: false,
      // Headers and attempt deadlines far away: only the connect timeout can end this call in time.
      timeouts: { connectMs: 150, headersMs: 60_000, attemptMs: 120_000 },
    });
    try {
      const e = await failure(() => p.generate("gemini-2.5-flash", req));
      expect([e.code, e.retryable, e.status]).toEqual(["timeout", true, undefined]);
      expect(e.message).toContain("UND_ERR_CONNECT_TIMEOUT");
      // undici names the timeout it ran with: ours, not its 10 s default.
      expect(causeMessages(e).join("\n")).toMatch(/Connect Timeout Error .*timeout: 150ms/);
      expect(silent.accepted()).toBe(1);
    } finally {
      await p.close();
      await silent.close();
    }
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

  it("the attempt deadline covers opening a stream only: once open, a stream may outlive attemptMs", async () => {
    const attemptMs = 100;
    // Control: the same deadline cuts a stream whose response headers come later than it.
    const mute = await serve(() => {
      /* never answers */
    });
    const p1 = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: mute.base,
      retry: false,
      timeouts: { attemptMs },
    });
    const cut = await failure(async () => {
      for await (const _ of p1.stream("gemini-2.5-flash", req));
    });
    expect([cut.code, cut.message]).toEqual(["timeout", expect.stringContaining("sending the request")]);
    await p1.close();

    // The stream opens at once, then holds its last chunk until well past the deadline.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { base } = await serve((_rq, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(sse(textChunk("one")));
      void held.then(() => res.end(sse(textChunk(" two", "STOP"))));
    });
    const p2 = createProvider({
      gateway: "google",
      apiKey: "k",
      baseUrl: base,
      retry: false,
      timeouts: { attemptMs },
    });
    const chunks = p2.stream("gemini-2.5-flash", req)[Symbol.asyncIterator]();
    expect((await chunks.next()).value).toEqual(textChunk("one"));
    // The attempt timer (started before this one) would have fired by now had it not been cleared.
    await new Promise((resolve) => setTimeout(resolve, attemptMs * 3));
    release();
    expect((await chunks.next()).value).toEqual(textChunk(" two", "STOP"));
    expect((await chunks.next()).done).toBe(true);
    await p2.close();
  });

  it.each([
    ["google", "x-goog-request-id", "application/json"],
    ["kie", "x-request-id", "text/event-stream"],
  ] as const)(
    "a successful %s generate reports the response's request id (%s)",
    async (gateway, header, type) => {
      const { base } = await serve((_rq, res) => {
        res.writeHead(200, { "content-type": type, [header]: `req-ok-${gateway}` });
        const chunk = textChunk("ok", "STOP");
        res.end(type === "application/json" ? JSON.stringify(chunk) : sse(chunk));
      });
      const p = createProvider({ gateway, apiKey: "k", baseUrl: base, retry: false });
      const result = await p.generate("gemini-3-flash", req);
      expect([result.text, result.requestId]).toEqual(["ok", `req-ok-${gateway}`]);
      await p.close();
    },
  );

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
