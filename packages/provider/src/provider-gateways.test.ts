// For each gateway: the exact URL, method, headers and body of a generate and a stream call, and the
// key only where that gateway wants it. Also proves msw intercepts fetch given an undici dispatcher.
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import type { PresetGatewayName } from "./gateways.js";
import { createProvider, type SignetProvider } from "./provider.js";
import { textOf } from "./stream-accumulator.js";
import { sse, textChunk, useMswServer } from "./test-support/msw.js";
import type { GenerateContentRequest } from "./wire-types.js";

const server = useMswServer();
const KEY = "sk-test-KEY-0123456789";
const request: GenerateContentRequest = {
  contents: [{ role: "user", parts: [{ text: "Weather in Oslo?" }] }],
  generationConfig: { thinkingConfig: { includeThoughts: true, thinkingLevel: "high" } },
};

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

function capture(seen: Seen[], reply: () => Response) {
  return http.all("*", async ({ request: r }) => {
    const headers: Record<string, string> = {};
    r.headers.forEach((v, k) => {
      headers[k] = v;
    });
    seen.push({ method: r.method, url: r.url, headers, body: await r.json() });
    return reply();
  });
}

const json = () => HttpResponse.json(textChunk("Sunny.", "STOP"));
const usage = { promptTokenCount: 9, candidatesTokenCount: 2, totalTokenCount: 11 };
// KIE's last chunk carries what the call cost (`credits_consumed`); it must survive accumulation.
const lastChunk = { ...textChunk("ny.", "STOP"), usageMetadata: usage, credits_consumed: 0.01 };
const stream = () =>
  new HttpResponse(sse(textChunk("Sun"), lastChunk), {
    headers: { "content-type": "text/event-stream" },
  });

/** Header names the transport may add on its own (fetch / undici). */
function ours(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (
      ![
        "user-agent",
        "accept-encoding",
        "accept-language",
        "sec-fetch-mode",
        "content-length",
        "connection",
        "host",
      ].includes(k)
    ) {
      if (k === "accept" && v === "*/*") continue;
      out[k] = v;
    }
  }
  return out;
}

const cases: {
  gateway: PresetGatewayName;
  generateUrl: string;
  streamUrl: string;
  headers: Record<string, string>;
  streamHeaders?: Record<string, string>;
  generateBody: unknown;
  streamBody: unknown;
}[] = [
  {
    gateway: "google",
    generateUrl: "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent",
    streamUrl:
      "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
    headers: { "content-type": "application/json", "x-goog-api-key": KEY },
    streamHeaders: { "content-type": "application/json", "x-goog-api-key": KEY, accept: "text/event-stream" },
    generateBody: request,
    streamBody: request,
  },
  {
    gateway: "kie",
    generateUrl: "https://api.kie.ai/gemini/v1/models/gemini-2.5-flash:streamGenerateContent",
    streamUrl: "https://api.kie.ai/gemini/v1/models/gemini-2.5-flash:streamGenerateContent",
    headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
    generateBody: { stream: true, ...request },
    streamBody: { stream: true, ...request },
  },
  {
    gateway: "kkiai",
    generateUrl: `https://www.kkiai.com/v1beta/models/gemini-2.5-flash:generateContent?key=${KEY}`,
    streamUrl: `https://www.kkiai.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?key=${KEY}`,
    headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
    generateBody: request,
    streamBody: request,
  },
  {
    gateway: "aivideoapi",
    generateUrl: "https://api.aivideoapi.ai/v1/gemini/v1beta/models/gemini-2.5-flash:generateContent",
    streamUrl: "https://api.aivideoapi.ai/v1/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent",
    headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
    generateBody: request,
    streamBody: request,
  },
];

let provider: SignetProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

describe.each(cases)("$gateway wire", (c) => {
  it("generate: exact URL, method, headers, body", async () => {
    const seen: Seen[] = [];
    // KIE documents only the stream endpoint: generate reads a stream to its end.
    server.use(capture(seen, c.gateway === "kie" ? stream : json));
    provider = createProvider({ gateway: c.gateway, apiKey: KEY, retry: false });
    const result = await provider.generate("gemini-2.5-flash", request);
    expect(result.text).toBe("Sunny.");
    expect(result.parts).toEqual(
      c.gateway === "kie" ? [{ text: "Sun" }, { text: "ny." }] : [{ text: "Sunny." }],
    );
    if (c.gateway === "kie") {
      expect(result.response.credits_consumed).toBe(0.01);
      expect([result.usage, result.finishReason]).toEqual([usage, "STOP"]);
    }
    expect(seen).toHaveLength(1);
    const s = seen[0]!;
    expect([s.method, s.url]).toEqual(["POST", c.generateUrl]);
    expect(ours(s.headers)).toEqual(c.headers);
    expect(s.body).toEqual(c.generateBody);
    assertKeyPlacement(c.gateway, s);
  });

  it("stream: exact URL, method, headers, body", async () => {
    const seen: Seen[] = [];
    server.use(capture(seen, stream));
    provider = createProvider({ gateway: c.gateway, apiKey: KEY, retry: false });
    const texts: string[] = [];
    const chunks: unknown[] = [];
    for await (const chunk of provider.stream("gemini-2.5-flash", request)) {
      texts.push(textOf(chunk.candidates?.[0]?.content?.parts ?? []));
      chunks.push(chunk);
    }
    expect(texts).toEqual(["Sun", "ny."]);
    expect(chunks.at(-1)).toEqual(lastChunk);
    expect(seen).toHaveLength(1);
    const s = seen[0]!;
    expect([s.method, s.url]).toEqual(["POST", c.streamUrl]);
    expect(ours(s.headers)).toEqual(c.streamHeaders ?? c.headers);
    expect(s.body).toEqual(c.streamBody);
    assertKeyPlacement(c.gateway, s);
  });
});

