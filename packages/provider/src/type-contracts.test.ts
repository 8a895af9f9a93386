// The wire types' promises, checked by the compiler: each `@ts-expect-error` line must fail to
// typecheck and each `expectTypeOf` must hold, or `tsc -p tsconfig.json` (part of `pnpm test`) fails.
// vitest runs the blocks too, but nothing is asserted at run time: the compiler is the judge here.
// Object literals stay on one line so each expected error lands on the line its directive covers.
import { describe, expectTypeOf, it } from "vitest";
import type { Blob, FunctionCall, Part, PartOf, RequestInput, ThinkingConfig, Tool } from "./index.js";
import { createProvider, type ProviderOptions } from "./provider.js";

const blob: Blob = { mimeType: "image/png", data: "iVBORw0KGgo=" };
const call: FunctionCall = { id: "c1", name: "get_weather", args: { city: "Oslo" } };

describe("Part: exactly one data field", () => {
  it("accepts one data field with any metadata, a signature carrier included", () => {
    const parts: Part[] = [
      { text: "hello" },
      { text: "", thoughtSignature: "c2ln" },
      { text: "a thought", thought: true },
      { inlineData: blob, thoughtSignature: "c2ln" },
      { fileData: { fileUri: "gs://b/o", mimeType: "application/pdf" } },
      { functionCall: call, thoughtSignature: "c2ln" },
      { functionResponse: { id: "c1", name: "get_weather", response: { ok: true } } },
      { executableCode: { language: "PYTHON", code: "print(1)" } },
      { codeExecutionResult: { outcome: "OUTCOME_OK", output: "1" } },
      { toolCall: { id: "t1", toolType: "GOOGLE_SEARCH_WEB", args: {} } },
      { toolResponse: { id: "t1", toolType: "GOOGLE_SEARCH_WEB", response: {} } },
    ];
    expectTypeOf(parts).toEqualTypeOf<Part[]>();
  });

  it("refuses two data fields on one part", () => {
    // @ts-expect-error text and inlineData on one part
    const a: Part = { text: "a", inlineData: blob };
    // @ts-expect-error functionCall and text on one part
    const b: Part = { functionCall: call, text: "" };
    // @ts-expect-error functionCall and functionResponse on one part
    const c: Part = { functionCall: call, functionResponse: { name: "f", response: {} } };
    // @ts-expect-error toolCall and toolResponse on one part
    const d: Part = { toolCall: {}, toolResponse: {} };
    // @ts-expect-error a part needs a data field
    const e: Part = { thoughtSignature: "c2ln" };
    // Built apart from the literal (no excess-property check): still refused.
    const both = { text: "a", inlineData: blob };
    // @ts-expect-error a variable holding two data fields is not a Part either
    const f: Part = both;
    void [a, b, c, d, e, f];
  });

  it("narrows on a data field tested against undefined; PartOf names each member", () => {
    const part = { functionCall: call } as Part;
    if (part.functionCall !== undefined) {
      expectTypeOf(part.functionCall).toEqualTypeOf<FunctionCall>();
      expectTypeOf(part).toEqualTypeOf<PartOf<"functionCall">>();
      expectTypeOf(part.text).toEqualTypeOf<undefined>();
    }
    if (part.text !== undefined) expectTypeOf(part.text).toEqualTypeOf<string>();
    expectTypeOf<PartOf<"inlineData">["inlineData"]>().toEqualTypeOf<Blob>();
  });

  it("snake_case input also refuses two data fields in one object", () => {
    const png = { mime_type: "image/png", data: "x" };
    const one: RequestInput = { contents: [{ role: "user", parts: [{ inline_data: png }] }] };
    // @ts-expect-error two snake_case data fields on one part
    const two: RequestInput = { contents: [{ role: "user", parts: [{ text: "a", inline_data: png }] }] };
    void [one, two];
  });
});

describe("Tool: exactly one kind", () => {
  it("accepts one kind per Tool object, several objects in tools[]", () => {
    const tools: Tool[] = [
      { functionDeclarations: [{ name: "get_weather" }] },
      { googleSearch: {} },
      { urlContext: {} },
      { codeExecution: {} },
    ];
    expectTypeOf(tools).toEqualTypeOf<Tool[]>();
  });

  it("refuses two kinds in one Tool object", () => {
    // @ts-expect-error functionDeclarations and googleSearch in one Tool
    const a: Tool = { functionDeclarations: [], googleSearch: {} };
    // @ts-expect-error googleSearch and urlContext in one Tool
    const b: Tool = { googleSearch: {}, urlContext: {} };
    // @ts-expect-error codeExecution and googleSearchRetrieval in one Tool
    const c: Tool = { codeExecution: {}, googleSearchRetrieval: {} };
    // @ts-expect-error a Tool needs a kind
    const d: Tool = {};
    void [a, b, c, d];
  });

  it("narrows on a kind tested against undefined", () => {
    const tool = { googleSearch: {} } as Tool;
    if (tool.functionDeclarations !== undefined) {
      expectTypeOf(tool.functionDeclarations[0]!.name).toEqualTypeOf<string>();
      expectTypeOf(tool.googleSearch).toEqualTypeOf<undefined>();
    }
  });
});

describe("ThinkingConfig: a level or a budget, never both", () => {
  it("accepts either one, or neither", () => {
    const configs: ThinkingConfig[] = [
      { thinkingLevel: "low", includeThoughts: true },
      { thinkingBudget: 1024 },
      { thinkingBudget: 0 },
      { includeThoughts: true },
    ];
    expectTypeOf(configs).toEqualTypeOf<ThinkingConfig[]>();
  });

  it("refuses both", () => {
    // @ts-expect-error thinkingLevel and thinkingBudget together
    const both: ThinkingConfig = { thinkingLevel: "HIGH", thinkingBudget: 512 };
    void both;
  });
});

describe('createProvider: `custom` only with gateway: "custom"', () => {
  // Wrapped in functions that never run: only createProvider's parameter type is under test.
  it("accepts a preset without custom, and custom with gateway custom", () => {
    const ok = [
      () => createProvider({ apiKey: "k" }),
      () => createProvider({ gateway: "kie", apiKey: "k", baseUrl: "http://127.0.0.1:1" }),
      () => createProvider({ gateway: "custom", apiKey: "k", custom: { baseUrl: "http://127.0.0.1:1" } }),
    ];
    expectTypeOf(ok).toBeArray();
    expectTypeOf<Parameters<typeof createProvider>[0]>().toEqualTypeOf<ProviderOptions>();
  });

  it("refuses custom with a preset gateway, and gateway custom without custom", () => {
    const bad = [
      // @ts-expect-error custom with the google preset
      () => createProvider({ gateway: "google", apiKey: "k", custom: { baseUrl: "http://127.0.0.1:1" } }),
      // @ts-expect-error custom without a gateway (the default is google)
      () => createProvider({ apiKey: "k", custom: { baseUrl: "http://127.0.0.1:1" } }),
      // @ts-expect-error gateway custom needs its custom config
      () => createProvider({ gateway: "custom", apiKey: "k" }),
    ];
    void bad;
  });
});
