// The request log: bodies, masked credentials, status, timing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskKey } from "./request-log.js";
import { createEmulator, type Emulator } from "./server.js";
import { post, userText } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
afterAll(() => emulator.close());

describe("request log", () => {
  it("records bodies, status and timing, with every key masked", async () => {
    await post(emulator, { contents: [userText("hi")] }, { key: "AIzaSecretGoogleKey1234" });
    await post(emulator, { contents: [] }, { gateway: "kkiai", key: "sk-secret-kkiai-5678" });
    const [ok, refused] = emulator.requests;
    expect(ok).toMatchObject({
      index: 0,
      gateway: "google",
      model: "gemini-2.5-flash",
      rpc: "generateContent",
      stream: false,
      status: 200,
      outcome: "complete",
      body: { contents: [userText("hi")] },
    });
    expect(ok!.headers["x-goog-api-key"]).toBe("***1234");
    expect(ok!.responses).toHaveLength(1);
    expect(ok!.durationMs).toBeGreaterThanOrEqual(0);
    expect(refused).toMatchObject({ index: 1, gateway: "kkiai", status: 400, outcome: "error" });
    expect(refused!.error).toContain("contents is not specified");
    expect(refused!.headers.authorization).toBe("Bearer ***5678");
    expect(refused!.url).toContain("key=***5678");
    expect(JSON.stringify(emulator.requests)).not.toMatch(/Secret|secret/);
  });

  it("masks short keys entirely", () => {
    expect(maskKey("abc")).toBe("***");
  });
});
