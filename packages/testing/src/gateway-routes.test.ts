// Each gateway's routes, auth and error envelope, over real HTTP.
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GatewayId } from "./gateway-routes.js";
import { createEmulator, type Emulator } from "./server.js";
import { post, userText } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ apiKeys: ["sk-good-key-0001"] });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const hello = { contents: [userText("hello")] };
const KEY = "sk-good-key-0001";

describe("routes", () => {
  it.each([
    ["google", "http://127.0.0.1:PORT"],
    ["kie", "http://127.0.0.1:PORT/kie"],
    ["kkiai", "http://127.0.0.1:PORT/kkiai"],
    ["aivideoapi", "http://127.0.0.1:PORT/aivideoapi/v1/gemini"],
  ] as const)("serves %s at its own base URL", async (gateway, base) => {
    expect(emulator.baseUrlFor(gateway)).toBe(base.replace("PORT", new URL(emulator.url).port));
    const res = await post(
      emulator,
      { ...hello, ...(gateway === "kie" ? { stream: true } : {}) },
      { gateway, key: KEY, stream: gateway === "kie" ? "sse" : undefined },
    );
    expect(res.status).toBe(200);
    expect(emulator.requests[0]!.gateway).toBe(gateway);
  });

  it("answers an unknown path with a 404 that says where to point the client", async () => {
    const res = await fetch(`${emulator.url}/v1beta/models/gemini-2.5-flash:countTokens`, {
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "baseUrlFor(gateway)",
    );
    // KIE documents only the stream endpoint.
    const kie = await fetch(
      `${emulator.baseUrlFor("kie")}/gemini/v1/models/gemini-2.5-flash:generateContent`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${KEY}` },
        body: JSON.stringify(hello),
      },
    );
    expect(kie.status).toBe(404);
  });

  it("refuses an unknown model with Google's 404 wording", async () => {
    const res = await post(emulator, hello, { model: "gpt-4o", key: KEY });
    expect(res.status).toBe(404);
    expect(res.errorMessage).toBe(
      "models/gpt-4o is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.",
    );
  });
});

describe("auth and error envelopes", () => {
  const cases: [GatewayId, number, unknown][] = [
    [
      "google",
      400,
      {
        error: {
          code: 400,
          status: "INVALID_ARGUMENT",
          message: "API key not valid. Please pass a valid API key.",
        },
      },
    ],
    ["kie", 401, { code: 401, msg: "API key is invalid, disabled, or deleted.", data: null }],
    ["kkiai", 401, { error: { code: "invalid_api_key", type: "authentication_error" } }],
    [
      "aivideoapi",
      401,
      {
        error: {
          code: "invalid_api_key",
          type: "authentication_error",
          message: "API key is invalid, disabled, or deleted.",
        },
      },
    ],
  ];
  it.each(cases)("%s refuses a wrong key with its own envelope", async (gateway, status, body) => {
    const res = await post(emulator, hello, { gateway, key: "sk-wrong-key-999" });
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject(body as object);
  });

  it("google wants x-goog-api-key (or ?key=); without any key it is a 403", async () => {
    const url = `${emulator.url}/v1beta/models/gemini-2.5-flash:generateContent`;
    const none = await fetch(url, { method: "POST", body: JSON.stringify(hello) });
    expect(none.status).toBe(403);
    const query = await fetch(`${url}?key=${KEY}`, { method: "POST", body: JSON.stringify(hello) });
    expect(query.status).toBe(200);
  });

  it("kkiai wants the key as Bearer and as ?key=", async () => {
    const url = `${emulator.baseUrlFor("kkiai")}/v1beta/models/gemini-2.5-flash:generateContent`;
    const bearerOnly = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}` },
      body: JSON.stringify(hello),
    });
    expect(bearerOnly.status).toBe(401);
    expect(((await bearerOnly.json()) as { error: { message: string } }).error.message).toContain("?key=");
  });

  it("aivideoapi refuses keys that do not start with sk-", async () => {
    const open = await createEmulator();
    try {
      const res = await post(open, hello, { gateway: "aivideoapi", key: "abc-123456789" });
      expect(res.status).toBe(401);
      expect(res.errorMessage).toBe("The key does not start with sk-.");
    } finally {
      await open.close();
    }
  });

  it("validation errors use each gateway's envelope", async () => {
    const bad = { contents: [{ role: "system", parts: [{ text: "x" }] }] };
    const google = await post(emulator, bad, { key: KEY });
    expect(google.json).toMatchObject({ error: { code: 400, status: "INVALID_ARGUMENT" } });
    const aivideo = await post(emulator, bad, { gateway: "aivideoapi", key: KEY });
    expect(aivideo.json).toMatchObject({ error: { code: "invalid_request", type: "invalid_request_error" } });
    const kie = await post(emulator, bad, { gateway: "kie", key: KEY });
    expect(kie.json).toMatchObject({ code: 400 });
    expect(kie.errorMessage).toContain("Please use a valid role: user, model.");
  });
});

