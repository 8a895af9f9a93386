// Stream mechanics through the real transport and parsers (msw at the edge; a loopback node:http
// server where the socket itself must be observed).
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { createProvider, type SignetProvider } from "./provider.js";
import { failure } from "./test-support/failure.js";
import { bodyOf, controlledBody, sse, textChunk, useMswServer } from "./test-support/msw.js";
import type { GenerateContentResponse } from "./wire-types.js";

const server = useMswServer();
const BASE = "http://127.0.0.1:8931";
const req = { contents: [{ role: "user" as const, parts: [{ text: "hi" }] }] };

let provider: SignetProvider;
afterEach(async () => {
  await provider?.close();
});

function make(gateway: "google" | "kkiai" = "google") {
  provider = createProvider({ gateway, apiKey: "k", baseUrl: BASE, retry: false });
  return provider;
}

async function collect(it: AsyncIterable<GenerateContentResponse>): Promise<GenerateContentResponse[]> {
  const out: GenerateContentResponse[] = [];
  for await (const c of it) out.push(c);
  return out;
}

function streamReply(body: ReadableStream<Uint8Array> | string, type = "text/event-stream", status = 200) {
  server.use(http.post("*", () => new HttpResponse(body, { status, headers: { "content-type": type } })));
}

describe("SSE", () => {
  it("reads CRLF framing and an event split across reads (inside the JSON and inside the CRLF)", async () => {
    const wire = sse(textChunk("Hel"), textChunk("lo", "STOP"));
    const cut1 = wire.indexOf("Hel") + 1; // inside the first JSON
    const cut2 = wire.indexOf("\r\n\r\n") + 1; // between \r and \n
    streamReply(
      bodyOf([wire.slice(0, cut1), wire.slice(cut1, cut2), wire.slice(cut2, cut2 + 3), wire.slice(cut2 + 3)]),
    );
    const chunks = await collect(make().stream("gemini-2.5-flash", req));
    expect(chunks).toEqual([textChunk("Hel"), textChunk("lo", "STOP")]);
  });

  it("splits a multi-byte character across reads without corrupting it", async () => {
    const bytes = new TextEncoder().encode(sse(textChunk("søt 🌤", "STOP")));
    const at = bytes.indexOf(0xf0) + 2; // inside the 4-byte emoji
    streamReply(bodyOf([bytes.slice(0, at), bytes.slice(at)]));
    const chunks = await collect(make().stream("gemini-2.5-flash", req));
    expect(chunks[0]?.candidates?.[0]?.content?.parts).toEqual([{ text: "søt 🌤" }]);
  });

  it("yields each chunk as it arrives, before the stream ends", async () => {
    const body = controlledBody();
    streamReply(body.stream);
    body.push(sse(textChunk("first")));
    const iterator = make().stream("gemini-2.5-flash", req)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toEqual(textChunk("first"));
    body.push(sse(textChunk("second", "STOP")));
    body.close();
    expect((await iterator.next()).value).toEqual(textChunk("second", "STOP"));
    expect((await iterator.next()).done).toBe(true);
  });

  it("a stream that ends without finishReason is stream_interrupted (retryable)", async () => {
    streamReply(sse(textChunk("par"), textChunk("tial")));
    const got: GenerateContentResponse[] = [];
    const e = await failure(async () => {
      for await (const c of make().stream("gemini-2.5-flash", req)) got.push(c);
    });
    expect(got).toHaveLength(2);
    expect([e.code, e.retryable]).toEqual(["stream_interrupted", true]);
    expect(e.message).toMatch(/no finishReason after 2 chunks/);
  });

  it("a final event cut mid-JSON is a truncation, not a crash", async () => {
    const wire = sse(textChunk("a"), textChunk("b", "STOP"));
    streamReply(wire.slice(0, wire.length - 12));
    const e = await failure(() => collect(make().stream("gemini-2.5-flash", req)));
    expect(e.code).toBe("stream_interrupted");
  });

  it("malformed event data is a typed malformed_response error", async () => {
    streamReply(`${sse(textChunk("ok"))}data: {"candidates": [oops}\r\n\r\n`);
    const e = await failure(() => collect(make().stream("gemini-2.5-flash", req)));
    expect([e.code, e.retryable, e.status]).toEqual(["malformed_response", false, 200]);
    expect(e.message).toContain("invalid JSON");
    streamReply(`data: [1,2]\r\n\r\n`);
    expect((await failure(() => collect(make().stream("gemini-2.5-flash", req)))).message).toMatch(
      /JSON object/,
    );
  });

  it("an error event inside a 200 stream is mapped", async () => {
    streamReply(sse(textChunk("a"), { error: { code: 503, message: "overloaded", status: "UNAVAILABLE" } }));
    const e = await failure(() => collect(make().stream("gemini-2.5-flash", req)));
    expect([e.code, e.status]).toEqual(["unavailable", 503]);
  });
});

