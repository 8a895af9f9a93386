// The generic model: tools called with synthesized arguments, parallel calls per place, then a
// text answer quoting the function responses.
import type { GenerateContentResponse, Part } from "@signet/provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { synthesizeArgs } from "./args-synthesis.js";
import { namedEntities } from "./generic-model.js";
import { createEmulator, type Emulator } from "./server.js";
import { post, userText, weatherTool } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
afterAll(() => emulator.close());

const parts = (json: unknown) => (json as GenerateContentResponse).candidates![0]!.content!.parts!;

describe("generic model", () => {
  it("finds the places in a question", () => {
    expect(namedEntities("What's the weather in Paris, New York and Tokyo today?")).toEqual([
      "Paris",
      "New York",
      "Tokyo",
    ]);
    expect(namedEntities("Is it raining?")).toEqual([]);
  });

  it("synthesizes arguments from Gemini and JSON schemas", () => {
    const schema = {
      type: "OBJECT",
      properties: {
        city: { type: "STRING" },
        unit: { type: "STRING", enum: ["celsius", "fahrenheit"] },
        days: { type: "INTEGER", minimum: 3 },
        when: { type: "STRING", format: "date" },
        tags: { type: "ARRAY", items: { type: "STRING" } },
      },
      required: ["city", "unit", "days", "when", "tags"],
    };
    expect(synthesizeArgs(schema, { entity: "Oslo" })).toEqual({
      city: "Oslo",
      unit: "celsius",
      days: 3,
      when: "2025-06-01",
      tags: ["sample tags"],
    });
    expect(synthesizeArgs({ type: "object", properties: { ok: { type: ["boolean", "null"] } } })).toEqual({
      ok: true,
    });
  });

  it("calls the tool once per city, in parallel, then quotes the responses", async () => {
    const q = userText("What's the weather in Paris, New York and Tokyo?");
    const first = parts(
      (await post(emulator, { contents: [q], tools: [weatherTool] }, { model: "gemini-2.0-flash" })).json,
    );
    expect(first.map((p) => "functionCall" in p && p.functionCall.args)).toEqual([
      { city: "Paris" },
      { city: "New York" },
      { city: "Tokyo" },
    ]);
    const responses: Part[] = first.map((_p, i) => ({
      functionResponse: { name: "get_weather", response: { tempC: 20 + i } },
    }));
    const second = parts(
      (
        await post(
          emulator,
          {
            contents: [q, { role: "model", parts: first }, { role: "user", parts: responses }],
            tools: [weatherTool],
          },
          { model: "gemini-2.0-flash" },
        )
      ).json,
    );
    expect(second).toEqual([
      {
        text: 'Here is what I found: get_weather(Paris) returned {"tempC":20}; get_weather(New York) returned {"tempC":21}; get_weather(Tokyo) returned {"tempC":22}.',
      },
    ]);
  });

  it("picks the tool that fits the question and honours mode NONE", async () => {
    const tools = [
      {
        functionDeclarations: [
          {
            name: "get_time",
            description: "Current time in a timezone",
            parameters: { type: "OBJECT", properties: { zone: { type: "STRING" } } },
          },
          ...weatherTool.functionDeclarations,
        ],
      },
    ];
    const res = parts(
      (
        await post(
          emulator,
          { contents: [userText("How is the weather in Lima?")], tools },
          { model: "gemini-2.0-flash" },
        )
      ).json,
    );
    expect(res).toEqual([{ functionCall: { name: "get_weather", args: { city: "Lima" } } }]);
    const none = parts(
      (
        await post(
          emulator,
          {
            contents: [userText("Weather in Lima?")],
            tools,
            toolConfig: { functionCallingConfig: { mode: "NONE" } },
          },
          { model: "gemini-2.0-flash" },
        )
      ).json,
    );
    expect(none).toEqual([{ text: "Emulated answer to: Weather in Lima?" }]);
  });
});
