// The public conversion API around the construct table (conversion-golden.test.ts): what the
// error carries, the recursion default, Zod 3 nullables through decoding, the report's text form.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as z3 from "zod/v3";
import { formatConversionReport } from "./conversion-report.js";
import { convertParameters, convertSchema, toGeminiSchema } from "./convert-schema.js";
import { DEFAULT_MAX_RECURSION_DEPTH } from "./json-schema-to-gemini.js";
import { SchemaConversionError } from "./schema-errors.js";

function failure(schema: unknown): SchemaConversionError {
  try {
    convertSchema(schema);
  } catch (error) {
    if (error instanceof SchemaConversionError) return error;
    throw error;
  }
  throw new Error("expected the conversion to fail");
}

describe("convertSchema / toGeminiSchema", () => {
  it("toGeminiSchema returns the schema alone", () => {
    expect(toGeminiSchema(z.array(z.boolean()))).toStrictEqual({ type: "ARRAY", items: { type: "BOOLEAN" } });
  });

  it("lists every problem in declaration order, the first as code and path", () => {
    const error = failure(
      z.object({ a: z.bigint(), b: z.object({ c: z.function() }), d: z.map(z.string(), z.string()) }),
    );
    expect(error.problems.map((p) => [p.code, p.path])).toEqual([
      ["unsupported_type", ["a"]],
      ["unsupported_type", ["b", "c"]],
      ["unsupported_type", ["d"]],
    ]);
    expect([error.code, error.path]).toEqual(["unsupported_type", ["a"]]);
    expect(error.message).toBe(
      "Cannot convert the schema at a: bigint has no JSON form; take a string or an integer and convert it in execute (and 2 more problem(s))",
    );
  });

  it("a required recursion says what to change", () => {
    interface Node {
      children: Node[];
    }
    const Node: z.ZodType<Node> = z.lazy(() => z.object({ children: z.array(Node) }));
    expect(failure(z.object({ tree: Node })).message).toMatch(
      /recurses deeper than 3 levels through a required property; make it optional or nullable, or raise maxRecursionDepth$/,
    );
  });

  it("a recursion with no end anywhere fails at the root, saying what to change", () => {
    type Nest = Nest[];
    const Nest: z.ZodType<Nest> = z.lazy(() => z.union([z.array(Nest), z.array(Nest).min(1)]));
    const error = failure(Nest);
    expect([error.code, error.path]).toEqual(["recursion_limit", []]);
    expect(error.message).toMatch(/give the recursion an end .* or raise maxRecursionDepth$/);
  });

  it("recursion is unrolled DEFAULT_MAX_RECURSION_DEPTH levels by default", () => {
    interface Tree {
      kids?: Tree[];
      v: number;
    }
    const Tree: z.ZodType<Tree> = z.lazy(() => z.object({ v: z.number(), kids: z.array(Tree).optional() }));
    const { report } = convertSchema(z.object({ t: Tree }));
    expect(DEFAULT_MAX_RECURSION_DEPTH).toBe(3);
    expect(report.map((n) => n.path)).toEqual([["t", "kids", "[]", "kids", "[]", "kids"]]);
  });

  it("a value that is not a Zod schema", () => {
    const error = failure({ type: "object" });
    expect([error.code, error.message]).toEqual([
      "invalid_schema",
      "Cannot convert the schema at (root): expected a Zod schema (from `zod` 4, or `zod/v3`)",
    ]);
  });

  it("convertParameters gives no parameters for an empty object and refuses a non-object root", () => {
    expect(convertParameters(z.object({})).parameters).toBeUndefined();
    expect(() => convertParameters(z.array(z.string()))).toThrow(
      "tool parameters must be a Zod object (z.object({...})), not ARRAY",
    );
  });

  it("Zod 3 nullable dates and numeric enums decode, null passing through", () => {
    enum Level {
      Low = 1,
      High = 2,
    }
    const schema = z3.object({ at: z3.date().nullable(), level: z3.nativeEnum(Level).nullable() });
    const { decode } = convertSchema(schema);
    expect(schema.parse(decode({ at: "2025-01-01T00:00:00Z", level: null }))).toEqual({
      at: new Date("2025-01-01T00:00:00Z"),
      level: null,
    });
    expect(schema.parse(decode({ at: null, level: "1" }))).toEqual({ at: null, level: Level.Low });
  });

  it("formatConversionReport prints one line per note with its path", () => {
    const { report } = convertSchema(
      z.object({ cities: z.array(z.object({ mail: z.email() })), n: z.number().gt(1) }),
    );
    expect(formatConversionReport(report)).toBe(
      [
        "cities[].mail: format moved-to-description: must be an email address",
        "n: exclusiveMinimum moved-to-description: must be greater than 1",
      ].join("\n"),
    );
  });
});