describe("JSON-array streams (no alt=sse)", () => {
  it("yields each element as it completes, while the array is still open", async () => {
    const body = controlledBody();
    streamReply(body.stream, "application/json");
    const iterator = make("kkiai").stream("gemini-2.5-flash", req)[Symbol.asyncIterator]();
    body.push('[{\n  "candidates": [{"content": {"parts": [{"text": "a ] } \\" {"}]}}]\n}');
    expect((await iterator.next()).value).toEqual({
      candidates: [{ content: { parts: [{ text: 'a ] } " {' }] } }],
    });
    body.push(',\n{"candidates": [{"content": {"parts": [{"text": "b"}]}, "finishReason": "STOP"}]}\n');
    expect((await iterator.next()).value?.candidates?.[0]?.finishReason).toBe("STOP");
    body.push("]");
    body.close();
    expect((await iterator.next()).done).toBe(true);
  });

  it("an array cut before its end is stream_interrupted; junk is malformed_response", async () => {
    streamReply('[{"candidates": [{"content": {"parts": [{"text": "a"}]}}]}, {"candid', "application/json");
    expect((await failure(() => collect(make("kkiai").stream("m", req)))).code).toBe("stream_interrupted");
    streamReply('[{"candidates": []}, 42]', "application/json");
    expect((await failure(() => collect(make("kkiai").stream("m", req)))).code).toBe("malformed_response");
  });
});

describe('bare objects, no array and no SSE ("provider stream chunks", KIE seed 000)', () => {
  const kie = () => {
    provider = createProvider({ gateway: "kie", apiKey: "k", baseUrl: BASE, retry: false });
    return provider;
  };

  it("objects back to back: each yielded as it completes, split reads included", async () => {
    const body = controlledBody();
    streamReply(body.stream, "application/json");
    const iterator = kie().stream("gemini-3-flash", req)[Symbol.asyncIterator]();
    const second = JSON.stringify(textChunk("b }{", "STOP"));
    body.push(`${JSON.stringify(textChunk("a"))}${second.slice(0, 9)}`);
    expect((await iterator.next()).value).toEqual(textChunk("a"));
    body.push(second.slice(9));
    expect((await iterator.next()).value).toEqual(textChunk("b }{", "STOP"));
    body.close();
    expect((await iterator.next()).done).toBe(true);
  });

  it("one object per line (LF or CRLF): stream yields each; generate accumulates them", async () => {
    const lines = [textChunk("Hel"), textChunk("lo", "STOP", { thoughtSignature: "c2ln" })];
    streamReply(`${lines.map((c) => JSON.stringify(c)).join("\r\n")}\r\n`, "application/x-ndjson");
    expect(await collect(kie().stream("gemini-3-flash", req))).toEqual(lines);
    streamReply(bodyOf(lines.map((c) => `${JSON.stringify(c, null, 2)}\n`)), "text/plain");
    const result = await kie().generate("gemini-3-flash", req);
    expect([result.text, result.finishReason]).toEqual(["Hello", "STOP"]);
    expect(result.parts).toEqual([{ text: "Hel" }, { text: "lo", thoughtSignature: "c2ln" }]);
  });

  it("a bare object cut short is stream_interrupted", async () => {
    streamReply(`${JSON.stringify(textChunk("a"))}\n{"candidates": [{"content"`, "application/json");
    expect((await failure(() => collect(kie().stream("gemini-3-flash", req)))).code).toBe(
      "stream_interrupted",
    );
  });
});

describe("errors on a stream endpoint", () => {
  it("a plain JSON error body with the HTTP status is mapped, not parsed as SSE", async () => {
    streamReply(
      JSON.stringify({
        error: { code: 404, message: "models/nope is not found for API version v1beta", status: "NOT_FOUND" },
      }),
      "application/json",
      404,
    );
    const e = await failure(() => collect(make().stream("nope", req)));
    expect([e.code, e.status, e.retryable]).toEqual(["model_not_found", 404, false]);
  });
});
