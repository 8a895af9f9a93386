// Signatures, finish fields, usage and grounding as each model generation sends them.
import type { GenerateContentResponse, Part } from "@signet/provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "./server.js";
import { post, userText, weatherTool } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const ask = { contents: [userText("Weather in Oslo and Rome?")], tools: [weatherTool] };
const partsOf = (r: GenerateContentResponse) => r.candidates![0]!.content!.parts!;
const events = (json: unknown) => json as GenerateContentResponse[];

describe("function calls", () => {
  it("Gemini 3 signs only the first parallel call; the stream ends with an unsigned empty-text STOP chunk", async () => {
    const res = await post(emulator, ask, { model: "gemini-3-flash-preview", stream: "sse" });
    const chunks = events(res.json);
    expect(chunks).toHaveLength(2);
    const calls = partsOf(chunks[0]!);
    expect(calls.map((p) => p.functionCall?.args)).toEqual([{ city: "Oslo" }, { city: "Rome" }]);
    expect(calls.map((p) => typeof p.thoughtSignature)).toEqual(["string", "undefined"]);
    expect(partsOf(chunks[1]!)).toEqual([{ text: "" }]);
    expect(chunks[1]!.candidates![0]!.finishReason).toBe("STOP");
    expect(chunks[1]!.candidates![0]!.finishMessage).toBeUndefined();
  });

  it("Gemini 3 generateContent and 2.5 streams add finishMessage", async () => {
    const g3 = await post(emulator, ask, { model: "gemini-3-flash-preview" });
    expect((g3.json as GenerateContentResponse).candidates![0]!.finishMessage).toBe(
      "Model generated function call(s).",
    );
    const g25 = events((await post(emulator, ask, { model: "gemini-2.5-flash", stream: "sse" })).json);
    expect(g25).toHaveLength(1);
    expect(g25[0]!.candidates![0]!.finishMessage).toBe("Model generated function call(s).");
    expect(partsOf(g25[0]!).map((p) => typeof p.thoughtSignature)).toEqual(["string", "undefined"]);
  });

  it("Gemini 2.0 never signs, and 2.5 does not sign when thinking is off", async () => {
    const g20 = (await post(emulator, ask, { model: "gemini-2.0-flash" })).json as GenerateContentResponse;
    expect(partsOf(g20).some((p) => p.thoughtSignature)).toBe(false);
    const off = { ...ask, generationConfig: { thinkingConfig: { thinkingBudget: 0 } } };
    const g25 = (await post(emulator, off, { model: "gemini-2.5-flash" })).json as GenerateContentResponse;
    expect(partsOf(g25).some((p) => p.thoughtSignature)).toBe(false);
    expect(g25.usageMetadata!.thoughtsTokenCount).toBeUndefined();
  });
});

