// Every fault, as a client sees it over a real socket.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "./server.js";
import { pathFor, post, userText } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const hello = { contents: [userText("Tell me a story that is long enough to split in pieces")] };
const sseUrl = () => `${emulator.url}${pathFor("google", "gemini-2.5-flash", "sse")}`;
const send = (signal?: AbortSignal) =>
  fetch(sseUrl(), {
    method: "POST",
    headers: { "x-goog-api-key": "k-0000000001" },
    body: JSON.stringify(hello),
    ...(signal ? { signal } : {}),
  });

describe("HTTP faults", () => {
  it("429 with RetryInfo on Google, Retry-After on gateways; retryable per-minute", async () => {
    emulator.failNext({ type: "rate-limit", retryDelaySeconds: 3 }, 2);
    const google = await post(emulator, hello);
    expect(google.status).toBe(429);
    const details = (google.json as { error: { details: Record<string, unknown>[] } }).error.details;
    expect(details.map((d) => d["@type"])).toEqual([
      "type.googleapis.com/google.rpc.Help",
      "type.googleapis.com/google.rpc.QuotaFailure",
      "type.googleapis.com/google.rpc.RetryInfo",
    ]);
    expect(details[2]!.retryDelay).toBe("3s");
    expect((google.json as { error: { message: string } }).error.message).toContain("Please retry in 3s.");
    const gateway = await post(emulator, hello, { gateway: "aivideoapi" });
    expect(gateway.status).toBe(429);
    expect(gateway.headers.get("retry-after")).toBe("3");
    expect(gateway.json).toMatchObject({ error: { code: "rate_limit_exceeded" } });
    // Faults are used up: the next request is served.
    expect((await post(emulator, hello)).status).toBe(200);
  });

  it("per-day quota names the per-day quota id", async () => {
    emulator.failNext({ type: "daily-quota" });
    const res = await post(emulator, hello);
    expect(res.status).toBe(429);
    expect(res.text).toContain("GenerateRequestsPerDayPerProjectPerModel-FreeTier");
  });

  it.each([
    ["overloaded", "google", 503, "UNAVAILABLE"],
    ["internal", "google", 500, "INTERNAL"],
    ["unauthorized", "google", 401, "UNAUTHENTICATED"],
    ["insufficient-credits", "aivideoapi", 402, "insufficient_credits"],
    ["insufficient-credits", "kkiai", 402, "insufficient_credits"],
    ["overloaded", "aivideoapi", 503, "upstream_error"],
  ] as const)("%s on %s is a %i", async (type, gateway, status, code) => {
    emulator.failNext({ type });
    const res = await post(emulator, hello, { gateway });
    expect(res.status).toBe(status);
    expect(res.text).toContain(code);
  });

  it("402 on KIE uses KIE's {code, msg}", async () => {
    emulator.failNext({ type: "insufficient-credits" });
    const res = await post(emulator, { ...hello, stream: true }, { gateway: "kie" });
    expect(res.status).toBe(402);
    expect(res.json).toEqual({
      code: 402,
      msg: "Your credit balance is too low. Please top up.",
      data: null,
    });
  });
});

describe("transport faults", () => {
  it("resets the connection before the first chunk", async () => {
    emulator.failNext({ type: "reset-before-first-chunk" });
    await expect(send()).rejects.toThrow();
    expect(emulator.requests[0]!.outcome).toBe("reset");
    expect(emulator.requests[0]!.status).toBeUndefined();
  });

  it("resets the connection after the first chunk", async () => {
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
  });

  it("truncates a stream mid-event and ends cleanly", async () => {
    emulator.script({
      fault: { type: "truncated-stream" },
      reply: { text: "one two three four five six seven eight nine ten" },
    });
    const text = await (await send()).text();
    const events = text.split("\r\n\r\n");
    expect(events.at(-1)).toMatch(/^data: \{/); // the unfinished event
    expect(() => JSON.parse(events.at(-1)!.slice(6))).toThrow();
    expect(emulator.requests[0]!.outcome).toBe("truncated");
  });

  it("sends one event whose data is not JSON", async () => {
    emulator.failNext({ type: "malformed-event" });
    const text = await (await send()).text();
    const data = text
      .split("\r\n\r\n")
      .filter(Boolean)
      .map((e) => e.slice("data: ".length));
    const parsed = data.map((d) => {
      try {
        JSON.parse(d);
        return true;
      } catch {
        return false;
      }
    });
    expect(parsed.filter((ok) => !ok)).toHaveLength(1);
    expect(parsed.filter((ok) => ok).length).toBeGreaterThan(0);
  });

  it("delays the headers (a client deadline fires first)", async () => {
    emulator.failNext({ type: "slow-headers", delayMs: 400 });
    await expect(send(AbortSignal.timeout(50))).rejects.toThrow();
    emulator.failNext({ type: "slow-headers", delayMs: 60 });
    const started = Date.now();
    const res = await send();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(res.status).toBe(200);
  });

  it("delays each chunk after the headers", async () => {
    emulator.failNext({ type: "slow-body", delayMs: 40 });
    const started = Date.now();
    const res = await send();
    const headersAt = Date.now() - started;
    const events = (await res.text()).split("\r\n\r\n").filter(Boolean);
    const bodyAt = Date.now() - started;
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(bodyAt - headersAt).toBeGreaterThanOrEqual(35 * (events.length - 1));
  });
});