describe("wire formats", () => {
  it("streams SSE with CRLF framing on ?alt=sse, each event a whole response", async () => {
    const res = await post(
      emulator,
      { contents: [userText("Tell me something long enough to split")] },
      { key: KEY, stream: "sse" },
    );
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.text.startsWith("data: {")).toBe(true);
    expect(res.text.endsWith("}\r\n\r\n")).toBe(true);
    expect(res.text).not.toMatch(/[^\r]\n/);
    const events = res.json as { usageMetadata: { candidatesTokenCount: number } }[];
    expect(events.length).toBeGreaterThan(1);
    const counts = events.map((e) => e.usageMetadata.candidatesTokenCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b)); // cumulative, on every chunk
  });

  it("streams one JSON array without alt=sse", async () => {
    const res = await post(emulator, hello, { key: KEY, stream: "json-array" });
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.text.startsWith("[{")).toBe(true);
    expect(Array.isArray(res.json)).toBe(true);
  });

  it("KIE streams SSE when the body says stream: true, and adds credits_consumed", async () => {
    const res = await post(emulator, { ...hello, stream: true }, { gateway: "kie", key: KEY, stream: "sse" });
    const events = res.json as { credits_consumed?: number }[];
    expect(events.at(-1)!.credits_consumed).toBeGreaterThan(0);
    expect(events.slice(0, -1).every((e) => e.credits_consumed === undefined)).toBe(true);
    const single = await post(emulator, hello, { gateway: "kie", key: KEY });
    expect((single.json as { credits_consumed?: number }).credits_consumed).toBeGreaterThan(0);
  });

  it("aivideoapi's stream endpoint is SSE without alt=sse", async () => {
    const res = await post(emulator, hello, { gateway: "aivideoapi", key: KEY, stream: "sse" });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
  });

  it("returns errors on stream endpoints as plain JSON", async () => {
    const res = await post(emulator, { contents: [] }, { key: KEY, stream: "sse" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
  });
});

describe("image models", () => {
  it("answer with a valid PNG in inlineData", async () => {
    const res = await post(
      emulator,
      { contents: [userText("a cat")], generationConfig: { responseModalities: ["IMAGE"] } },
      { key: KEY, model: "gemini-2.5-flash-image" },
    );
    const parts = (
      res.json as {
        candidates: { content: { parts: { inlineData?: { mimeType: string; data: string } }[] } }[];
      }
    ).candidates[0]!.content.parts;
    expect(parts).toHaveLength(1);
    expect(parts[0]!.inlineData!.mimeType).toBe("image/png");
    const png = Buffer.from(parts[0]!.inlineData!.data, "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    // IHDR says 1x1; IDAT inflates to one filter byte + one RGBA pixel.
    expect(png.readUInt32BE(16)).toBe(1);
    expect(png.readUInt32BE(20)).toBe(1);
    const idatLength = png.readUInt32BE(33);
    expect(inflateSync(png.subarray(41, 41 + idatLength)).length).toBe(5);
  });
});
