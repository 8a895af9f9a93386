// The official clients, unchanged, against the emulator: if they work here, the emulator speaks
// the wire they were built for. Each runs a manual tool loop and a streaming chat on Gemini 3
// (the strictest model: signatures are enforced) and on 2.5.
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { type Content, GoogleGenAI, type Part } from "@google/genai";
import { generateText, jsonSchema, type ModelMessage, streamText, tool } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "./server.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ apiKeys: ["conformance-key-1"], foreignSignatures: "reject" });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const weather = (city: string) => ({ city, temperatureC: city.length + 10, sky: "clear" });
const QUESTION = "What is the weather in Paris and Tokyo?";
const MODELS = ["gemini-3-flash-preview", "gemini-2.5-flash"];

function statuses(): number[] {
  return emulator.requests.map((r) => r.status ?? 0);
}

describe("@google/genai", () => {
  const client = () =>
    new GoogleGenAI({ apiKey: "conformance-key-1", httpOptions: { baseUrl: emulator.url } });

  it.each(MODELS)("runs a manual tool loop on %s", async (model) => {
    const ai = client();
    const config = {
      tools: [
        {
          functionDeclarations: [
            {
              name: "get_weather",
              description: "Get the weather for a city",
              parametersJsonSchema: {
                type: "object",
                properties: { city: { type: "string" } },
                required: ["city"],
              },
            },
          ],
        },
      ],
    };
    const contents: Content[] = [{ role: "user", parts: [{ text: QUESTION }] }];
    const first = await ai.models.generateContent({ model, contents, config });
    const calls = first.functionCalls ?? [];
    expect(calls.map((c) => c.args)).toEqual([{ city: "Paris" }, { city: "Tokyo" }]);
    contents.push(first.candidates![0]!.content!);
    contents.push({
      role: "user",
      parts: calls.map(
        (c): Part => ({ functionResponse: { name: c.name!, response: weather(String(c.args!.city)) } }),
      ),
    });
    const second = await ai.models.generateContent({ model, contents, config });
    expect(second.text).toContain('"temperatureC":15');
    expect(second.text).toContain("get_weather(Tokyo)");
    expect(statuses()).toEqual([200, 200]);
  });

  it.each(MODELS)("streams a chat on %s", async (model) => {
    const chat = client().chats.create({ model });
    let text = "";
    for await (const chunk of await chat.sendMessageStream({ message: "Hello there" }))
      text += chunk.text ?? "";
    expect(text).toBe("Emulated answer to: Hello there");
    text = "";
    for await (const chunk of await chat.sendMessageStream({ message: "And again" }))
      text += chunk.text ?? "";
    expect(text).toBe("Emulated answer to: And again");
    expect(statuses()).toEqual([200, 200]);
    // The second request carried the first answer back, one content per streamed chunk (the API
    // reads consecutive model contents as one turn), the signature carrier included.
    const history = (emulator.requests[1]!.body as { contents: { role: string; parts: Part[] }[] }).contents;
    expect(history[0]!.role).toBe("user");
    expect(history.at(-1)!.role).toBe("user");
    expect(history.slice(1, -1).every((c) => c.role === "model")).toBe(true);
    const signed = history.flatMap((c) => c.parts).filter((p) => p.thoughtSignature !== undefined);
    expect(signed).toHaveLength(1);
  });
});

describe("AI SDK (ai + @ai-sdk/google)", () => {
  const google = () =>
    createGoogleGenerativeAI({ apiKey: "conformance-key-1", baseURL: `${emulator.url}/v1beta` });
  const getWeather = tool({
    description: "Get the weather for a city",
    inputSchema: jsonSchema<{ city: string }>({
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    }),
  });

  it.each(MODELS)("runs a manual tool loop on %s", async (model) => {
    const messages: ModelMessage[] = [{ role: "user", content: QUESTION }];
    const first = await generateText({
      model: google()(model),
      tools: { get_weather: getWeather },
      messages,
    });
    expect(first.toolCalls.map((c) => c.input)).toEqual([{ city: "Paris" }, { city: "Tokyo" }]);
    messages.push(...first.response.messages);
    messages.push({
      role: "tool",
      content: first.toolCalls.map((c) => ({
        type: "tool-result" as const,
        toolCallId: c.toolCallId,
        toolName: c.toolName,
        output: { type: "json" as const, value: weather((c.input as { city: string }).city) },
      })),
    });
    const second = await generateText({
      model: google()(model),
      tools: { get_weather: getWeather },
      messages,
    });
    expect(second.text).toContain('"temperatureC":15');
    expect(statuses()).toEqual([200, 200]);
  });

  it.each(MODELS)("streams a chat on %s", async (model) => {
    const messages: ModelMessage[] = [{ role: "user", content: "Hello there" }];
    const first = streamText({ model: google()(model), messages });
    let text = "";
    for await (const delta of first.textStream) text += delta;
    expect(text).toBe("Emulated answer to: Hello there");
    messages.push(...(await first.response).messages, { role: "user", content: "And again" });
    const second = streamText({ model: google()(model), messages });
    text = "";
    for await (const delta of second.textStream) text += delta;
    expect(text).toBe("Emulated answer to: And again");
    expect(statuses()).toEqual([200, 200]);
  });
});
