import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RequestInputError } from "./errors.js";
import { normalizeRequest, type RequestInput } from "./normalize-request.js";
import type { GenerateContentRequest } from "./wire-types.js";

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`./__fixtures__/recorded/${name}`, import.meta.url), "utf8"),
  ) as RequestInput;

describe("normalizeRequest", () => {
  it("returns a camelCase request as the same object (no copies)", () => {
    const req: GenerateContentRequest = {
      contents: [{ role: "user", parts: [{ inlineData: { mimeType: "image/png", data: "AAAA" } }] }],
      generationConfig: { thinkingConfig: { includeThoughts: true } },
    };
    expect(normalizeRequest(req)).toBe(req);
  });

  it("renames snake_case keys, keeps user-owned keys, shares unchanged subtrees and strings", () => {
    const big = "Q".repeat(1 << 20);
    const untouched = { role: "user" as const, parts: [{ text: "already camel" }] };
    const input: RequestInput = {
      contents: [
        untouched,
        { role: "user", parts: [{ inline_data: { mime_type: "image/png", data: big } }] },
        {
          role: "model",
          parts: [{ function_call: { name: "f", args: { city_name: "Oslo" } }, thought_signature: "c2ln" }],
        },
        {
          role: "user",
          parts: [{ function_response: { id: "c1", name: "f", response: { temp_c: 3 } } }],
        },
      ],
      system_instruction: { parts: [{ text: "be brief" }] },
      tools: [
        {
          function_declarations: [
            {
              name: "f",
              parameters: {
                type: "OBJECT",
                properties: { city_name: { type: "STRING", max_length: 40 } },
                required: ["city_name"],
                property_ordering: ["city_name"],
              },
              parameters_json_schema: { type: "object", additional_properties: false },
            },
          ],
        },
      ],
      tool_config: { function_calling_config: { mode: "ANY", allowed_function_names: ["f"] } },
      generation_config: {
        thinking_config: { include_thoughts: true, thinking_budget: 128 },
        response_modalities: ["TEXT"],
        image_config: { aspect_ratio: "1:1" },
      },
      labels: { team_name: "x" },
    };
    const out = normalizeRequest(input);
    expect(out).toEqual({
      contents: [
        untouched,
        { role: "user", parts: [{ inlineData: { mimeType: "image/png", data: big } }] },
        {
          role: "model",
          parts: [{ functionCall: { name: "f", args: { city_name: "Oslo" } }, thoughtSignature: "c2ln" }],
        },
        { role: "user", parts: [{ functionResponse: { id: "c1", name: "f", response: { temp_c: 3 } } }] },
      ],
      systemInstruction: { parts: [{ text: "be brief" }] },
      tools: [
        {
          functionDeclarations: [
            {
              name: "f",
              parameters: {
                type: "OBJECT",
                properties: { city_name: { type: "STRING", maxLength: 40 } },
                required: ["city_name"],
                propertyOrdering: ["city_name"],
              },
              parametersJsonSchema: { type: "object", additional_properties: false },
            },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["f"] } },
      generationConfig: {
        thinkingConfig: { includeThoughts: true, thinkingBudget: 128 },
        responseModalities: ["TEXT"],
        imageConfig: { aspectRatio: "1:1" },
      },
      labels: { team_name: "x" },
    });
    expect(out.contents[0]).toBe(untouched);
  });

  it("accepts the recorded llm-gemini request with snake_case function_call/function_response", () => {
    const out = normalizeRequest(
      fixture("llm-gemini__g3flash-fc-signature-jsonarray-stream.t2.request.json"),
    );
    const json = JSON.stringify(out);
    expect(json).not.toMatch(/"function_call"|"function_response"/);
    expect(out.contents[1]?.parts.some((p) => "functionCall" in p && p.thoughtSignature)).toBe(true);
  });

  it("refuses what cannot be a request, saying where", () => {
    expect(() => normalizeRequest({} as RequestInput)).toThrow(RequestInputError);
    expect(() => normalizeRequest({ contents: [{ role: "user" }] } as unknown as RequestInput)).toThrow(
      /contents\[0\]: must be \{ role, parts/,
    );
    expect(() =>
      normalizeRequest({ contents: [{ role: "user", parts: ["hi"] }] } as unknown as RequestInput),
    ).toThrow(/contents\[0\]\.parts\[0\]/);
    expect(() =>
      normalizeRequest({
        contents: [{ role: "user", parts: [{ text: "x" }] }],
        generationConfig: {},
        generation_config: {},
      } as unknown as RequestInput),
    ).toThrow(/both "generation_config" and "generationConfig"/);
  });

  it("walks a content in wire form once; resent, it costs no walk; a pushed or replaced part is still renamed", () => {
    let walks = 0;
    /** A part that counts how often its keys are listed (each walk lists them once). */
    const counted = <T extends object>(part: T): T =>
      new Proxy(part, {
        ownKeys(target) {
          walks++;
          return Reflect.ownKeys(target);
        },
      });
    const first = { role: "user" as const, parts: [counted({ text: "weather in Oslo?" })] };
    const history: RequestInput["contents"] = [first];
    expect(normalizeRequest({ contents: history }).contents[0]).toBe(first);
    expect(walks).toBe(1);
    const call = {
      role: "model" as const,
      parts: [counted({ functionCall: { name: "f", args: {} }, thoughtSignature: "c2ln" })],
    };
    history.push(call);
    const out = normalizeRequest({ contents: history });
    expect(out.contents).toBe(history);
    expect(walks).toBe(2); // only the new content
    normalizeRequest({ contents: history });
    expect(walks).toBe(2);

    // A part pushed onto a known content is seen, snake_case included.
    (first.parts as object[]).push({ inline_data: { mime_type: "image/png", data: "AAAA" } });
    expect(normalizeRequest({ contents: history }).contents[0]).toEqual({
      role: "user",
      parts: [{ text: "weather in Oslo?" }, { inlineData: { mimeType: "image/png", data: "AAAA" } }],
    });
    // So is a replaced parts array of the same length.
    (call as { parts: object[] }).parts = [
      { function_call: { name: "f", args: {} }, thought_signature: "c2ln" },
    ];
    expect(normalizeRequest({ contents: history }).contents[1]).toEqual({
      role: "model",
      parts: [{ functionCall: { name: "f", args: {} }, thoughtSignature: "c2ln" }],
    });
    // A snake_case content is converted each time it is sent (it is never remembered as wire form).
    const snake = { role: "user", parts: [{ function_response: { name: "f", response: { temp_c: 3 } } }] };
    for (let i = 0; i < 2; i++) {
      expect(normalizeRequest({ contents: [snake] } as RequestInput).contents[0]).toEqual({
        role: "user",
        parts: [{ functionResponse: { name: "f", response: { temp_c: 3 } } }],
      });
    }
  });
});
