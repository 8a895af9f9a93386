// The hot path stays lean (DESIGN.md, performance budget): the request body is serialized once per
// call however many attempts it takes, each chunk is JSON-parsed once, and logging costs nothing when
// its level is off (no log call, so no redaction or abbreviation work). Real transport, msw at the edge.
import { Writable } from "node:stream";
import { HttpResponse, http } from "msw";
import pRetry from "p-retry";
import { type Logger, pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PresetGatewayName } from "./gateways.js";
import { createProvider, type SignetProvider } from "./provider.js";
import { sse, textChunk, useMswServer } from "./test-support/msw.js";

// p-retry as is, counted: the retry machinery must stay off the success path.
vi.mock("p-retry", async (importOriginal) => {
  const real = await importOriginal<typeof import("p-retry")>();
  return { ...real, default: vi.fn(real.default) };
});

const server = useMswServer();
const BASE = "http://127.0.0.1:8935";
const fast = { baseDelayMs: 1, maxDelayMs: 50, maxAttempts: 3 };

let provider: SignetProvider | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await provider?.close();
  provider = undefined;
});

const unavailable = () =>
  HttpResponse.json({ error: { code: 503, message: "busy", status: "UNAVAILABLE" } }, { status: 503 });
const streamOf = (...chunks: unknown[]) =>
  new HttpResponse(sse(...chunks), { headers: { "content-type": "text/event-stream" } });

/** A request whose functionResponse counts how often it is serialized. */
function countedRequest() {
  const counter = { serialized: 0 };
  const payload = {
    toJSON() {
      counter.serialized++;
      return { temp_c: 3 };
    },
  };
  const request = {
    contents: [
      { role: "user" as const, parts: [{ text: "weather?" }] },
      { role: "model" as const, parts: [{ functionCall: { name: "get_weather", args: {} } }] },
      {
        role: "user" as const,
        parts: [{ functionResponse: { name: "get_weather", response: payload as Record<string, unknown> } }],
      },
    ],
  };
  return { counter, request };
}

describe.each<PresetGatewayName>(["google", "kie", "kkiai", "aivideoapi"])("%s", (gateway) => {
  it.each(["generate", "stream"] as const)(
    "%s serializes the body once per call and resends the same bytes on each attempt",
    async (call) => {
      const bodies: string[] = [];
      server.use(
        http.post("*", async ({ request }) => {
          bodies.push(await request.text());
          if (bodies.length < 3) return unavailable();
          const done = textChunk("ok", "STOP");
          return request.url.includes(":streamGenerateContent") ? streamOf(done) : HttpResponse.json(done);
        }),
      );
      provider = createProvider({ gateway, apiKey: "k", baseUrl: BASE, retry: fast });
      const { counter, request } = countedRequest();
      if (call === "generate") await provider.generate("gemini-2.5-flash", request);
      else for await (const _ of provider.stream("gemini-2.5-flash", request));
      expect(bodies).toHaveLength(3);
      expect(new Set(bodies).size).toBe(1);
      expect(bodies[0]).toContain('"response":{"temp_c":3}');
      expect(counter.serialized).toBe(1);
    },
  );
});

describe("retries cost nothing until one is needed", () => {
  it.each(["generate", "stream"] as const)(
    "%s: a call that succeeds at once never enters p-retry; after a 503 it does, once",
    async (call) => {
      let fail = false;
      server.use(
        http.post("*", ({ request }) => {
          if (fail) {
            fail = false;
            return unavailable();
          }
          const done = textChunk("ok", "STOP");
          return request.url.includes(":streamGenerateContent") ? streamOf(done) : HttpResponse.json(done);
        }),
      );
      provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: fast });
      const request = { contents: [{ parts: [{ text: "q" }] }] };
      const once = async () => {
        if (call === "generate") return (await provider!.generate("gemini-2.5-flash", request)).attempts;
        let chunks = 0;
        for await (const _ of provider!.stream("gemini-2.5-flash", request)) chunks++;
        return chunks;
      };
      vi.mocked(pRetry).mockClear();
      await once();
      await once();
      expect(vi.mocked(pRetry)).not.toHaveBeenCalled();
      fail = true;
      const second = await once();
      expect(vi.mocked(pRetry)).toHaveBeenCalledTimes(1);
      expect(second).toBe(call === "generate" ? 2 : 1);
    },
  );
});

describe("fetch is asked for nothing it need not do", () => {
  it("no signal without a caller's signal or a short deadline, and no clone for redirects", async () => {
    server.use(http.post("*", () => HttpResponse.json(textChunk("ok", "STOP"))));
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE });
    const spy = vi.spyOn(globalThis, "fetch");
    await provider.generate("gemini-2.5-flash", { contents: [{ parts: [{ text: "q" }] }] });
    for await (const _ of provider.stream("gemini-2.5-flash", { contents: [{ parts: [{ text: "q" }] }] }));
    const inits = spy.mock.calls.map(([, init]) => ({ signal: init?.signal, redirect: init?.redirect }));
    // fetch clones every request whose redirect mode is not "error" (a tee of its body).
    expect(inits).toEqual([
      { signal: undefined, redirect: "error" },
      { signal: undefined, redirect: "error" },
    ]);
  });
});

