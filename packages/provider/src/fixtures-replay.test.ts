// Every recorded response (SSE, sse-events.json, chunks.txt, JSON-array streams, JSON answers and
// error bodies) replayed through the real transport and parsers. Expectations are computed from the
// files independently of Signet's parsers (split on the blank line / per line / JSON.parse).
import { readdirSync, readFileSync } from "node:fs";
import { HttpResponse, http } from "msw";
import { afterAll, describe, expect, it } from "vitest";
import { ProviderError, type ProviderErrorCode } from "./errors.js";
import { createProvider } from "./provider.js";
import { StreamAccumulator, textOf } from "./stream-accumulator.js";
import { bodyOf, useMswServer } from "./test-support/msw.js";
import type { GenerateContentResponse, Part } from "./wire-types.js";

const server = useMswServer();
const dir = new URL("./__fixtures__/recorded/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");
const KEY = "replay-key";

interface Turn {
  uri: string;
  model: string;
  status: number;
  response_file: string;
}

const turns: (Turn & { case: string })[] = readdirSync(dir)
  .filter((f) => f.endsWith(".meta.json"))
  .sort()
  .flatMap((f) => {
    const meta = JSON.parse(read(f)) as { case: string; turns: Turn[] };
    return meta.turns.map((t) => ({ ...t, case: meta.case }));
  });

type Format = "sse" | "sse-events" | "chunks" | "json-array" | "json";

function formatOf(t: Turn): Format {
  if (t.response_file.endsWith(".sse")) return "sse";
  if (t.response_file.endsWith(".sse-events.json")) return "sse-events";
  if (t.response_file.endsWith(".chunks.txt")) return "chunks";
  return t.uri.includes(":streamGenerateContent") && t.status === 200 ? "json-array" : "json";
}

/** The chunks as the file holds them, parsed without Signet's code. */
function expectedChunks(format: Format, raw: string): GenerateContentResponse[] {
  if (format === "sse") {
    return raw
      .split(/\r\n\r\n|\n\n/)
      .filter((e) => e.trim() !== "")
      .map((e) => JSON.parse(e.replace(/^data: ?/, "")));
  }
  if (format === "chunks")
    return raw
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l));
  return JSON.parse(raw);
}

/** What goes on the wire: SSE bytes as recorded, or rebuilt as `data: <json>\r\n\r\n` frames. */
function wireBody(format: Format, raw: string): string {
  if (format === "sse-events") {
    return (JSON.parse(raw) as unknown[]).map((e) => `data: ${JSON.stringify(e)}\r\n\r\n`).join("");
  }
  if (format === "chunks") {
    return raw
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => `data: ${l}\r\n\r\n`)
      .join("");
  }
  return raw;
}

/** Delivered in 997-byte reads, so events, CRLFs and multi-byte characters split across reads. */
function reads(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 997) out.push(bytes.slice(i, i + 997));
  return out;
}

function respond(format: Format, raw: string, status: number) {
  const type =
    format === "sse" || format === "sse-events" || format === "chunks"
      ? "text/event-stream"
      : "application/json";
  return new HttpResponse(bodyOf(reads(wireBody(format, raw))), {
    status,
    headers: { "content-type": type },
  });
}

const partsOf = (chunks: GenerateContentResponse[]): Part[] =>
  chunks.flatMap((c) => c.candidates?.[0]?.content?.parts ?? []);
const signatures = (parts: Part[]) =>
  parts.flatMap((p, i) => (p.thoughtSignature ? [[i, p.thoughtSignature] as const] : []));

const ERROR_CODES: Record<number, [ProviderErrorCode, boolean]> = {
  400: ["invalid_api_key", false],
  404: ["model_not_found", false],
  429: ["rate_limit_exceeded", true],
  500: ["internal_error", true],
  503: ["unavailable", true],
};

const google = createProvider({ gateway: "google", apiKey: KEY, retry: false });
// Stream-only like KIE, served from the same recordings: generate() must read the stream to its end.
const streamOnly = createProvider({
  gateway: "kie",
  apiKey: KEY,
  baseUrl: "http://127.0.0.1:8933",
  retry: false,
});
afterAll(async () => {
  await google.close();
  await streamOnly.close();
});

