// One golden test per construct in the conversion table (test-support/conversion-cases.ts): the
// exact Gemini output, the exact report, the strict validator, what decoding gives back, and the
// loud failures with their code and path. Zod 3 forms are checked in zod3-equivalence.test.ts.
import { describe, expect, it } from "vitest";
import { CONVERSION_CASES, type ConversionCase, evaluateSchema } from "./test-support/conversion-cases.js";
import { expectValidDeclaration, expectValidGemini, runCase } from "./test-support/golden.js";

const title = (entry: ConversionCase) => `${entry.as === "parameters" ? "parameters: " : ""}${entry.zod4}`;

describe("Zod 4 -> Gemini, per construct", () => {
  it.each(CONVERSION_CASES.map((entry) => [title(entry), entry] as const))("%s", (_title, entry) => {
    const outcome = runCase(entry, evaluateSchema(entry.zod4, 4));
    if ("error" in entry) {
      expect(outcome.ok ? outcome.run.output : undefined).toBeUndefined();
      if (outcome.ok) throw new Error("expected the conversion to fail");
      expect({ code: outcome.error.code, path: outcome.error.path }).toStrictEqual(entry.error);
      expect(outcome.error.message).toContain("Cannot convert the schema at");
      return;
    }
    if (!outcome.ok) throw outcome.error;
    expect(outcome.run.output).toStrictEqual(entry.output);
    expect(outcome.run.report).toStrictEqual(entry.report ?? []);
    for (const { wire, value } of entry.decodes ?? []) {
      expect(outcome.run.parse(structuredClone(wire))).toStrictEqual({ ok: true, args: value });
    }
  });

  it("the table covers every construct family and has no duplicate rows", () => {
    const keys = CONVERSION_CASES.map((entry) => `${entry.as ?? "schema"} ${entry.zod4}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(CONVERSION_CASES.map((entry) => entry.family)).size).toBe(10);
  });
});

describe("the golden checks would catch a bad output", () => {
  it.each([
    ["a lowercase type", { type: "object", properties: { a: { type: "STRING" } } }],
    ["an OBJECT without properties", { type: "OBJECT", properties: {} }],
    ["a nested OBJECT without properties", { type: "OBJECT", properties: { a: { type: "OBJECT" } } }],
    ["a numeric enum value", { type: "STRING", enum: [1] }],
    ["an enum on INTEGER", { type: "INTEGER", enum: ["1"] }],
    ["an ARRAY without items", { type: "ARRAY" }],
    ["a JSON Schema keyword", { type: "STRING", const: "x" }],
    [
      "a required key that is not a property",
      { type: "OBJECT", properties: { a: { type: "STRING" } }, required: ["b"] },
    ],
  ])("%s", (_name, schema) => {
    expect(() => expectValidGemini(schema as never)).toThrow();
  });

  it("a declaration with empty parameters", () => {
    expect(() =>
      expectValidDeclaration({ name: "f", description: "d", parameters: { type: "OBJECT", properties: {} } }),
    ).toThrow();
  });
});
