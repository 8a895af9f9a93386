import { describe, expect, it } from "vitest";
import { ConfigError } from "./errors.js";
import { buildHttpRequest, GATEWAY_PRESETS, resolveGateway } from "./gateways.js";

const KEY = "k-secret-123";
const body = { contents: [{ role: "user", parts: [{ text: "hi" }] }] };

describe("gateway presets", () => {
  it("google: x-goog-api-key header only; stream adds ?alt=sse", () => {
    const g = resolveGateway("google");
    const gen = buildHttpRequest(g, "gemini-2.5-flash", "generate", KEY, body);
    expect(gen.url).toBe(
      "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent",
    );
    expect(gen.headers).toEqual({ "content-type": "application/json", "x-goog-api-key": KEY });
    expect(JSON.parse(gen.body)).toEqual(body);
    expect(gen.read).toBe("json");
    const st = buildHttpRequest(g, "models/gemini-2.5-flash", "stream", KEY, body);
    expect(st.url).toBe(
      "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
    );
    expect(st.headers).toEqual({
      "content-type": "application/json",
      accept: "text/event-stream",
      "x-goog-api-key": KEY,
    });
    expect(st.read).toBe("stream");
  });

  it("kie: Bearer, stream-only endpoint with stream:true even for generate", () => {
    const k = resolveGateway("kie");
    for (const kind of ["generate", "stream"] as const) {
      const r = buildHttpRequest(k, "gemini-3-flash", kind, KEY, body);
      expect(r.url).toBe("https://api.kie.ai/gemini/v1/models/gemini-3-flash:streamGenerateContent");
      expect(r.headers).toEqual({ "content-type": "application/json", authorization: `Bearer ${KEY}` });
      expect(JSON.parse(r.body)).toEqual({ stream: true, ...body });
      expect(r.read).toBe("stream");
    }
  });

  it("kkiai: Bearer and ?key=", () => {
    const k = resolveGateway("kkiai");
    const gen = buildHttpRequest(k, "gemini-2.5-flash-image", "generate", "a&b", body);
    expect(gen.url).toBe(
      "https://www.kkiai.com/v1beta/models/gemini-2.5-flash-image:generateContent?key=a%26b",
    );
    expect(gen.headers).toEqual({ "content-type": "application/json", authorization: "Bearer a&b" });
    const st = buildHttpRequest(k, "gemini-2.5-flash", "stream", KEY, body);
    expect(st.url).toBe(
      `https://www.kkiai.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?key=${KEY}`,
    );
    expect(JSON.parse(st.body)).toEqual(body);
  });

  it("aivideoapi: Bearer under /v1/gemini", () => {
    const a = resolveGateway("aivideoapi");
    const st = buildHttpRequest(a, "gemini-3-flash", "stream", KEY, body);
    expect(st.url).toBe(
      "https://api.aivideoapi.ai/v1/gemini/v1beta/models/gemini-3-flash:streamGenerateContent",
    );
    expect(st.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(st.url).not.toContain(KEY);
  });

  it("baseUrl replaces only the base and keeps the gateway's path", () => {
    const k = resolveGateway("kie", { baseUrl: "http://127.0.0.1:9999/proxy/" });
    const r = buildHttpRequest(k, "gemini-3-flash", "generate", KEY, body);
    expect(r.url).toBe("http://127.0.0.1:9999/proxy/gemini/v1/models/gemini-3-flash:streamGenerateContent");
    expect(GATEWAY_PRESETS.kie.baseUrl).toBe("https://api.kie.ai");
  });

  it("custom: any base, path and auth", () => {
    const c = resolveGateway("custom", {
      custom: {
        baseUrl: "http://127.0.0.1:1",
        generatePath: "/g/{model}",
        streamPath: "/s/{model}?x=1",
        auth: [
          { type: "header", name: "X-Api-Key" },
          { type: "query", name: "token" },
        ],
      },
    });
    const r = buildHttpRequest(c, "m", "stream", KEY, body);
    expect(r.url).toBe(`http://127.0.0.1:1/s/m?x=1&token=${KEY}`);
    expect(r.headers).toEqual({ "content-type": "application/json", "x-api-key": KEY });
    expect(() => resolveGateway("custom")).toThrow(ConfigError);
    expect(() => resolveGateway("google", { baseUrl: "not a url" })).toThrow(/SIGNET_BASE_URL/);
  });
});