/** The key appears exactly where the gateway wants it, and in no other header or in the body. */
function assertKeyPlacement(gateway: PresetGatewayName, s: Seen) {
  const where: string[] = [];
  for (const [k, v] of Object.entries(s.headers)) if (v.includes(KEY)) where.push(`header:${k}`);
  if (s.url.includes(KEY)) where.push("url");
  if (JSON.stringify(s.body).includes(KEY)) where.push("body");
  const expected = {
    google: ["header:x-goog-api-key"],
    kie: ["header:authorization"],
    kkiai: ["header:authorization", "url"],
    aivideoapi: ["header:authorization"],
  }[gateway];
  expect(where).toEqual(expected);
}

describe("baseUrl", () => {
  it("replaces only the base; the gateway path and auth stay", async () => {
    const seen: Seen[] = [];
    server.use(capture(seen, json));
    provider = createProvider({
      gateway: "kkiai",
      apiKey: KEY,
      baseUrl: "http://127.0.0.1:8787/relay",
      retry: false,
    });
    await provider.generate("gemini-2.5-flash-image", request);
    expect(seen[0]!.url).toBe(
      `http://127.0.0.1:8787/relay/v1beta/models/gemini-2.5-flash-image:generateContent?key=${KEY}`,
    );
  });
});

describe("before any I/O", () => {
  it("refuses googleSearch + functionDeclarations with tool_conflict and sends nothing", async () => {
    const seen: Seen[] = [];
    server.use(capture(seen, json));
    provider = createProvider({ gateway: "kie", apiKey: KEY, retry: false });
    const conflicted = {
      ...request,
      tools: [{ functionDeclarations: [{ name: "get_weather" }] }, { googleSearch: {} }],
    };
    await expect(provider.generate("gemini-3-flash", conflicted)).rejects.toMatchObject({
      code: "tool_conflict",
    });
    const iterate = async () => {
      for await (const _ of provider!.stream("gemini-3-flash", conflicted));
    };
    await expect(iterate()).rejects.toMatchObject({ code: "tool_conflict" });
    expect(seen).toHaveLength(0);
    expect(provider.capabilities("gemini-3-flash").searchWithFunctions).toBe("exclusive");
  });

  it("refuses googleSearchRetrieval + functionDeclarations too, also written in snake_case", async () => {
    const seen: Seen[] = [];
    server.use(capture(seen, json));
    provider = createProvider({ gateway: "google", apiKey: KEY, retry: false });
    const e = await provider
      .generate("gemini-2.5-pro", {
        contents: request.contents,
        tools: [{ function_declarations: [{ name: "get_weather" }] }, { google_search_retrieval: {} }],
      })
      .catch((error: unknown) => error);
    expect(e).toMatchObject({ code: "tool_conflict", searchTools: ["googleSearchRetrieval"] });
    expect(seen).toHaveLength(0);
  });

  it("google + Gemini 3 sends the combination when includeServerSideToolInvocations is set", async () => {
    const seen: Seen[] = [];
    server.use(capture(seen, json));
    provider = createProvider({ gateway: "google", apiKey: KEY, retry: false });
    const combined = {
      ...request,
      tools: [{ functionDeclarations: [{ name: "get_weather" }] }, { googleSearch: {} }],
      toolConfig: { includeServerSideToolInvocations: true },
    };
    await provider.generate("gemini-3-flash-preview", combined);
    expect(seen[0]!.body).toEqual(combined);
  });

  it("sends snake_case input as camelCase", async () => {
    const seen: Seen[] = [];
    server.use(capture(seen, json));
    provider = createProvider({ gateway: "aivideoapi", apiKey: KEY, retry: false });
    await provider.generate("gemini-3-flash", {
      contents: [
        {
          role: "user",
          parts: [{ text: "what is this?" }, { inline_data: { mime_type: "image/jpeg", data: "AAAA" } }],
        },
      ],
      generation_config: { thinking_config: { include_thoughts: true, thinking_level: "high" } },
    });
    expect(seen[0]!.body).toEqual({
      contents: [
        {
          role: "user",
          parts: [{ text: "what is this?" }, { inlineData: { mimeType: "image/jpeg", data: "AAAA" } }],
        },
      ],
      generationConfig: { thinkingConfig: { includeThoughts: true, thinkingLevel: "high" } },
    });
  });
});
