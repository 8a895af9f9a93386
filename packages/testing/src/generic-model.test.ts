// The generic model: tools called with arguments synthesized from their declared schemas, one
// parallel call per place named in the question, then a text answer quoting the function responses.
// The offline weather bot relies on exactly this.
import type { GenerateContentResponse, Part } from "@signet/provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { synthesizeArgs } from "./args-synthesis.js";
import { namedEntities } from "./named-entities.js";
import { createEmulator, type Emulator } from "./server.js";
import { post, userText, weatherTool } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const parts = (json: unknown) => (json as GenerateContentResponse).candidates![0]!.content!.parts!;
const calls = (ps: Part[]) => ps.flatMap((p) => ("functionCall" in p ? [p.functionCall] : []));
const declare = (declaration: Record<string, unknown>) => [{ functionDeclarations: [declaration] }];

describe("the places in a question", () => {
  it.each([
    ["What's the weather in Paris, New York and Tokyo today?", ["Paris", "New York", "Tokyo"]],
    ["Compare Oslo with Rome, please. Thanks!", ["Oslo", "Rome"]],
    ["Weather in São Paulo?", ["São Paulo"]],
    ["Is it raining?", []],
    ["Book a table in Lyon", ["Lyon"]],
    ["Paris weather?", ["Paris"]],
    ["Paris or Rome: which is warmer?", ["Paris", "Rome"]],
  ])("%s", (question, places) => {
    expect(namedEntities(question)).toEqual(places);
  });
});

describe("arguments synthesized from the declared schema", () => {
  it("fills required properties only, optional ones only when nothing is required", () => {
    const properties = {
      city: { type: "STRING" },
      days: { type: "INTEGER" },
      units: { type: "STRING", enum: ["celsius", "fahrenheit"] },
    };
    expect(synthesizeArgs({ type: "OBJECT", properties, required: ["city"] }, { entity: "Oslo" })).toEqual({
      city: "Oslo",
    });
    expect(synthesizeArgs({ type: "OBJECT", properties }, { entity: "Oslo" })).toEqual({
      city: "Oslo",
      days: 1,
      units: "celsius",
    });
  });

  it("builds enums, nested objects and arrays, within their bounds", () => {
    const schema = {
      type: "OBJECT",
      properties: {
        trip: {
          type: "OBJECT",
          properties: {
            destination: { type: "STRING" },
            travellers: { type: "INTEGER", minimum: 2, maximum: 9 },
            budget: { type: "NUMBER", maximum: -3 },
            note: { type: "STRING" },
          },
          required: ["destination", "travellers", "budget"],
        },
        stops: {
          type: "ARRAY",
          minItems: 2,
          items: {
            type: "OBJECT",
            properties: { name: { type: "STRING", maxLength: 3 } },
            required: ["name"],
          },
        },
        tags: { type: "ARRAY", items: { type: "STRING", format: "date" }, maxItems: "0" },
        mode: { type: "STRING", format: "enum", enum: ["train", "car"] },
        code: { type: "STRING", minLength: 12 },
      },
      required: ["trip", "stops", "tags", "mode", "code"],
    };
    expect(synthesizeArgs(schema, { entity: "Lima" })).toEqual({
      trip: { destination: "Lima", travellers: 2, budget: -3 },
      stops: [{ name: "sam" }, { name: "sam" }],
      tags: [],
      mode: "train",
      code: "sample codex",
    });
  });

  it("reads JSON Schema: lowercase and nullable types, formats, unions, $ref into $defs", () => {
    const schema = {
      type: "object",
      properties: {
        when: { type: ["string", "null"], format: "date-time" },
        contact: { anyOf: [{ type: "null" }, { $ref: "#/$defs/Contact" }] },
        level: { enum: [null, "low"] },
        limit: { type: "integer", exclusiveMinimum: 10 },
      },
      required: ["when", "contact", "level", "limit"],
      $defs: {
        Contact: {
          type: "object",
          properties: { email: { type: "string", format: "email" }, ok: { type: "boolean" } },
          required: ["email", "ok"],
        },
      },
    };
    expect(synthesizeArgs(schema)).toEqual({
      when: "2025-06-01T12:00:00Z",
      contact: { email: "someone@example.com", ok: true },
      level: "low",
      limit: 11,
    });
  });

  it("stops on a recursive schema instead of recursing forever", () => {
    const tree = {
      type: "object",
      properties: { label: { type: "string" }, children: { type: "array", items: { $ref: "#" } } },
    };
    const value = synthesizeArgs(tree) as { label: string; children: unknown[] };
    expect(value.label).toBe("sample label");
    expect(JSON.stringify(value).length).toBeLessThan(5000);
  });
});

describe("over HTTP", () => {
  it("calls the tool once per city, in parallel, then quotes each response", async () => {
    const q = userText("What's the weather in Paris, New York and Tokyo?");
    const first = parts(
      (await post(emulator, { contents: [q], tools: [weatherTool] }, { model: "gemini-2.0-flash" })).json,
    );
    expect(calls(first)).toEqual([
      { name: "get_weather", args: { city: "Paris" } },
      { name: "get_weather", args: { city: "New York" } },
      { name: "get_weather", args: { city: "Tokyo" } },
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

  it("streams parallel calls together in one chunk, as the real models do", async () => {
    const body = { contents: [userText("Weather in Oslo and Rome?")], tools: [weatherTool] };
    for (const model of ["gemini-2.5-flash", "gemini-3-flash-preview"]) {
      const chunks = (await post(emulator, body, { model, stream: "sse" })).json as GenerateContentResponse[];
      expect(calls(parts(chunks[0]))).toEqual([
        { name: "get_weather", args: { city: "Oslo" } },
        { name: "get_weather", args: { city: "Rome" } },
      ]);
    }
  });

  it("calls a declared JSON-Schema tool with arguments its schema accepts", async () => {
    const tools = declare({
      name: "book_table",
      description: "Book a table at a restaurant in a city",
      parametersJsonSchema: {
        type: "object",
        properties: {
          city: { type: "string" },
          guests: { type: "integer", minimum: 1, maximum: 12 },
          seating: { type: "string", enum: ["inside", "terrace"] },
          note: { type: "string" },
        },
        required: ["city", "guests", "seating"],
        additionalProperties: false,
      },
    });
    const res = await post(emulator, { contents: [userText("Book a table in Lyon")], tools });
    expect(calls(parts(res.json))).toEqual([
      { name: "book_table", args: { city: "Lyon", guests: 1, seating: "inside" } },
    ]);
  });

  it("picks the tool that fits, keeps to allowedFunctionNames, and honours mode NONE", async () => {
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
    const ask = async (text: string, extra: Record<string, unknown> = {}) =>
      parts((await post(emulator, { contents: [userText(text)], tools, ...extra })).json);
    expect(calls(await ask("How is the weather in Lima?"))).toEqual([
      { name: "get_weather", args: { city: "Lima" } },
    ]);
    const only = {
      toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_time"] } },
    };
    expect(calls(await ask("How is the weather in Lima?", only))).toEqual([
      { name: "get_time", args: { zone: "sample zone" } },
    ]);
    const none = { toolConfig: { functionCallingConfig: { mode: "NONE" } } };
    expect((await ask("Weather in Lima?", none)).at(-1)).toMatchObject({
      text: "Emulated answer to: Weather in Lima?",
    });
  });
});
