// The scripted model: turns answer valid requests in order; invalid ones never use a turn up.
import type { GenerateContentResponse } from "@signet/provider";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "./server.js";
import { post, userText, weatherTool } from "./test-support/http.js";

let emulator: Emulator | undefined;
afterEach(() => emulator?.close());

const parts = (json: unknown) => (json as GenerateContentResponse).candidates![0]!.content!.parts!;

describe("scripted model", () => {
  it("answers with each turn in order, then falls back to the generic model", async () => {
    emulator = await createEmulator({ script: [{ text: "first" }] });
    emulator.script({ functionCalls: [{ name: "get_weather", args: { city: "Lima" }, id: "call-1" }] });
    expect(emulator.pendingTurns).toBe(2);
    const body = { contents: [userText("hi")], tools: [weatherTool] };
    expect(parts((await post(emulator, body)).json)).toEqual([
      { text: "first", thoughtSignature: expect.any(String) },
    ]);
    expect(parts((await post(emulator, body, { model: "gemini-2.0-flash" })).json)).toEqual([
      { functionCall: { id: "call-1", name: "get_weather", args: { city: "Lima" } } },
    ]);
    expect(emulator.pendingTurns).toBe(0);
    const generic = parts((await post(emulator, { contents: [userText("hi")] })).json);
    expect(generic.at(-1)).toMatchObject({ text: "Emulated answer to: hi" });
  });

  it("does not spend a turn on a request it refuses", async () => {
    emulator = await createEmulator({ script: [{ text: "kept" }] });
    expect((await post(emulator, { contents: [] })).status).toBe(400);
    expect(emulator.pendingTurns).toBe(1);
    expect(
      parts((await post(emulator, { contents: [userText("hi")] }, { model: "gemini-2.0-flash" })).json),
    ).toEqual([{ text: "kept" }]);
  });

  it("sends exact parts untouched with signatures: none, and a thought only when asked", async () => {
    emulator = await createEmulator();
    emulator.script(
      { parts: [{ text: "", thoughtSignature: "bXktc2ln" }, { text: "exact" }], signatures: "none" },
      { text: "answer", thought: "pondering" },
      { text: "answer", thought: "pondering" },
    );
    expect(
      parts((await post(emulator, { contents: [userText("hi")] }, { model: "gemini-3-pro-preview" })).json),
    ).toEqual([{ text: "", thoughtSignature: "bXktc2ln" }, { text: "exact" }]);
    const model = "gemini-2.0-flash";
    expect(parts((await post(emulator, { contents: [userText("hi")] }, { model })).json)).toEqual([
      { text: "answer" },
    ]);
    const thinking = {
      contents: [userText("hi")],
      generationConfig: { thinkingConfig: { includeThoughts: true } },
    };
    expect(parts((await post(emulator, thinking, { model })).json)).toEqual([
      { text: "pondering", thought: true },
      { text: "answer" },
    ]);
  });

  it("answers an error turn with the gateway's envelope", async () => {
    emulator = await createEmulator({ script: [{ error: "rate-limited", retryDelaySeconds: 7 }] });
    const res = await post(emulator, { contents: [userText("hi")] });
    expect(res.status).toBe(429);
    const details = (res.json as { error: { details: { "@type": string; retryDelay?: string }[] } }).error
      .details;
    expect(details.find((d) => d["@type"].endsWith("RetryInfo"))!.retryDelay).toBe("7s");
  });

  it("computes a turn from the request with a function", async () => {
    emulator = await createEmulator({
      script: [
        (req) => ({
          text: `you sent ${req.body.contents.length} content(s) to ${req.model} via ${req.gateway}`,
        }),
      ],
    });
    const res = await post(
      emulator,
      { contents: [userText("a"), { role: "model", parts: [{ text: "b" }] }, userText("c")] },
      { model: "gemini-2.0-flash" },
    );
    expect(parts(res.json)).toEqual([{ text: "you sent 3 content(s) to gemini-2.0-flash via google" }]);
  });

  it("fails loudly when the script is used up and whenScriptEmpty is error", async () => {
    emulator = await createEmulator({ whenScriptEmpty: "error" });
    const res = await post(emulator, { contents: [userText("hi")] });
    expect(res.status).toBe(500);
    expect(res.errorMessage).toContain("the script has no turn left for request #0");
  });
});
