// Blocked-prompt turns over real HTTP: what a raw client and Signet's provider see.
import { createProvider, type GenerateContentRequest, type GenerateContentResponse } from "@signet/provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "./server.js";
import { post } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ whenScriptEmpty: "error" });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const hello: GenerateContentRequest = {
  contents: [{ role: "user", parts: [{ text: "Something the filter refuses" }] }],
};

/** What Google sends for a blocked prompt (one response, or a stream's only chunk). */
const blockedBody = (model: string, feedback: Record<string, unknown>) => {
  const entry = emulator.requests.at(-1)!;
  const tokens = Math.ceil(entry.rawBody.length / 16);
  return {
    promptFeedback: feedback,
    usageMetadata: { promptTokenCount: tokens, totalTokenCount: tokens },
    modelVersion: model,
    responseId: expect.stringMatching(/^[\w-]{16}$/),
  };
};

describe("blocked turns", () => {
  it("generateContent: HTTP 200, promptFeedback.blockReason, no candidates, prompt-only usage", async () => {
    emulator.script({ blocked: { reason: "PROHIBITED_CONTENT" } });
    const res = await post(emulator, hello);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(blockedBody("gemini-2.5-flash", { blockReason: "PROHIBITED_CONTENT" }));
    expect(Object.keys(res.json as object)).not.toContain("candidates");
    const entry = emulator.requests[0]!;
    expect([entry.status, entry.outcome, entry.error]).toEqual([200, "complete", undefined]);
    expect(entry.responses).toEqual([res.json]);
    expect(emulator.pendingTurns).toBe(0);
  });

  it("streams (SSE and JSON array) send it as their only chunk, message and ratings as given", async () => {
    const safetyRatings = [{ category: "HARM_CATEGORY_HARASSMENT", probability: "HIGH", blocked: true }];
    const blocked = { reason: "SAFETY", message: "Blocked by policy.", safetyRatings };
    emulator.script({ blocked }, { blocked });
    const feedback = { blockReason: "SAFETY", blockReasonMessage: "Blocked by policy.", safetyRatings };
    const model = "gemini-3-flash-preview";
    const sse = await post(emulator, hello, { model, stream: "sse" });
    expect(sse.headers.get("content-type")).toBe("text/event-stream");
    expect(sse.json).toEqual([blockedBody(model, feedback)]);
    const array = await post(emulator, hello, { model, stream: "json-array" });
    expect(array.json).toEqual([blockedBody(model, feedback)]);
    expect(array.text.startsWith("[{")).toBe(true);
  });

  it("on KIE the response carries credits_consumed like every KIE answer", async () => {
    emulator.script({ blocked: { reason: "OTHER" } });
    const res = await post(emulator, { ...hello, stream: true }, { gateway: "kie", stream: "sse" });
    const [chunk] = res.json as GenerateContentResponse[];
    expect(chunk).toMatchObject({ promptFeedback: { blockReason: "OTHER" }, credits_consumed: 0.01 });
    expect(chunk!.candidates).toBeUndefined();
  });

  it("Signet's provider reads it as a complete response, in one call and as a stream", async () => {
    emulator.script({ blocked: { reason: "BLOCKLIST" } }, { blocked: { reason: "BLOCKLIST" } });
    const provider = createProvider({
      gateway: "google",
      apiKey: "sk-test-key-0001",
      baseUrl: emulator.url,
      retry: false,
    });
    try {
      const result = await provider.generate("gemini-2.5-flash", hello);
      expect(result.response.promptFeedback).toEqual({ blockReason: "BLOCKLIST" });
      expect([result.parts, result.text, result.finishReason]).toEqual([[], "", undefined]);
      const chunks: GenerateContentResponse[] = [];
      for await (const chunk of provider.stream("gemini-2.5-flash", hello)) chunks.push(chunk);
      // A stream that ends after a blocked prompt is finished, not cut: no error, no retry.
      expect(chunks).toEqual(emulator.requests[1]!.responses);
      expect(emulator.requests).toHaveLength(2);
    } finally {
      await provider.close();
    }
  });

  it("a refused request does not use the turn up; a turn without a reason fails loudly", async () => {
    emulator.script({ blocked: { reason: "SAFETY" } });
    expect((await post(emulator, { contents: [] })).status).toBe(400);
    expect(emulator.pendingTurns).toBe(1);
    expect((await post(emulator, hello)).json).toMatchObject({ promptFeedback: { blockReason: "SAFETY" } });

    emulator.script({ blocked: {} } as never);
    const res = await post(emulator, hello);
    expect(res.status).toBe(500);
    expect(res.errorMessage).toContain(
      'a blocked turn needs blocked.reason, a block reason such as "SAFETY"',
    );
    expect(emulator.requests.at(-1)!.outcome).toBe("error");
  });
});