const req = { contents: [{ role: "user" as const, parts: [{ text: "replay" }] }] };
let carriersSeen = 0;
let signaturesSeen = 0;

describe.each(
  turns.map((t) => ({ ...t, name: `${t.case} ${t.response_file.split(".").slice(1).join(".")}` })),
)("$name", (t) => {
  const format = formatOf(t);
  const raw = read(t.response_file);
  const recordedGoogle = t.uri.startsWith("https://generativelanguage.googleapis.com/");

  if (t.status !== 200) {
    it(`maps the ${t.status} error body`, async () => {
      server.use(http.post("*", () => respond("json", raw, t.status)));
      const call =
        format === "json" && t.uri.includes(":streamGenerateContent")
          ? async () => {
              for await (const _ of google.stream(t.model, req));
            }
          : () => google.generate(t.model, req);
      let error: unknown;
      try {
        await call();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ProviderError);
      const e = error as ProviderError;
      const [code, retryable] = ERROR_CODES[t.status]!;
      expect([e.code, e.retryable, e.status, e.gateway, e.rawBody]).toEqual([
        code,
        retryable,
        t.status,
        "google",
        raw,
      ]);
      expect(e.message).toContain(JSON.parse(raw).error.message);
    });
    return;
  }

  if (format === "json") {
    it("generate parses the answer; parts exactly as received", async () => {
      const seen: string[] = [];
      server.use(
        http.post("*", ({ request }) => {
          seen.push(request.url);
          return respond("json", raw, 200);
        }),
      );
      const expected = JSON.parse(raw) as GenerateContentResponse;
      const result = await google.generate(t.model, req);
      expect(result.response).toEqual(expected);
      expect(result.parts).toEqual(expected.candidates?.[0]?.content?.parts ?? []);
      expect(result.finishReason).toBe(expected.candidates?.[0]?.finishReason);
      if (recordedGoogle) expect(seen).toEqual([t.uri]);
      signaturesSeen += signatures(result.parts).length;
    });
    return;
  }

  const chunks = expectedChunks(format, raw);
  const expectedParts = partsOf(chunks);

  it("stream yields every chunk as recorded; accumulated parts equal the chunks' parts in order", async () => {
    const seen: string[] = [];
    server.use(
      http.post("*", ({ request }) => {
        seen.push(request.url);
        return respond(format, raw, 200);
      }),
    );
    const got: GenerateContentResponse[] = [];
    const acc = new StreamAccumulator();
    for await (const c of google.stream(t.model, req)) {
      got.push(c);
      acc.add(c);
    }
    expect(got).toEqual(chunks);
    expect(acc.parts).toEqual(expectedParts);
    expect(signatures(acc.parts)).toEqual(signatures(expectedParts));
    const carriers = acc.parts.filter((p) => "text" in p && p.text === "" && p.thoughtSignature);
    expect(carriers).toHaveLength(
      expectedParts.filter((p) => "text" in p && p.text === "" && p.thoughtSignature).length,
    );
    expect(acc.text).toBe(textOf(expectedParts));
    expect(acc.finished).toBe(true);
    if (recordedGoogle && t.uri.includes("alt=sse")) expect(seen).toEqual([t.uri]);
    carriersSeen += carriers.length;
    signaturesSeen += signatures(acc.parts).length;
  });

  it("generate on a stream-only gateway reads the stream to its end, parts kept", async () => {
    server.use(http.post("*", () => respond(format, raw, 200)));
    const result = await streamOnly.generate(t.model, req);
    expect(result.parts).toEqual(expectedParts);
    expect(result.finishReason).toBe(
      chunks.findLast((c) => c.candidates?.[0]?.finishReason)?.candidates?.[0]?.finishReason,
    );
    expect(result.usage).toEqual(chunks.findLast((c) => c.usageMetadata)?.usageMetadata);
  });
});

describe("coverage of the replay", () => {
  it("met signatures and empty-text signature carriers", () => {
    // Cases 18 (two turns) and 27 end with {text:"", thoughtSignature}.
    expect(carriersSeen).toBeGreaterThanOrEqual(3);
    expect(signaturesSeen).toBeGreaterThan(20);
  });
});