describe("each chunk is parsed once", () => {
  const marker = "chunk-marker";
  function parsesOfChunks(spy: { mock: { calls: unknown[][] } }): number {
    return spy.mock.calls.filter(([text]) => typeof text === "string" && text.includes(marker)).length;
  }
  const chunks = [textChunk(`${marker}-1`), textChunk(`${marker}-2`), textChunk(`${marker}-3`, "STOP")];

  it("stream: three chunks, three parses (SSE)", async () => {
    server.use(http.post("*", () => streamOf(...chunks)));
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: false });
    const spy = vi.spyOn(JSON, "parse");
    const got: unknown[] = [];
    for await (const c of provider.stream("gemini-2.5-flash", { contents: [{ parts: [{ text: "q" }] }] }))
      got.push(c);
    expect(got).toEqual(chunks);
    expect(parsesOfChunks(spy)).toBe(3);
  });

  it("stream: a JSON-array stream, three parses", async () => {
    server.use(http.post("*", () => HttpResponse.text(JSON.stringify(chunks, null, 2))));
    provider = createProvider({ gateway: "kkiai", apiKey: "k", baseUrl: BASE, retry: false });
    const spy = vi.spyOn(JSON, "parse");
    for await (const _ of provider.stream("gemini-2.5-flash", { contents: [{ parts: [{ text: "q" }] }] }));
    expect(parsesOfChunks(spy)).toBe(3);
  });

  it("generate over KIE's stream: three parses, then accumulated without another", async () => {
    server.use(http.post("*", () => streamOf(...chunks)));
    provider = createProvider({ gateway: "kie", apiKey: "k", baseUrl: BASE, retry: false });
    const spy = vi.spyOn(JSON, "parse");
    const result = await provider.generate("gemini-3-flash", { contents: [{ parts: [{ text: "q" }] }] });
    expect(result.parts).toHaveLength(3);
    expect(parsesOfChunks(spy)).toBe(3);
  });

  it("generate: one JSON answer, one parse", async () => {
    server.use(http.post("*", () => HttpResponse.json(chunks[2])));
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, retry: false });
    const spy = vi.spyOn(JSON, "parse");
    await provider.generate("gemini-2.5-flash", { contents: [{ parts: [{ text: "q" }] }] });
    expect(parsesOfChunks(spy)).toBe(1);
  });
});

describe("logging is free when off", () => {
  const METHODS = new Set(["trace", "debug", "info", "warn", "error", "fatal"]);

  /** A pino logger at `level` that records every log call made on it. */
  function recording(level: string) {
    const calls: { method: string; obj: Record<string, unknown> }[] = [];
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const real = pino({ level }, sink);
    const logger = new Proxy(real, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof prop !== "string" || !METHODS.has(prop)) return value;
        return (obj: Record<string, unknown>, ...rest: unknown[]) => {
          calls.push({ method: prop, obj });
          return (value as (...a: unknown[]) => void).call(target, obj, ...rest);
        };
      },
    }) as Logger;
    return { logger, calls };
  }

  async function exercise(logger: Logger) {
    let n = 0;
    server.use(
      http.post("*", ({ request }) => {
        if (n++ % 2 === 0) return unavailable();
        const done = textChunk("ok", "STOP");
        return request.url.includes(":streamGenerateContent") ? streamOf(done) : HttpResponse.json(done);
      }),
    );
    provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: BASE, logger, retry: fast });
    const request = {
      contents: [
        {
          role: "user" as const,
          parts: [{ inlineData: { mimeType: "image/png", data: "A".repeat(10_000) } }],
        },
      ],
    };
    await provider.generate("gemini-2.5-flash", request);
    for await (const _ of provider.stream("gemini-2.5-flash", request));
  }

  it("silent: not one log call across requests, errors and retries", async () => {
    const { logger, calls } = recording("silent");
    await exercise(logger);
    expect(calls).toEqual([]);
  });

  it("debug: requests, responses and retries are logged, the body is not (trace only)", async () => {
    const { logger, calls } = recording("debug");
    await exercise(logger);
    const methods = calls.map((c) => c.method);
    expect(methods.filter((m) => m === "warn")).toHaveLength(2); // one per retry
    expect(methods.filter((m) => m === "debug").length).toBeGreaterThanOrEqual(6);
    expect(calls.some((c) => "body" in c.obj)).toBe(false);
    expect(calls.some((c) => "bodyChars" in c.obj)).toBe(true);
  });
});
