// Nothing leaks: a trace-level pino logger sees requests to every gateway, retries and errors; the
// key never appears, signatures and inline data are abbreviated.
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { ConfigError } from "./errors.js";
import { abbreviateForLog, createLogger, redactHeaders, redactUrl } from "./logging.js";
import { createProvider } from "./provider.js";
import { memoryLogger } from "./test-support/memory-logger.js";
import { sse, textChunk, useMswServer } from "./test-support/msw.js";

const server = useMswServer();
const KEY = "sk-LEAK-CANARY-42";
const SIGNATURE = "S".repeat(5000);
const IMAGE = "I".repeat(100_000);

describe("logging", () => {
  it("never writes the key, and abbreviates signatures and inline data", async () => {
    const { logger, lines } = memoryLogger();
    let calls = 0;
    server.use(
      http.post("*", () =>
        calls++ % 2 === 0
          ? HttpResponse.json(
              { error: { code: "upstream_error", message: `upstream saw ${KEY}` } },
              { status: 503 },
            )
          : new HttpResponse(sse(textChunk("ok", "STOP")), {
              headers: { "content-type": "text/event-stream" },
            }),
      ),
    );
    const request = {
      contents: [
        { role: "user" as const, parts: [{ inlineData: { mimeType: "image/png", data: IMAGE } }] },
        { role: "model" as const, parts: [{ text: "seen", thoughtSignature: SIGNATURE }] },
        { role: "user" as const, parts: [{ text: "again" }] },
      ],
    };
    for (const gateway of ["google", "kie", "kkiai", "aivideoapi"] as const) {
      const p = createProvider({
        gateway,
        apiKey: KEY,
        baseUrl: "http://127.0.0.1:8934",
        logger,
        retry: { baseDelayMs: 1, maxAttempts: 2 },
      });
      for await (const _ of p.stream("gemini-2.5-flash", request));
      await p.close();
    }
    const all = lines.join("");
    expect(lines.length).toBeGreaterThan(8);
    expect(all).not.toContain(KEY);
    expect(all).toContain("[redacted]");
    expect(all).toContain("retrying the Gemini call");
    expect(all).not.toContain(SIGNATURE);
    expect(all).not.toContain(IMAGE.slice(0, 100));
    expect(all).toContain("[5000 chars]");
    expect(all).toContain("[100000 chars]");
  });

  it("redacts URLs and headers", () => {
    expect(redactUrl("https://x/v1beta/m:generateContent?key=abc&alt=sse")).toBe(
      "https://x/v1beta/m:generateContent?key=[redacted]&alt=sse",
    );
    expect(
      redactHeaders({ authorization: "Bearer abc", "x-goog-api-key": "abc", "content-type": "a/b" }),
    ).toEqual({
      authorization: "Bearer [redacted]",
      "x-goog-api-key": "[redacted]",
      "content-type": "a/b",
    });
    expect(abbreviateForLog({ parts: [{ thoughtSignature: "x".repeat(40) }] })).toEqual({
      parts: [{ thoughtSignature: `${"x".repeat(12)}…[40 chars]` }],
    });
  });

  it("is silent by default and refuses an unknown level with a typed error", () => {
    const p = createProvider({ gateway: "google", apiKey: "k" });
    expect(p.logger.level).toBe("silent");
    expect(p.logger.isLevelEnabled("debug")).toBe(false);
    expect(() => createLogger("loud")).toThrow(ConfigError);
    void p.close();
  });
});