describe("text answers", () => {
  const chat = { contents: [userText("Say something long enough to arrive in two pieces")] };

  it("Gemini 3 streams end with {text: '', thoughtSignature} and STOP", async () => {
    const chunks = events(
      (await post(emulator, chat, { model: "gemini-3-pro-preview", stream: "sse" })).json,
    );
    const last = chunks.at(-1)!;
    expect(partsOf(last)).toEqual([{ text: "", thoughtSignature: expect.any(String) }]);
    expect(last.candidates![0]!.finishReason).toBe("STOP");
    expect(
      chunks
        .slice(0, -1)
        .flatMap(partsOf)
        .some((p) => p.thoughtSignature),
    ).toBe(false);
  });

  it("Gemini 3 answering function results in text did not think: nothing signed, the carrier is bare", async () => {
    const model = "gemini-3-flash-preview";
    const first = events((await post(emulator, ask, { model, stream: "sse" })).json);
    const history = {
      contents: [
        ...ask.contents,
        { role: "model", parts: first.flatMap(partsOf) },
        {
          role: "user",
          parts: [
            { functionResponse: { name: "get_weather", response: { tempC: 3 } } },
            { functionResponse: { name: "get_weather", response: { tempC: 18 } } },
          ],
        },
      ],
      tools: [weatherTool],
    };
    const streamed = events((await post(emulator, history, { model, stream: "sse" })).json);
    expect(streamed.length).toBeGreaterThan(1);
    expect(partsOf(streamed.at(-1)!)).toEqual([{ text: "" }]);
    expect(streamed.flatMap(partsOf).some((p) => p.thoughtSignature !== undefined)).toBe(false);
    expect(streamed.some((c) => c.usageMetadata!.thoughtsTokenCount !== undefined)).toBe(false);
    const single = (await post(emulator, history, { model })).json as GenerateContentResponse;
    expect(partsOf(single)).toEqual([{ text: expect.stringContaining("get_weather(Oslo) returned") }]);
    expect(single.usageMetadata!.thoughtsTokenCount).toBeUndefined();
    // A reply that says it thought (a thought summary, or thinking: true) is signed again.
    emulator.script({ text: "Oslo 3, Rome 18", thought: "Comparing" }, { text: "Oslo 3", thinking: true });
    const thinking = { ...history, generationConfig: { thinkingConfig: { includeThoughts: true } } };
    const thought = events((await post(emulator, thinking, { model, stream: "sse" })).json);
    expect(partsOf(thought.at(-1)!)).toEqual([{ text: "", thoughtSignature: expect.any(String) }]);
    const told = (await post(emulator, history, { model })).json as GenerateContentResponse;
    expect(partsOf(told)).toEqual([{ text: "Oslo 3", thoughtSignature: expect.any(String) }]);
  });

  it("thinking: false leaves a 2.5 answer unsigned; Gemini 3 still signs its first call", async () => {
    emulator.script(
      { text: "plain", thinking: false },
      { functionCalls: [{ name: "get_weather", args: { city: "Oslo" } }], thinking: false },
    );
    const g25 = (await post(emulator, chat, { model: "gemini-2.5-flash" })).json as GenerateContentResponse;
    expect(partsOf(g25)).toEqual([{ text: "plain" }]);
    expect(g25.usageMetadata!.thoughtsTokenCount).toBeUndefined();
    const g3 = (await post(emulator, ask, { model: "gemini-3-flash-preview" }))
      .json as GenerateContentResponse;
    expect(partsOf(g3)[0]!.thoughtSignature).toEqual(expect.any(String));
  });

  it("Gemini 3 image models sign the image part (recorded case 12); 2.5 image models never sign", async () => {
    const draw = { contents: [userText("a cat")], generationConfig: { responseModalities: ["IMAGE"] } };
    const g3 = (await post(emulator, draw, { model: "gemini-3-pro-image-preview" }))
      .json as GenerateContentResponse;
    expect(partsOf(g3)).toEqual([
      {
        inlineData: { mimeType: "image/png", data: expect.any(String) },
        thoughtSignature: expect.any(String),
      },
    ]);
    const g25 = (await post(emulator, draw, { model: "gemini-2.5-flash-image" }))
      .json as GenerateContentResponse;
    expect(partsOf(g25).some((p) => p.thoughtSignature !== undefined)).toBe(false);
  });

  it("2.5 signs the first non-thought part; thought parts are never signed", async () => {
    const body = { ...chat, generationConfig: { thinkingConfig: { includeThoughts: true } } };
    const chunks = events((await post(emulator, body, { model: "gemini-2.5-pro", stream: "sse" })).json);
    const parts = chunks.flatMap(partsOf) as (Part & { thought?: boolean })[];
    expect(parts[0]!.thought).toBe(true);
    expect(parts[0]!.thoughtSignature).toBeUndefined();
    expect(parts[1]!.thoughtSignature).toEqual(expect.any(String));
    expect(parts.slice(2).some((p) => p.thoughtSignature)).toBe(false);
  });

  it("repeats usage, modelVersion and responseId on every chunk", async () => {
    const chunks = events((await post(emulator, chat, { model: "gemini-2.5-flash", stream: "sse" })).json);
    expect(chunks.length).toBeGreaterThan(1);
    const ids = new Set(chunks.map((c) => c.responseId));
    expect(ids.size).toBe(1);
    for (const c of chunks) {
      expect(c.modelVersion).toBe("gemini-2.5-flash");
      const u = c.usageMetadata!;
      expect(u.totalTokenCount).toBe(
        u.promptTokenCount! + u.candidatesTokenCount! + (u.thoughtsTokenCount ?? 0),
      );
    }
  });
});

describe("grounding", () => {
  it("streams empty groundingMetadata on every chunk and the whole object on the last", async () => {
    const body = { contents: [userText("Who won the match yesterday?")], tools: [{ googleSearch: {} }] };
    const chunks = events((await post(emulator, body, { model: "gemini-2.5-pro", stream: "sse" })).json);
    expect(
      chunks.slice(0, -1).every((c) => JSON.stringify(c.candidates![0]!.groundingMetadata) === "{}"),
    ).toBe(true);
    const grounding = chunks.at(-1)!.candidates![0]!.groundingMetadata!;
    expect(grounding.webSearchQueries).toEqual(["Who won the match yesterday?"]);
    const text = chunks
      .flatMap(partsOf)
      .map((p) => ("text" in p ? p.text : ""))
      .join("");
    const support = grounding.groundingSupports![0]!.segment!;
    expect(Buffer.from(text, "utf8").subarray(support.startIndex!, support.endIndex!).toString("utf8")).toBe(
      support.text,
    );
    expect(chunks.at(-1)!.usageMetadata!.toolUsePromptTokenCount).toBeGreaterThan(0);
  });
});
