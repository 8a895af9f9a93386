// Zod 3 schemas (`zod/v3`) take the zod-to-json-schema route into the same converter.
import { describe, expect, it } from "vitest";
import * as z from "zod/v3";
import { convertSchema } from "./convert-schema.js";
import { expectGolden } from "./test-support/golden.js";

enum Level {
  Low = 1,
  High = 2,
}

describe("Zod 3 -> Gemini", () => {
  it("objects with optional, nullable, default and described fields", () => {
    expectGolden(
      z.object({
        city: z.string().min(1).describe("City name"),
        days: z.number().int().min(1).max(7).default(3),
        unit: z.enum(["c", "f"]).optional(),
        note: z.string().nullable(),
      }),
      {
        type: "OBJECT",
        properties: {
          city: { type: "STRING", minLength: 1, description: "City name" },
          days: { type: "INTEGER", minimum: 1, maximum: 7, default: 3 },
          unit: { type: "STRING", enum: ["c", "f"] },
          note: { type: "STRING", nullable: true },
        },
        propertyOrdering: ["city", "days", "unit", "note"],
        required: ["city", "note"],
      },
    );
  });

  it("native numeric enums and dates are encoded, and decode back", () => {
    const schema = z.object({ level: z.nativeEnum(Level), at: z.date() });
    expectGolden(
      schema,
      {
        type: "OBJECT",
        properties: {
          level: { type: "STRING", enum: ["1", "2"] },
          at: { type: "STRING", format: "date-time" },
        },
        propertyOrdering: ["level", "at"],
        required: ["level", "at"],
      },
      [
        { path: ["level"], constraint: "enum", action: "encoded" },
        { path: ["at"], constraint: "date", action: "encoded" },
      ],
    );
    const decoded = convertSchema(schema).decode({ level: "2", at: "2025-03-01T10:00:00Z" });
    expect(schema.parse(decoded)).toEqual({ level: Level.High, at: new Date("2025-03-01T10:00:00Z") });
  });

  it("a nullable date and a nullable numeric enum decode, null passing through", () => {
    const schema = z.object({ at: z.date().nullable(), level: z.nativeEnum(Level).nullable() });
    const { schema: gemini, decode } = convertSchema(schema);
    expect(gemini.properties).toStrictEqual({
      at: { type: "STRING", format: "date-time", nullable: true },
      level: { type: "STRING", enum: ["1", "2"], nullable: true },
    });
    expect(schema.parse(decode({ at: "2025-01-01T00:00:00Z", level: null }))).toEqual({
      at: new Date("2025-01-01T00:00:00Z"),
      level: null,
    });
    expect(schema.parse(decode({ at: null, level: "1" }))).toEqual({ at: null, level: Level.Low });
  });

  it("exclusive bounds, formats and several regexes", () => {
    expectGolden(
      z.object({ p: z.number().positive(), e: z.string().email(), s: z.string().regex(/^a/).regex(/z$/) }),
      {
        type: "OBJECT",
        properties: {
          p: { type: "NUMBER", minimum: 0, description: "Constraints: must be greater than 0." },
          e: { type: "STRING", description: "Constraints: must be an email address." },
          s: { type: "STRING", pattern: "^a", description: "Constraints: must also match /z$/." },
        },
        propertyOrdering: ["p", "e", "s"],
        required: ["p", "e", "s"],
      },
      [
        { path: ["p"], constraint: "exclusiveMinimum" },
        { path: ["e"], constraint: "format" },
        { path: ["s"], constraint: "pattern" },
      ],
    );
  });

  it("discriminated unions, reused schemas ($ref to the first use) and arrays", () => {
    const Point = z.object({ x: z.number() });
    const point = {
      type: "OBJECT" as const,
      properties: { x: { type: "NUMBER" as const } },
      propertyOrdering: ["x"],
      required: ["x"],
    };
    expectGolden(
      z.object({
        a: Point,
        path: z.array(Point).max(10),
        shape: z.discriminatedUnion("k", [
          z.object({ k: z.literal("dot") }),
          z.object({ k: z.literal("line") }),
        ]),
      }),
      {
        type: "OBJECT",
        properties: {
          a: point,
          path: { type: "ARRAY", items: point, maxItems: 10 },
          shape: {
            anyOf: [
              {
                type: "OBJECT",
                properties: { k: { type: "STRING", enum: ["dot"] } },
                propertyOrdering: ["k"],
                required: ["k"],
              },
              {
                type: "OBJECT",
                properties: { k: { type: "STRING", enum: ["line"] } },
                propertyOrdering: ["k"],
                required: ["k"],
              },
            ],
          },
        },
        propertyOrdering: ["a", "path", "shape"],
        required: ["a", "path", "shape"],
      },
    );
  });

  it("transforms, pipes and refinements convert their input side", () => {
    expectGolden(
      z
        .object({ n: z.string().transform(Number), m: z.string().pipe(z.coerce.number()) })
        .refine((v) => v.n > 0),
      {
        type: "OBJECT",
        properties: { n: { type: "STRING" }, m: { type: "STRING" } },
        propertyOrdering: ["n", "m"],
        required: ["n", "m"],
      },
    );
  });

  it("recursion through an optional field is unrolled like Zod 4's", () => {
    interface Tree {
      v: number;
      kids?: Tree[];
    }
    const Tree: z.ZodType<Tree> = z.lazy(() => z.object({ v: z.number(), kids: z.array(Tree).optional() }));
    const result = convertSchema(z.object({ t: Tree }), { maxRecursionDepth: 1 });
    expect(result.schema).toStrictEqual({
      type: "OBJECT",
      properties: {
        t: {
          type: "OBJECT",
          properties: { v: { type: "NUMBER" } },
          propertyOrdering: ["v"],
          required: ["v"],
        },
      },
      propertyOrdering: ["t"],
      required: ["t"],
    });
    expect(result.report).toMatchObject([{ path: ["t", "kids"], action: "truncated" }]);
  });
});
