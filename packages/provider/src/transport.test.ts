// The transport against a real loopback server: keep-alive pooling through globalThis.fetch with the
// undici Agent, undici's own timeouts, a refused connection, and a redirect (never followed).
import { afterEach, describe, expect, it } from "vitest";
import { createProvider } from "./provider.js";
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

  it("a redirect is not followed: `unexpected_redirect`, attempted once, the target never called", async () => {
    let targetCalls = 0;
    const target = await serve((_rq, res) => {
      targetCalls++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(textChunk("ok", "STOP")));
    });
    let gatewayCalls = 0;
    const gateway = await serve((rq, res) => {
      gatewayCalls++;
      res.writeHead(307, { location: `${target.base.replace("127.0.0.1", "localhost")}${rq.url}` });
      res.end();
    });
    const p = createProvider({ gateway: "google", apiKey: "k", baseUrl: gateway.base });
    const e = await failure(() => p.generate("gemini-2.5-flash", req));
    expect([e.code, e.status, e.retryable, gatewayCalls, targetCalls]).toEqual([
      "unexpected_redirect",
      307,
      false,
      1,
      0,
    ]);
    expect(e.message).toContain(`HTTP 307 to ${target.base.replace("127.0.0.1", "localhost")})`);
    expect(e.message).toMatch(/set it as the base URL/);
    await p.close();
  });
});
