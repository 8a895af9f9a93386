// Each validation rule over real HTTP: the bad form gets the API's 400, the good form a 200.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "./server.js";
import { post, userText, weatherTool } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const call = (name: string, args: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  functionCall: { name, args },
  ...extra,
});
const response = (name: string, value: unknown, id?: string) => ({
  functionResponse: { ...(id ? { id } : {}), name, response: { value } },
});

describe("payload reading", () => {
  it("refuses an unknown field with the real message, top level and nested", async () => {
    const top = await post(emulator, { contents: [userText("hi")], temprature: 1 });
    expect(top.status).toBe(400);
    expect(top.errorMessage).toBe(
      'Invalid JSON payload received. Unknown name "temprature": Cannot find field.',
    );
    const nested = await post(emulator, { contents: [{ role: "user", parts: [{ text: "hi", txt: "x" }] }] });
    expect(nested.errorMessage).toBe(
      "Invalid JSON payload received. Unknown name \"txt\" at 'contents[0].parts[0]': Cannot find field.",
    );
    const inSchema = await post(emulator, {
      contents: [userText("hi")],
      tools: [
        {
          functionDeclarations: [
            {
              name: "f",
              parameters: {
                type: "OBJECT",
                properties: { a: { type: "STRING" } },
                additionalProperties: false,
              },
            },
          ],
        },
      ],
    });
    expect(inSchema.errorMessage).toBe(
      "Invalid JSON payload received. Unknown name \"additionalProperties\" at 'tools[0].function_declarations[0].parameters': Cannot find field.",
    );
  });

  it("accepts snake_case spellings like the real API (function_call, inline_data, thinking_budget)", async () => {
    const res = await post(emulator, {
      contents: [
        {
          role: "user",
          parts: [{ text: "look" }, { inline_data: { mime_type: "image/png", data: "iVBORw0KGgo=" } }],
        },
        { role: "model", parts: [{ function_call: { name: "get_weather", args: { city: "Oslo" } } }] },
        { role: "user", parts: [{ function_response: { name: "get_weather", response: { t: 3 } } }] },
      ],
      tools: [{ function_declarations: weatherTool.functionDeclarations }],
      generation_config: { thinking_config: { thinking_budget: 0, include_thoughts: false } },
      system_instruction: { parts: [{ text: "be brief" }] },
    });
    expect(res.errorMessage).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it("refuses a part with two data fields (a oneof)", async () => {
    const bad = await post(emulator, {
      contents: [
        { role: "user", parts: [{ text: "hi", inlineData: { mimeType: "image/png", data: "AAAA" } }] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.errorMessage).toContain("Oneof field 'data' is already set. Cannot set 'inlineData'");
    const good = await post(emulator, {
      contents: [
        { role: "user", parts: [{ text: "hi" }, { inlineData: { mimeType: "image/png", data: "AAAA" } }] },
      ],
    });
    expect(good.status).toBe(200);
  });

  it("refuses wrong JSON types and bad base64", async () => {
    const role = await post(emulator, { contents: [{ role: 5, parts: [{ text: "hi" }] }] });
    expect(role.errorMessage).toBe("Invalid value at 'contents[0].role' (TYPE_STRING), 5");
    const sig = await post(emulator, {
      contents: [{ role: "user", parts: [{ text: "hi", thoughtSignature: "not base64!" }] }],
    });
    expect(sig.errorMessage).toContain(
      "Invalid value at 'contents[0].parts[0].thought_signature' (TYPE_BYTES)",
    );
    const level = await post(
      emulator,
      { contents: [userText("hi")], generationConfig: { thinkingConfig: { thinkingLevel: "ultra" } } },
      { model: "gemini-3-flash-preview" },
    );
    expect(level.errorMessage).toContain(
      "Invalid value at 'generation_config.thinking_config.thinking_level'",
    );
  });

  it("refuses a body that is not JSON", async () => {
    const res = await post(emulator, "{not json");
    expect(res.status).toBe(400);
    expect(res.errorMessage).toContain("Invalid JSON payload received");
  });
});

describe("contents", () => {
  it("refuses missing contents, then accepts one user text", async () => {
    expect((await post(emulator, { contents: [] })).errorMessage).toBe(
      "* GenerateContentRequest.contents: contents is not specified",
    );
    expect((await post(emulator, { contents: [userText("hi")] })).status).toBe(200);
  });

  it("refuses roles other than user and model", async () => {
    const bad = await post(emulator, { contents: [{ role: "system", parts: [{ text: "hi" }] }] });
    expect(bad.status).toBe(400);
    expect(bad.errorMessage).toBe(
      '* GenerateContentRequest.contents[0].role: Please use a valid role: user, model. Got "system".',
    );
    expect((await post(emulator, { contents: [{ parts: [{ text: "no role is fine" }] }] })).status).toBe(200);
  });

  it("refuses empty parts and a part without data", async () => {
    const empty = await post(emulator, {
      contents: [userText("hi"), { role: "model", parts: [] }, userText("?")],
    });
    expect(empty.errorMessage).toBe(
      "* GenerateContentRequest.contents[1].parts: contents.parts must not be empty.",
    );
    const noData = await post(emulator, { contents: [{ role: "user", parts: [{ thought: true }] }] });
    expect(noData.errorMessage).toBe(
      "* GenerateContentRequest.contents[0].parts[0].data: required oneof field 'data' must have one initialized field",
    );
    // An empty text is data: Gemini 3 signature carriers look like this.
    expect((await post(emulator, { contents: [{ role: "user", parts: [{ text: "" }] }] })).status).toBe(200);
  });
});

describe("tools", () => {
  it("refuses a Tool holding two kinds, accepts them in separate Tools", async () => {
    const bad = await post(
      emulator,
      { contents: [userText("hi")], tools: [{ googleSearch: {}, codeExecution: {} }] },
      { model: "gemini-2.5-flash" },
    );
    expect(bad.errorMessage).toBe(
      "* GenerateContentRequest.tools[0]: a Tool holds one kind of tool, found google_search and code_execution. Put each kind in its own Tool object.",
    );
    const good = await post(emulator, {
      contents: [userText("hi")],
      tools: [{ googleSearch: {} }, { codeExecution: {} }],
    });
    expect(good.status).toBe(200);
  });

  it.each([
    ["google", "gemini-2.5-flash", "Tool use with function calling is unsupported"],
    ["google", "gemini-3-flash-preview", "include_server_side_tool_invocations set to true"],
    ["kie", "gemini-3-flash", "cannot be used together on kie"],
    ["kkiai", "gemini-3-flash", "cannot be used together on kkiai"],
    ["aivideoapi", "gemini-3-flash", "cannot be used together on aivideoapi"],
  ] as const)("refuses googleSearch with functionDeclarations on %s %s", async (gateway, model, message) => {
    const res = await post(
      emulator,
      { contents: [userText("hi")], tools: [{ googleSearch: {} }, weatherTool] },
      { gateway, model, stream: gateway === "kie" ? "sse" : undefined },
    );
    expect(res.status).toBe(400);
    expect(res.errorMessage).toContain(message);
  });

  it("lets Google + Gemini 3 combine them with includeServerSideToolInvocations", async () => {
    const res = await post(
      emulator,
      {
        contents: [userText("hi")],
        tools: [{ googleSearch: {} }, weatherTool],
        toolConfig: { includeServerSideToolInvocations: true },
      },
      { model: "gemini-3-flash-preview" },
    );
    expect(res.status).toBe(200);
  });

  it("checks declarations: the name rule, the Schema subset, duplicates", async () => {
    const decl = (d: Record<string, unknown>) => ({
      contents: [userText("hi")],
      tools: [{ functionDeclarations: [d] }],
    });
    const name = await post(emulator, decl({ name: "get weather" }));
    expect(name.errorMessage).toContain("tools[0].function_declarations[0].name: Invalid function name");
    const schema = await post(
      emulator,
      decl({ name: "f", parameters: { type: "OBJECT", properties: { a: { type: "ARRAY" } } } }),
    );
    expect(schema.errorMessage).toBe(
      "* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[a].items: missing field.",
    );
    const nested = await post(
      emulator,
      decl({
        name: "f",
        parameters: { type: "OBJECT", properties: { o: { type: "OBJECT", properties: {} } } },
      }),
    );
    expect(nested.errorMessage).toContain(
      "parameters.properties[o].properties: should be non-empty for OBJECT type.",
    );
    const enumInt = await post(
      emulator,
      decl({
        name: "f",
        parameters: { type: "OBJECT", properties: { n: { type: "INTEGER", enum: ["1"] } } },
      }),
    );
    expect(enumInt.errorMessage).toContain("properties[n].enum: only allowed for STRING type.");
    const required = await post(
      emulator,
      decl({
        name: "f",
        parameters: { type: "OBJECT", properties: { a: { type: "STRING" } }, required: ["b"] },
      }),
    );
    expect(required.errorMessage).toContain("parameters.required[0]: property is not defined");
    const dup = await post(emulator, { contents: [userText("hi")], tools: [weatherTool, weatherTool] });
    expect(dup.errorMessage).toContain("Duplicate function declaration found: get_weather");
    // Recorded as accepted: an empty parameter object at the top, lowercase types.
    const good = await post(emulator, decl({ name: "ping", parameters: { type: "object", properties: {} } }));
    expect(good.status).toBe(200);
  });

  it("refuses enum values that are not strings, accepts numbers written as strings", async () => {
    const body = (values: unknown[]) => ({
      contents: [userText("hi")],
      tools: [
        {
          functionDeclarations: [
            {
              name: "f",
              parameters: { type: "OBJECT", properties: { unit: { type: "STRING", enum: values } } },
            },
          ],
        },
      ],
    });
    const bad = await post(emulator, body(["c", 1, true]));
    expect(bad.status).toBe(400);
    expect(bad.errorMessage).toBe(
      [
        "* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[unit].enum[1]: enum values must be strings; got 1. Write numbers as strings.",
        "* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[unit].enum[2]: enum values must be strings; got true. Write numbers as strings.",
      ].join("\n"),
    );
    const good = await post(emulator, body(["c", "1", "true"]));
    expect(good.errorMessage).toBeUndefined();
    expect(good.status).toBe(200);
  });

  it("refuses propertyOrdering naming an undefined property, accepts it naming defined ones", async () => {
    const body = (ordering: string[]) => ({
      contents: [userText("hi")],
      tools: [
        {
          functionDeclarations: [
            {
              name: "f",
              parameters: {
                type: "OBJECT",
                properties: { a: { type: "STRING" }, b: { type: "STRING" } },
                propertyOrdering: ordering,
              },
            },
          ],
        },
      ],
    });
    const bad = await post(emulator, body(["b", "c"]));
    expect(bad.status).toBe(400);
    expect(bad.errorMessage).toBe(
      '* GenerateContentRequest.tools[0].function_declarations[0].parameters.property_ordering[1]: property is not defined: "c" is not in `properties`.',
    );
    const good = await post(emulator, body(["b", "a"]));
    expect(good.errorMessage).toBeUndefined();
    expect(good.status).toBe(200);
  });

  it("enforces Signet's uppercase types when schemaDialect is signet", async () => {
    const strict = await createEmulator({ schemaDialect: "signet" });
    try {
      const body = (type: string) => ({
        contents: [userText("hi")],
        tools: [
          {
            functionDeclarations: [
              { name: "f", parameters: { type, properties: { a: { type: "STRING" } } } },
            ],
          },
        ],
      });
      const bad = await post(strict, body("object"));
      expect(bad.errorMessage).toContain('Type values are uppercase: write "OBJECT", not "object".');
      expect((await post(strict, body("OBJECT"))).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("refuses allowedFunctionNames naming an undeclared function", async () => {
    const config = (names: string[]) => ({
      contents: [userText("hi")],
      tools: [weatherTool],
      toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: names } },
    });
    expect((await post(emulator, config(["get_time"]))).errorMessage).toContain(
      '"get_time" is not a declared function.',
    );
    expect((await post(emulator, config(["get_weather"]))).status).toBe(200);
    const mode = (m: string) => ({
      contents: [userText("hi")],
      tools: [weatherTool],
      toolConfig: { functionCallingConfig: { mode: m, allowedFunctionNames: ["get_weather"] } },
    });
    expect((await post(emulator, mode("AUTO"))).errorMessage).toContain(
      "allowed_function_names may be set only when mode is ANY or VALIDATED.",
    );
    expect((await post(emulator, mode("VALIDATED"))).status).toBe(200);
  });
});

describe("generation config", () => {
  it("refuses thinkingLevel with thinkingBudget, accepts either alone", async () => {
    const body = (thinkingConfig: unknown) => ({
      contents: [userText("hi")],
      generationConfig: { thinkingConfig },
    });
    const opts = { model: "gemini-3-flash-preview" };
    const bad = await post(emulator, body({ thinkingLevel: "high", thinkingBudget: 1024 }), opts);
    expect(bad.errorMessage).toContain("thinking_level and thinking_budget cannot both be set");
    expect((await post(emulator, body({ thinkingLevel: "high" }), opts)).status).toBe(200);
    expect((await post(emulator, body({ thinkingBudget: 1024 }), opts)).status).toBe(200);
    const onOld = await post(emulator, body({ thinkingLevel: "LOW" }), { model: "gemini-2.5-flash" });
    expect(onOld.errorMessage).toContain("Thinking level is not supported for this model");
  });

  it("checks responseSchema and its mime type", async () => {
    const body = (responseSchema: unknown, responseMimeType = "application/json") => ({
      contents: [userText("hi")],
      generationConfig: { responseMimeType, responseSchema },
    });
    const bad = await post(emulator, body({ type: "OBJECT", properties: {} }));
    expect(bad.errorMessage).toBe(
      "* GenerateContentRequest.generation_config.response_schema.properties: should be non-empty for OBJECT type.",
    );
    const mime = await post(emulator, body({ type: "STRING" }, "text/plain"));
    expect(mime.errorMessage).toContain("response_mime_type");
    const good = await post(emulator, body({ type: "OBJECT", properties: { a: { type: "STRING" } } }));
    expect(good.status).toBe(200);
    expect(
      JSON.parse(
        (
          good.json as { candidates: { content: { parts: { text: string }[] } }[] }
        ).candidates[0]!.content.parts.at(-1)!.text,
      ),
    ).toEqual({
      a: "sample a",
    });
  });

  it("refuses responseSchema together with responseJsonSchema, accepts either", async () => {
    const schema = { type: "OBJECT", properties: { a: { type: "STRING" } } };
    const json = { type: "object", properties: { a: { type: "string" } } };
    const body = (config: Record<string, unknown>) => ({
      contents: [userText("hi")],
      generationConfig: { responseMimeType: "application/json", ...config },
    });
    expect(
      (await post(emulator, body({ responseSchema: schema, responseJsonSchema: json }))).errorMessage,
    ).toBe(
      "* GenerateContentRequest.generation_config.response_json_schema: response_schema and response_json_schema cannot both be set.",
    );
    expect((await post(emulator, body({ responseJsonSchema: json }))).status).toBe(200);
  });

  it("refuses image output from a text model", async () => {
    const body = {
      contents: [userText("draw")],
      generationConfig: { responseModalities: ["TEXT", "IMAGE"] },
    };
    expect((await post(emulator, body)).errorMessage).toContain("requested response modalities: image");
    expect((await post(emulator, body, { model: "gemini-2.5-flash-image" })).status).toBe(200);
  });
});

describe("function-call turns", () => {
  const q = userText("Weather in Oslo and Rome?");
  const calls = {
    role: "model",
    parts: [call("get_weather", { city: "Oslo" }), call("get_weather", { city: "Rome" })],
  };
  const body = (...contents: unknown[]) => ({ contents, tools: [weatherTool] });

  it("refuses a turn answered with the wrong number of responses", async () => {
    const bad = await post(emulator, body(q, calls, { role: "user", parts: [response("get_weather", 1)] }));
    expect(bad.errorMessage).toContain(
      "Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn",
    );
    const good = await post(
      emulator,
      body(q, calls, { role: "user", parts: [response("get_weather", 1), response("get_weather", 2)] }),
    );
    expect(good.status).toBe(200);
  });

  it("refuses responses out of order, and ids not echoed", async () => {
    const mixed = {
      role: "model",
      parts: [call("get_weather", { city: "Oslo" }), { functionCall: { name: "get_time", args: {} } }],
    };
    const tools = [{ functionDeclarations: [...weatherTool.functionDeclarations, { name: "get_time" }] }];
    const swapped = await post(emulator, {
      contents: [q, mixed, { role: "user", parts: [response("get_time", 1), response("get_weather", 2)] }],
      tools,
    });
    expect(swapped.errorMessage).toContain("answer the calls in the order they were made");
    const withIds = {
      role: "model",
      parts: [{ functionCall: { id: "c1", name: "get_weather", args: { city: "Oslo" } } }],
    };
    const wrongId = await post(
      emulator,
      body(q, withIds, { role: "user", parts: [response("get_weather", 1, "c2")] }),
    );
    expect(wrongId.errorMessage).toContain('must echo the id of the call it answers ("c1")');
    const echoed = await post(
      emulator,
      body(q, withIds, { role: "user", parts: [response("get_weather", 1, "c1")] }),
    );
    expect(echoed.status).toBe(200);
  });

  it("refuses a call turn that follows no user turn", async () => {
    const bad = await post(
      emulator,
      body(calls, { role: "user", parts: [response("get_weather", 1), response("get_weather", 2)] }),
    );
    expect(bad.errorMessage).toBe(
      "Please ensure that function call turn comes immediately after a user turn or after a function response turn.",
    );
  });

  it("refuses a response turn that follows no call", async () => {
    const bad = await post(emulator, body(q, { role: "user", parts: [response("get_weather", 1)] }));
    expect(bad.errorMessage).toContain("function response turn comes immediately after a function call turn");
  });

  it("treats consecutive contents of one role as one turn", async () => {
    const split = await post(
      emulator,
      body(
        q,
        { role: "model", parts: [call("get_weather", { city: "Oslo" })] },
        { role: "model", parts: [call("get_weather", { city: "Rome" })] },
        { role: "user", parts: [response("get_weather", 1)] },
        { role: "user", parts: [response("get_weather", 2)] },
      ),
    );
    expect(split.status).toBe(200);
  });
});

describe("Gemini 3 thought signatures", () => {
  const model = "gemini-3-flash-preview";
  const q = userText("Weather in Oslo?");

  async function firstStep() {
    const res = await post(emulator, { contents: [q], tools: [weatherTool] }, { model });
    const turn = (
      res.json as { candidates: { content: { role: string; parts: Record<string, unknown>[] } }[] }
    ).candidates[0]!.content;
    return turn;
  }
  const answer = { role: "user", parts: [response("get_weather", 7)] };

  it("refuses the current turn's first call without its signature, accepts it signed", async () => {
    const turn = await firstStep();
    expect(typeof turn.parts[0]!.thoughtSignature).toBe("string");
    const { thoughtSignature: _s, ...unsigned } = turn.parts[0]!;
    const bad = await post(
      emulator,
      { contents: [q, { role: "model", parts: [unsigned] }, answer], tools: [weatherTool] },
      { model },
    );
    expect(bad.status).toBe(400);
    expect(bad.errorMessage).toContain("Function call is missing a thought_signature in functionCall parts");
    const good = await post(emulator, { contents: [q, turn, answer], tools: [weatherTool] }, { model });
    expect(good.status).toBe(200);
  });

  it("checks every step of the current turn, not only the first: an unsigned step 2 is refused", async () => {
    // Step 1 and step 2 are both calls in answer to one question; each step's first call is signed.
    emulator.script(
      { functionCalls: [{ name: "get_weather", args: { city: "Oslo" } }] },
      { functionCalls: [{ name: "get_weather", args: { city: "Rome" } }] },
    );
    const step1 = await firstStep();
    expect(typeof step1.parts[0]!.thoughtSignature).toBe("string");
    const answer1 = { role: "user", parts: [response("get_weather", 7)] };
    const second = await post(emulator, { contents: [q, step1, answer1], tools: [weatherTool] }, { model });
    expect(second.status).toBe(200);
    const step2 = (
      second.json as { candidates: { content: { role: string; parts: Record<string, unknown>[] } }[] }
    ).candidates[0]!.content;
    expect(step2.parts[0]!.functionCall).toEqual({ name: "get_weather", args: { city: "Rome" } });
    expect(typeof step2.parts[0]!.thoughtSignature).toBe("string");
    const answer2 = { role: "user", parts: [response("get_weather", 12)] };

    const { thoughtSignature: _s, ...unsigned } = step2.parts[0]!;
    const bad = await post(
      emulator,
      {
        contents: [q, step1, answer1, { role: "model", parts: [unsigned] }, answer2],
        tools: [weatherTool],
      },
      { model },
    );
    expect(bad.status).toBe(400);
    expect(bad.errorMessage).toBe(
      "* GenerateContentRequest.contents[3].parts[0]: Function call is missing a thought_signature in functionCall parts. " +
        "This is required for tools to work correctly, and missing thought_signature may lead to degraded model " +
        "performance. Additional data, function call `get_weather` , position 4. Please refer to " +
        "https://ai.google.dev/gemini-api/docs/thought-signatures for more details.",
    );
    const good = await post(
      emulator,
      { contents: [q, step1, answer1, step2, answer2], tools: [weatherTool] },
      { model },
    );
    expect(good.errorMessage).toBeUndefined();
    expect(good.status).toBe(200);
  });

  it("only checks the current turn: older turns may be unsigned", async () => {
    const old = [
      q,
      { role: "model", parts: [call("get_weather", { city: "Oslo" })] },
      answer,
      { role: "model", parts: [{ text: "7" }] },
    ];
    const res = await post(
      emulator,
      { contents: [...old, userText("thanks")], tools: [weatherTool] },
      { model },
    );
    expect(res.status).toBe(200);
  });

  it("accepts the signature re-encoded as URL-safe base64, and Google's sentinels", async () => {
    const turn = await firstStep();
    const sig = turn.parts[0]!.thoughtSignature as string;
    const urlSafe = sig.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const reencoded = { role: "model", parts: [{ ...turn.parts[0], thoughtSignature: urlSafe }] };
    expect(
      (await post(emulator, { contents: [q, reencoded, answer], tools: [weatherTool] }, { model })).status,
    ).toBe(200);
    for (const sentinel of ["context_engineering_is_the_way_to_go", "skip_thought_signature_validator"]) {
      const foreign = {
        role: "model",
        parts: [call("get_weather", { city: "Oslo" }, { thoughtSignature: sentinel })],
      };
      expect(
        (await post(emulator, { contents: [q, foreign, answer], tools: [weatherTool] }, { model })).status,
      ).toBe(200);
    }
  });

  it("refuses an issued signature moved to another part", async () => {
    const turn = await firstStep();
    const sig = turn.parts[0]!.thoughtSignature;
    const moved = {
      role: "model",
      parts: [call("get_weather", { city: "Paris" }, { thoughtSignature: sig })],
    };
    const res = await post(emulator, { contents: [q, moved, answer], tools: [weatherTool] }, { model });
    expect(res.status).toBe(400);
    expect(res.errorMessage).toContain("Corrupted thought signature: it was issued on a different part");
  });

  it("rejects foreign signatures when asked to", async () => {
    const strict = await createEmulator({ foreignSignatures: "reject" });
    try {
      const forged = {
        role: "model",
        parts: [call("get_weather", { city: "Oslo" }, { thoughtSignature: "AAAABBBB" })],
      };
      const res = await post(strict, { contents: [q, forged, answer], tools: [weatherTool] }, { model });
      expect(res.errorMessage).toContain("Corrupted thought signature: this emulator did not issue it.");
    } finally {
      await strict.close();
    }
  });

  it("exempts Gemini 2.5 and the Gemini 3 image models from the rule", async () => {
    const unsigned = { role: "model", parts: [call("get_weather", { city: "Oslo" })] };
    for (const m of ["gemini-2.5-flash", "gemini-3-pro-image-preview"]) {
      const res = await post(
        emulator,
        { contents: [q, unsigned, answer], tools: [weatherTool] },
        { model: m },
      );
      expect(res.status).toBe(200);
    }
  });
});
