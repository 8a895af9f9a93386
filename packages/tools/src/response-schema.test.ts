import { validateSchema } from "@signet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toResponseSchema } from "./response-schema.js";

enum Mood {
  Sad = 0,
  Happy = 1,
}

describe("toResponseSchema", () => {
  const format = toResponseSchema(
    z.object({ summary: z.string(), mood: z.enum(Mood), at: z.date(), tags: z.array(z.string()).max(3) }),
  );

  it("produces a responseSchema the strict validator accepts, and a generationConfig", () => {
    expect(validateSchema(format.responseSchema, "", { dialect: "signet" })).toEqual([]);
    expect(format.generationConfig).toEqual({
      responseMimeType: "application/json",
      responseSchema: format.responseSchema,
    });
    expect(format.responseSchema.properties?.mood).toEqual({ type: "STRING", enum: ["0", "1"] });
  });

  it("parses, decodes and validates the final text", () => {
    expect(format.parse('{"summary":"ok","mood":"1","at":"2025-01-02T03:04:05Z","tags":[]}')).toEqual({
      ok: true,
      value: { summary: "ok", mood: Mood.Happy, at: new Date("2025-01-02T03:04:05Z"), tags: [] },
    });
  });

  it("reports invalid JSON and invalid values with paths, without throwing", () => {
    expect(format.parse("{not json")).toMatchObject({
      ok: false,
      reason: "invalid_json",
      issues: [{ path: [] }],
    });
    const bad = format.parse(
      '{"summary":"ok","mood":"2","at":"2025-01-02T03:04:05Z","tags":["a","b","c","d"]}',
    );
    expect(bad).toMatchObject({ ok: false, reason: "invalid_value" });
    expect(bad).toStrictEqual({
      ok: false,
      reason: "invalid_value",
      issues: [
        { path: ["mood"], message: 'Invalid option: expected one of 0|1; send one of "0", "1" (a string)' },
        { path: ["tags"], message: "Too big: expected array to have <=3 items" },
      ],
    });
  });

  it("non-object roots work for structured output", () => {
    const list = toResponseSchema(z.array(z.literal([1, 2])));
    expect(list.responseSchema).toEqual({ type: "ARRAY", items: { type: "STRING", enum: ["1", "2"] } });
    expect(list.parse('["2","1"]')).toEqual({ ok: true, value: [2, 1] });
  });
});
