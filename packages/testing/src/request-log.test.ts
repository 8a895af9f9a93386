// The request log: bodies, masked credentials, status, timing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { maskHeaders, maskKey, maskUrl } from "./request-log.js";
import { createEmulator, type Emulator } from "./server.js";
import { post, userText } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const hello = { contents: [userText("hi")] };

describe("request log", () => {
  it("records bodies, status and timing, with every key masked (header, Bearer, ?key=)", async () => {
    await post(emulator, hello, { key: "AIzaSecretGoogleKey1234" });
    await post(emulator, { contents: [] }, { gateway: "kkiai", key: "sk-secret-kkiai-5678" });
    const [ok, refused] = emulator.requests;
    expect(ok).toMatchObject({
      gateway: "google",
      model: "gemini-2.5-flash",
      rpc: "generateContent",
      stream: false,
      status: 200,
      outcome: "complete",
      body: hello,
      rawBody: JSON.stringify(hello),
    });
    expect(ok!.headers["x-goog-api-key"]).toBe("***1234");
    expect(ok!.responses).toHaveLength(1);
    expect(ok!.startedAt).toBeGreaterThan(0);
    expect(refused!.index).toBe(ok!.index + 1);
    expect(refused).toMatchObject({ gateway: "kkiai", status: 400, outcome: "error" });
    expect(refused!.error).toContain("contents is not specified");
    expect(refused!.headers.authorization).toBe("Bearer ***5678");
    expect(refused!.url).toBe("/kkiai/v1beta/models/gemini-2.5-flash:generateContent?key=***5678");
    expect(JSON.stringify(emulator.requests)).not.toMatch(/Secret|secret/);
  });

  it("masks Google's ?key= even when URL-encoded or malformed, and keeps other parameters", async () => {
    const key = "AIza+Secret/Key=9876";
    const url = `${emulator.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=${encodeURIComponent(key)}`;
    expect((await fetch(url, { method: "POST", body: JSON.stringify(hello) })).status).toBe(200);
    expect(emulator.requests[0]!.url).toBe(
      "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=***9876",
    );
    // A broken escape must not crash the emulator or leak the raw text.
    const broken = `${emulator.url}/v1beta/models/gemini-2.5-flash:generateContent?key=Secret%zzKey4321`;
    expect((await fetch(broken, { method: "POST", body: JSON.stringify(hello) })).status).toBe(200);
    expect(emulator.requests[1]!.url).toBe("/v1beta/models/gemini-2.5-flash:generateContent?key=***4321");
    expect(JSON.stringify(emulator.requests)).not.toMatch(/Secret/);
  });

  it("masks every credential-looking header and parameter, and nothing else", () => {
    expect(
      maskHeaders({
        authorization: "Basic dXNlcjpwYXNzd29yZA==",
        "x-api-key": "sk-live-abcdefgh",
        "x-goog-api-key": "short",
        cookie: "session=abcdef123456",
        "content-type": "application/json",
        "x-multi": ["a", "b"],
      }),
    ).toEqual({
      authorization: "Basic ***ZA==",
      "x-api-key": "***efgh",
      "x-goog-api-key": "***",
      cookie: "***3456",
      "content-type": "application/json",
      "x-multi": "a, b",
    });
    expect(maskUrl("/p?alt=sse&API_KEY=abcdefghijk&token=zzzzzzzzzz9&keyword=kept")).toBe(
      "/p?alt=sse&API_KEY=***hijk&token=***zzz9&keyword=kept",
    );
    expect(maskUrl("/p")).toBe("/p");
    expect(maskKey("abcdefgh")).toBe("***");
    expect(maskKey("abcdefghi")).toBe("***fghi");
  });

  it("keeps only the latest requests when given a logLimit", async () => {
    await using small = await createEmulator({ logLimit: 2 });
    for (const text of ["one", "two", "three"]) await post(small, { contents: [userText(text)] });
    expect(
      small.requests.map((r) => [r.index, (r.body as typeof hello).contents[0]!.parts[0]!.text]),
    ).toEqual([
      [1, "two"],
      [2, "three"],
    ]);
  });

  it("shows a request while it is in flight", async () => {
    emulator.failNext({ type: "slow-headers", delayMs: 60_000 });
    const controller = new AbortController();
    const pending = fetch(`${emulator.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: "POST",
      headers: { "x-goog-api-key": "k-0000000001" },
      body: JSON.stringify(hello),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await expect.poll(() => emulator.requests[0]?.outcome).toBe("in-flight");
    expect(emulator.requests[0]).toMatchObject({ gateway: "google", status: undefined, body: hello });
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await expect.poll(() => emulator.requests[0]?.outcome).toBe("client-closed");
  });
});
