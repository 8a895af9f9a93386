// Abort mid-stream against a real loopback server: the socket must actually close.
import { once } from "node:events";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ProviderError } from "./errors.js";
import { createProvider } from "./provider.js";
import { sse, textChunk } from "./test-support/msw.js";

const req = { contents: [{ role: "user" as const, parts: [{ text: "hi" }] }] };
let srv: Server | undefined;
afterEach(() => {
  srv?.close();
  srv?.closeAllConnections();
});

/** A server that sends one chunk and then holds the stream open; resolves `closed` when the socket closes. */
async function holdingServer() {
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => {
    resolveClosed = r;
  });
  const responses: ServerResponse[] = [];
  srv = createServer((_rq, res) => {
    responses.push(res);
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(sse(textChunk("one")));
    res.socket?.on("close", resolveClosed);
  });
  srv.listen(0, "127.0.0.1");
  await once(srv, "listening");
  return { base: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, closed, responses };
}

describe("abort mid-stream", () => {
  it("a caller abort ends the iteration with `aborted` and the socket closes", async () => {
    const { base, closed } = await holdingServer();
    const p = createProvider({ gateway: "google", apiKey: "k", baseUrl: base, retry: false });
    const controller = new AbortController();
    const seen: unknown[] = [];
    let error: unknown;
    try {
      for await (const c of p.stream("gemini-2.5-flash", req, { signal: controller.signal })) {
        seen.push(c);
        controller.abort();
      }
    } catch (e) {
      error = e;
    }
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(ProviderError);
    expect([(error as ProviderError).code, (error as ProviderError).retryable]).toEqual(["aborted", false]);
    await closed; // the test times out if the socket is never released
    await p.close();
  });

  it("breaking out of the loop closes the socket too", async () => {
    const { base, closed } = await holdingServer();
    const p = createProvider({ gateway: "google", apiKey: "k", baseUrl: base, retry: false });
    for await (const _ of p.stream("gemini-2.5-flash", req)) break;
    await closed;
    await p.close();
  });
});
