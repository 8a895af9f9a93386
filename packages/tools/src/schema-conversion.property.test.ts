// Property, generated from the Gemini side: random Zod schemas convert, pass the strict validator,
// and any arguments a model could write against the Gemini schema parse back through the tool's
// own Zod schema. (zod-side-roundtrip.property.test.ts generates values from the Zod side.)
import type { Schema } from "@signet/provider";
import { validateFunctionDeclaration, validateSchema } from "@signet/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "./define-tool.js";

const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);

const leaf: fc.Arbitrary<z.ZodType> = fc.oneof(
  fc.record({ min: fc.nat(3), extra: fc.option(fc.nat(5), { nil: undefined }) }).map(({ min, extra }) =>
    extra === undefined
      ? z.string().min(min)
      : z
          .string()
          .min(min)
          .max(min + extra),
  ),
  fc.record({ lo: fc.integer({ min: -50, max: 50 }), span: fc.nat(100) }).map(({ lo, span }) =>
    z
      .int()
      .min(lo)
      .max(lo + span),
  ),
  fc.constant(z.number()),
  fc.constant(z.boolean()),
  fc.constant(z.date()),
  fc
    .uniqueArray(key, { minLength: 1, maxLength: 4 })
    .map((values) => z.enum(values as [string, ...string[]])),
  fc
    .uniqueArray(fc.integer({ min: -5, max: 20 }), { minLength: 1, maxLength: 4 })
    .map((values) => z.literal(values)),
);

function wrap(schema: z.ZodType, how: "plain" | "optional" | "nullable" | "nullish"): z.ZodType {
  if (how === "optional") return schema.optional();
  if (how === "nullable") return schema.nullable();
  if (how === "nullish") return schema.nullish();
  return schema;
}
const wrapping = fc.constantFrom("plain", "optional", "nullable", "nullish") as fc.Arbitrary<
  "plain" | "optional" | "nullable" | "nullish"
>;

function objectOf(child: fc.Arbitrary<z.ZodType>): fc.Arbitrary<z.ZodObject> {
  return fc
    .uniqueArray(fc.tuple(key, child, wrapping), { minLength: 1, maxLength: 4, selector: ([k]) => k })
    .map((entries) => z.object(Object.fromEntries(entries.map(([k, s, w]) => [k, wrap(s, w)]))));
}

function schemaAt(depth: number): fc.Arbitrary<z.ZodType> {
  if (depth === 0) return leaf;
  const child = schemaAt(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: objectOf(child) },
    {
      weight: 1,
      arbitrary: fc.record({ item: child, min: fc.nat(2), extra: fc.nat(3) }).map(({ item, min, extra }) =>
        z
          .array(item)
          .min(min)
          .max(min + extra),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(child, child).map(([a, b]) => z.union([a, b])) },
  );
}

/** What a model could send for `schema`: any value the Gemini schema allows. */
function wireValue(schema: Schema): fc.Arbitrary<unknown> {
  const base = wireValueNonNull(schema);
  return schema.nullable ? fc.option(base, { nil: null }) : base;
}

function wireValueNonNull(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(wireValue));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "STRING":
      if (schema.format === "date-time") {
        return fc
          .date({ min: new Date(0), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
          .map((d) => d.toISOString());
      }
      return fc.string({
        minLength: Number(schema.minLength ?? 0),
        maxLength: Number(schema.maxLength ?? 12),
      });
    case "INTEGER":
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case "NUMBER":
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
      });
    case "BOOLEAN":
      return fc.boolean();
    case "ARRAY": {
      const minLength = Number(schema.minItems ?? 0);
      return fc.array(wireValue(schema.items!), {
        minLength,
        maxLength: Math.min(Number(schema.maxItems ?? 3), minLength + 3),
      });
    }
    case "OBJECT": {
      const model = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, s]) => [k, wireValue(s)]),
      );
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
    default:
      throw new Error(`generator has no case for ${JSON.stringify(schema)}`);
  }
}

describe("conversion property", () => {
  it("random schemas convert, validate, and synthesized arguments parse back", { timeout: 60_000 }, () => {
    const scenario = objectOf(schemaAt(2)).chain((parameters) => {
      const tool = defineTool({
        name: "probe",
        description: "Property probe",
        parameters,
        execute: () => null,
      });
      const wire = tool.declaration.parameters ? wireValue(tool.declaration.parameters) : fc.constant({});
      return fc.tuple(fc.constant(tool), fc.array(wire, { minLength: 1, maxLength: 5 }));
    });
    fc.assert(
      fc.property(scenario, ([tool, samples]) => {
        expect(validateFunctionDeclaration(tool.declaration, "", { dialect: "signet" })).toEqual([]);
        if (tool.declaration.parameters) {
          expect(validateSchema(tool.declaration.parameters, "", { dialect: "signet" })).toEqual([]);
        }
        for (const args of samples) {
          const parsed = tool.parseArgs(JSON.parse(JSON.stringify(args)));
          if (!parsed.ok)
            throw new Error(`${JSON.stringify(args)} rejected: ${JSON.stringify(parsed.issues)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
