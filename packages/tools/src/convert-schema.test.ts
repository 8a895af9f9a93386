// One golden test per construct (Zod 4): the exact Gemini schema, the exact report, and the
// strict validator's approval. See docs/tools-and-schemas.md for the table these follow.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { convertSchema, toGeminiSchema } from "./convert-schema.js";
import { expectGolden } from "./test-support/golden.js";

enum Color {
  Red = "red",
  Green = "green",
}
enum Level {
  Low = 1,
  High = 2,
}

describe("Zod 4 -> Gemini, per construct", () => {
  it("nested objects keep declaration order in propertyOrdering and list required keys", () => {
    expectGolden(z.object({ b: z.string(), a: z.object({ y: z.boolean(), x: z.number() }) }), {
      type: "OBJECT",
      properties: {
        b: { type: "STRING" },
        a: {
          type: "OBJECT",
          properties: { y: { type: "BOOLEAN" }, x: { type: "NUMBER" } },
          propertyOrdering: ["y", "x"],
          required: ["y", "x"],
        },
      },
      propertyOrdering: ["b", "a"],
      required: ["b", "a"],
    });
  });

  it("string length and a regex carry over", () => {
    expectGolden(
      z
        .string()
        .min(2)
        .max(8)
        .regex(/^[a-z]+$/),
      {
        type: "STRING",
        minLength: 2,
        maxLength: 8,
        pattern: "^[a-z]+$",
      },
    );
  });

  it("a second regex and a flagged regex move into the description", () => {
    expectGolden(
      z.string().regex(/^a/).regex(/b$/i).regex(/c/),
      { type: "STRING", pattern: "^a", description: "Constraints: must match /b$/i; must also match /c/." },
      [
        { path: [], constraint: "pattern", action: "moved-to-description", message: "must match /b$/i" },
        { path: [], constraint: "pattern", action: "moved-to-description", message: "must also match /c/" },
      ],
    );
  });

  it("date-time keeps its format (Zod's own regex for it is reported as left out)", () => {
    expectGolden(z.iso.datetime(), { type: "STRING", format: "date-time" }, [
      { path: [], constraint: "pattern", action: "dropped" },
    ]);
  });

  it.each([
    ["email", z.email(), "must be an email address"],
    ["uuid", z.uuid(), "must be a UUID"],
    ["url", z.url(), "must be a URL"],
    ["date", z.iso.date(), "must be a date as YYYY-MM-DD"],
  ])("format %s (refused by Gemini on STRING) moves into the description", (_name, schema, hint) => {
    const notes = [
      { path: [], constraint: "format", action: "moved-to-description" as const, message: hint },
    ];
    const result = convertSchema(schema);
    expect(result.schema).toStrictEqual({ type: "STRING", description: `Constraints: ${hint}.` });
    expect(result.report[0]).toMatchObject(notes[0]!);
  });

  it("int becomes INTEGER without Zod's safe-integer bounds", () => {
    expectGolden(z.int(), { type: "INTEGER" });
    expectGolden(z.int().min(1).max(10), { type: "INTEGER", minimum: 1, maximum: 10 });
  });

  it("z.float64()'s every-double bounds are dropped; z.int32()'s are real and kept", () => {
    expectGolden(z.float64(), { type: "NUMBER" });
    expectGolden(z.int32(), { type: "INTEGER", minimum: -2147483648, maximum: 2147483647 });
  });

  it("base64 is described once", () => {
    expectGolden(z.base64(), { type: "STRING", description: "Constraints: must be base64-encoded." }, [
      { constraint: "format", action: "moved-to-description" },
      { constraint: "pattern", action: "dropped" },
    ]);
  });

  it("exclusive bounds on integers become exact inclusive bounds", () => {
    expectGolden(z.int().gt(0).lt(10), { type: "INTEGER", minimum: 1, maximum: 9 });
  });

  it("exclusive bounds on numbers are kept as inclusive bounds plus a description, and reported", () => {
    expectGolden(
      z.number().gt(0).lte(1),
      { type: "NUMBER", minimum: 0, maximum: 1, description: "Constraints: must be greater than 0." },
      [
        {
          path: [],
          constraint: "exclusiveMinimum",
          action: "moved-to-description",
          message: "must be greater than 0",
        },
      ],
    );
  });

  it("multipleOf moves into the description", () => {
    expectGolden(
      z.number().multipleOf(0.5),
      { type: "NUMBER", description: "Constraints: must be a multiple of 0.5." },
      [{ constraint: "multipleOf", action: "moved-to-description" }],
    );
  });

  it("booleans", () => {
    expectGolden(z.boolean(), { type: "BOOLEAN" });
  });

  it("string enums and string native enums", () => {
    expectGolden(z.enum(["c", "f"]), { type: "STRING", enum: ["c", "f"] });
    expectGolden(z.enum(Color), { type: "STRING", enum: ["red", "green"] });
  });

  it("numeric enums and literals travel as strings and are reported as encoded", () => {
    expectGolden(z.enum(Level), { type: "STRING", enum: ["1", "2"] }, [
      { path: [], constraint: "enum", action: "encoded" },
    ]);
    expectGolden(z.literal(3), { type: "STRING", enum: ["3"] }, [{ constraint: "enum", action: "encoded" }]);
    expectGolden(z.literal([true, "auto"]), { type: "STRING", enum: ["true", "auto"] }, [
      { constraint: "enum", action: "encoded" },
    ]);
    expectGolden(z.literal("metric"), { type: "STRING", enum: ["metric"] });
  });

  it("optional, nullable, nullish and default", () => {
    expectGolden(
      z.object({
        a: z.string().optional(),
        b: z.number().nullable(),
        c: z.string().nullish(),
        d: z.int().default(5),
        e: z.enum(Level).default(Level.High),
      }),
      {
        type: "OBJECT",
        properties: {
          a: { type: "STRING" },
          b: { type: "NUMBER", nullable: true },
          c: { type: "STRING", nullable: true },
          d: { type: "INTEGER", default: 5 },
          e: { type: "STRING", enum: ["1", "2"], default: "2" },
        },
        propertyOrdering: ["a", "b", "c", "d", "e"],
        required: ["b"],
      },
      [{ path: ["e"], constraint: "enum", action: "encoded" }],
    );
  });

  it(".describe() becomes description, beside any converter hint", () => {
    expectGolden(
      z.object({ t: z.number().gt(0).describe("Temperature") }),
      {
        type: "OBJECT",
        properties: {
          t: { type: "NUMBER", minimum: 0, description: "Temperature Constraints: must be greater than 0." },
        },
        propertyOrdering: ["t"],
        required: ["t"],
      },
      [{ path: ["t"], constraint: "exclusiveMinimum" }],
    );
  });

  it("arrays with min/max items", () => {
    expectGolden(z.array(z.string()).min(1).max(3), {
      type: "ARRAY",
      items: { type: "STRING" },
      minItems: 1,
      maxItems: 3,
    });
  });

  it("unions become anyOf; nullable unions mark every branch", () => {
    expectGolden(z.union([z.string(), z.int()]), { anyOf: [{ type: "STRING" }, { type: "INTEGER" }] });
    expectGolden(z.union([z.string().min(1), z.number()]).nullable(), {
      anyOf: [
        { type: "STRING", minLength: 1, nullable: true },
        { type: "NUMBER", nullable: true },
      ],
    });
  });

  it("discriminated unions become anyOf without a report (the branches exclude each other)", () => {
    expectGolden(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("circle"), r: z.number() }),
        z.object({ kind: z.literal("square"), side: z.number() }),
      ]),
      {
        anyOf: [
          {
            type: "OBJECT",
            properties: { kind: { type: "STRING", enum: ["circle"] }, r: { type: "NUMBER" } },
            propertyOrdering: ["kind", "r"],
            required: ["kind", "r"],
          },
          {
            type: "OBJECT",
            properties: { kind: { type: "STRING", enum: ["square"] }, side: { type: "NUMBER" } },
            propertyOrdering: ["kind", "side"],
            required: ["kind", "side"],
          },
        ],
      },
    );
  });

  it("an exclusive union (oneOf) is offered as anyOf and reported", () => {
    expectGolden(z.xor([z.string(), z.number()]), { anyOf: [{ type: "STRING" }, { type: "NUMBER" }] }, [
      { constraint: "oneOf", action: "dropped" },
    ]);
  });

  it("reused sub-schemas are inlined, each use keeping its own description", () => {
    const Place = z.object({ city: z.string() });
    const place = () => ({
      type: "OBJECT" as const,
      properties: { city: { type: "STRING" as const } },
      propertyOrdering: ["city"],
      required: ["city"],
    });
    expectGolden(z.object({ from: Place, to: Place.describe("Destination") }), {
      type: "OBJECT",
      properties: { from: place(), to: { ...place(), description: "Destination" } },
      propertyOrdering: ["from", "to"],
      required: ["from", "to"],
    });
  });

  it("z.date() is a date-time string (decoded back to a Date)", () => {
    expectGolden(z.date(), { type: "STRING", format: "date-time" }, [
      { constraint: "date", action: "encoded" },
    ]);
  });

  it("transforms, pipes, brands, readonly and catch convert their input side", () => {
    expectGolden(
      z.string().transform((s) => s.length),
      { type: "STRING" },
    );
    expectGolden(z.string().pipe(z.coerce.number()), { type: "STRING" });
    expectGolden(z.string().brand("CityName"), { type: "STRING" });
    expectGolden(z.object({ a: z.string() }).readonly(), {
      type: "OBJECT",
      properties: { a: { type: "STRING" } },
      propertyOrdering: ["a"],
      required: ["a"],
    });
    expectGolden(z.string().catch("x"), { type: "STRING", default: "x" });
  });

  it("a record over an enum of keys is an object with those keys", () => {
    expectGolden(z.record(z.enum(["min", "max"]), z.number()), {
      type: "OBJECT",
      properties: { min: { type: "NUMBER" }, max: { type: "NUMBER" } },
      propertyOrdering: ["min", "max"],
      required: ["min", "max"],
    });
  });

  it("loose objects: extra keys are not offered, and that is reported", () => {
    expectGolden(
      z.looseObject({ a: z.string() }),
      { type: "OBJECT", properties: { a: { type: "STRING" } }, propertyOrdering: ["a"], required: ["a"] },
      [{ constraint: "additionalProperties", action: "dropped" }],
    );
  });

  it("recursion is unrolled to the bound; the optional recursive field is left out below it", () => {
    interface Category {
      name: string;
      sub?: Category[];
    }
    const Category: z.ZodType<Category> = z.lazy(() =>
      z.object({ name: z.string(), sub: z.array(Category).optional() }),
    );
    const leaf = {
      type: "OBJECT",
      properties: { name: { type: "STRING" } },
      propertyOrdering: ["name"],
      required: ["name"],
    };
    const level = (inner: object) => ({
      type: "OBJECT",
      properties: { name: { type: "STRING" }, sub: { type: "ARRAY", items: inner } },
      propertyOrdering: ["name", "sub"],
      required: ["name"],
    });
    const result = convertSchema(z.object({ root: Category }), { maxRecursionDepth: 2 });
    expect(result.schema).toStrictEqual({
      type: "OBJECT",
      properties: { root: level(leaf) },
      propertyOrdering: ["root"],
      required: ["root"],
    });
    expect(result.report).toEqual([
      {
        path: ["root", "sub", "[]", "sub"],
        constraint: "$ref",
        action: "truncated",
        message: "recursion deeper than 2 levels: this optional property is left out here",
      },
    ]);
  });

  it("toGeminiSchema returns the schema alone", () => {
    expect(toGeminiSchema(z.array(z.boolean()))).toStrictEqual({ type: "ARRAY", items: { type: "BOOLEAN" } });
  });
});
