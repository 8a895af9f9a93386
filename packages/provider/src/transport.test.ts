// The transport against a real loopback server: keep-alive pooling through globalThis.fetch with the
// undici Agent, undici's own timeouts, and a refused connection, each a typed error.
import { once } from "node:events";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ProviderError } from "./errors.js";
import { createProvider } from "./provider.js";
import { textChunk } from "./test-support/msw.js";

const req = { contents: [{ role: "user" as const, parts: [{ text: "hi" }] }] };
let srv: Server | undefined;
afterEach(() => {
  srv?.closeAllConnections();
  srv?.close();
  srv = undefined;
});

async function serve(handler: RequestListener) {
  srv = createServer(handler);
  let connections = 0;
  srv.on("connection", () => connections++);
  srv.listen(0, "127.0.0.1");
  await once(srv, "listening");
  return { base: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, connections: () => connections };
}

async function failure(run: () => Promise<unknown>): Promise<ProviderError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error("expected a ProviderError");
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

  it("a refused connection is a retryable `network_error` naming the cause", async () => {
    const { base } = await serve(() => {});
    srv?.close();
    await once(srv!, "close");
    const p = createProvider({ gateway: "kkiai", apiKey: "secret-k", baseUrl: base, retry: false });
    const e = await failure(() => p.generate("gemini-2.5-flash", req));
    expect([e.code, e.retryable, e.gateway]).toEqual(["network_error", true, "kkiai"]);
    expect(e.message).toContain("ECONNREFUSED");
    expect(e.message).not.toContain("secret-k");
    await p.close();
  });
});
