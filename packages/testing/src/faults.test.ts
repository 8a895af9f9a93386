// Every fault, as a client sees it over a real socket. Timing assertions are lower bounds only (a
// slow machine can only make them truer); "the client gives up first" uses a fault far longer than
// the client's deadline, and the emulator stops waiting as soon as the client leaves.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { HttpFault } from "./faults.js";
import type { GatewayId } from "./gateway-wire.js";
import { createEmulator, type Emulator } from "./server.js";
import { pathFor, post, userText } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const hello = { contents: [userText("Tell me a story that is long enough to split in pieces")] };
const KEY = "k-0000000001";

function send(
  options: { stream?: "sse" | "json-array"; signal?: AbortSignal; body?: unknown } = { stream: "sse" },
) {
  return fetch(`${emulator.url}${pathFor("google", "gemini-2.5-flash", options.stream)}`, {
    method: "POST",
    headers: { "x-goog-api-key": KEY },
    body: JSON.stringify(options.body ?? hello),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

const sseData = (text: string) =>
  text
    .split("\r\n\r\n")
    .filter(Boolean)
    .map((e) => e.slice("data: ".length));

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("HTTP faults", () => {
  it("429 with RetryInfo on Google, Retry-After on gateways; used up after `times` requests", async () => {
    emulator.failNext({ type: "rate-limit", retryDelaySeconds: 3 }, 2);
    const google = await post(emulator, hello);
    expect(google.status).toBe(429);
    const error = (
      google.json as { error: { status: string; message: string; details: Record<string, unknown>[] } }
    ).error;
    expect(error.status).toBe("RESOURCE_EXHAUSTED");
    expect(error.details.map((d) => d["@type"])).toEqual([
      "type.googleapis.com/google.rpc.Help",
      "type.googleapis.com/google.rpc.QuotaFailure",
      "type.googleapis.com/google.rpc.RetryInfo",
    ]);
    expect(error.details[1]).toMatchObject({
      violations: [{ quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier" }],
    });
    expect(error.details[2]!.retryDelay).toBe("3s");
    expect(error.message).toContain("Please retry in 3s.");
    const gateway = await post(emulator, hello, { gateway: "aivideoapi" });
    expect(gateway.status).toBe(429);
    expect(gateway.headers.get("retry-after")).toBe("3");
    expect(gateway.json).toMatchObject({ error: { code: "rate_limit_exceeded", type: "rate_limit_error" } });
    expect((await post(emulator, hello)).status).toBe(200);
  });

  it("per-day quota: Google names the per-day quota id; gateways send a spend limit without Retry-After", async () => {
    emulator.failNext({ type: "daily-quota" }, 2);
    const google = await post(emulator, hello);
    expect(google.status).toBe(429);
    const details = (google.json as { error: { details: Record<string, unknown>[] } }).error.details;
    expect(details[1]).toMatchObject({
      violations: [{ quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier" }],
    });
    const gateway = await post(emulator, hello, { gateway: "kkiai" });
    expect(gateway.status).toBe(429);
    expect(gateway.text).toContain("GenerateRequestsPerDayPerProjectPerModel-FreeTier"); // kkiai passes Google's through
    emulator.failNext({ type: "daily-quota" });
    const aivideo = await post(emulator, hello, { gateway: "aivideoapi" });
    expect(aivideo.json).toMatchObject({ error: { code: "spend_limit_exceeded", type: "billing_error" } });
    expect(aivideo.headers.get("retry-after")).toBeNull();
  });

  const matrix: [Exclude<HttpFault["type"], "error">, GatewayId, number, string][] = [
    ["overloaded", "google", 503, '"status": "UNAVAILABLE"'],
    ["overloaded", "kie", 503, '"code": 503'],
    ["overloaded", "kkiai", 503, '"status": "UNAVAILABLE"'],
    ["overloaded", "aivideoapi", 503, '"code": "upstream_error"'],
    ["internal", "google", 500, '"status": "INTERNAL"'],
    ["internal", "kie", 500, '"code": 500'],
    ["internal", "kkiai", 500, '"status": "INTERNAL"'],
    ["internal", "aivideoapi", 500, '"code": "internal_error"'],
    ["insufficient-credits", "google", 429, "prepayment credits are depleted"],
    ["insufficient-credits", "kie", 402, '"code": 402'],
    ["insufficient-credits", "kkiai", 402, '"code": "insufficient_credits"'],
    ["insufficient-credits", "aivideoapi", 402, '"code": "insufficient_credits"'],
    ["unauthorized", "google", 401, '"status": "UNAUTHENTICATED"'],
    ["unauthorized", "kie", 401, '"code": 401'],
    ["unauthorized", "kkiai", 401, '"code": "invalid_api_key"'],
    ["unauthorized", "aivideoapi", 401, '"code": "invalid_api_key"'],
  ];
  it.each(matrix)("%s on %s is a %i in the gateway's envelope", async (type, gateway, status, marker) => {
    emulator.failNext({ type });
    const res = await post(emulator, gateway === "kie" ? { ...hello, stream: true } : hello, {
      gateway,
      stream: "sse",
    });
    expect(res.status).toBe(status);
    // Errors on stream endpoints are plain JSON, as the real API sends them.
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.text).toContain(marker);
    expect(emulator.requests[0]).toMatchObject({ status, outcome: "error" });
  });

  it("a scripted HTTP fault answers in its turn, and a refused login does not use an injected fault up", async () => {
    emulator.script({ fault: { type: "overloaded" } });
    expect((await post(emulator, hello)).status).toBe(503);
    emulator.failNext({ type: "internal" });
    expect((await post(emulator, hello, { gateway: "kie", key: "" })).status).toBe(401);
    expect((await post(emulator, hello)).status).toBe(500);
  });
});

describe("transport faults", () => {
  it("resets the connection before the first chunk, on any endpoint, even for a request it would refuse", async () => {
    emulator.failNext({ type: "reset-before-first-chunk" }, 3);
    await expect(send()).rejects.toThrow();
    await expect(send({})).rejects.toThrow();
    await expect(send({ body: { contents: [] } })).rejects.toThrow();
    expect(emulator.requests.map((r) => [r.outcome, r.status])).toEqual([
      ["reset", undefined],
      ["reset", undefined],
      ["reset", undefined],
    ]);
    expect((await send()).status).toBe(200);
  });

  it("resets the connection after the first SSE event", async () => {
    emulator.failNext({ type: "reset-after-first-chunk" });
    const res = await send();
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^data: \{/);
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return;
      })(),
    ).rejects.toThrow();
    expect(emulator.requests[0]!.outcome).toBe("reset");
  });

  it("resets a one-piece generateContent body halfway", async () => {
    emulator.failNext({ type: "reset-after-first-chunk" });
    const res = await send({});
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it("truncates an SSE stream mid-event and ends cleanly", async () => {
    emulator.script({
      fault: { type: "truncated-stream" },
      reply: { text: "one two three four five six seven eight nine ten" },
    });
    const text = await (await send()).text();
    const events = text.split("\r\n\r\n");
    expect(events.length).toBeGreaterThan(1);
    expect(events.at(-1)).toMatch(/^data: \{/); // the unfinished event
    expect(parses(events.at(-1)!.slice(6))).toBe(false);
    expect(events.slice(0, -1).every((e) => parses(e.slice(6)))).toBe(true);
    expect(emulator.requests[0]!.outcome).toBe("truncated");
  });

  it("truncates a JSON-array stream: the array never closes", async () => {
    emulator.failNext({ type: "truncated-stream" });
    const text = await (await send({ stream: "json-array" })).text();
    expect(text.startsWith("[{")).toBe(true);
    expect(parses(text)).toBe(false);
  });

  it("sends one SSE event whose data is not JSON, among good ones", async () => {
    emulator.failNext({ type: "malformed-event" });
    const parsed = sseData(await (await send()).text()).map(parses);
    expect(parsed.filter((ok) => !ok)).toHaveLength(1);
    expect(parsed.filter((ok) => ok).length).toBeGreaterThan(0);
  });

  it("sends a JSON-array stream that is not JSON", async () => {
    emulator.failNext({ type: "malformed-event" });
    const text = await (await send({ stream: "json-array" })).text();
    expect(text.startsWith("[")).toBe(true);
    expect(parses(text)).toBe(false);
  });

  it("delays the headers: a client deadline fires first, and the emulator stops waiting for it", async () => {
    emulator.failNext({ type: "slow-headers", delayMs: 60_000 });
    await expect(send({ stream: "sse", signal: AbortSignal.timeout(50) })).rejects.toThrow();
    await vi.waitFor(() => expect(emulator.requests[0]!.outcome).toBe("client-closed"));
    emulator.failNext({ type: "slow-headers", delayMs: 60 });
    const started = Date.now();
    const res = await send();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(res.status).toBe(200);
  });

  it("delays the body: the headers come at once, each chunk late", async () => {
    // Headers arrive although the first chunk is a minute away.
    emulator.failNext({ type: "slow-body", delayMs: 60_000 });
    const controller = new AbortController();
    const stalled = await send({ stream: "sse", signal: controller.signal });
    expect(stalled.status).toBe(200);
    controller.abort();
    await vi.waitFor(() => expect(emulator.requests[0]!.outcome).toBe("client-closed"));
    // A short pause before every chunk: the body takes at least one pause per chunk.
    emulator.failNext({ type: "slow-body", delayMs: 40 });
    const res = await send();
    const started = Date.now();
    const events = sseData(await res.text());
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35 * (events.length - 1));
  });
});
