// Every construct without a faithful Gemini form fails at definition time, loudly, with its path.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as z3 from "zod/v3";
import { convertSchema } from "./convert-schema.js";
import { SchemaConversionError } from "./schema-errors.js";

function failure(schema: unknown): SchemaConversionError {
  try {
    convertSchema(schema);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaConversionError);
    return error as SchemaConversionError;
  }
  throw new Error("expected the conversion to fail");
}

describe("loud failures (Zod 4)", () => {
  it.each([
    ["record with free keys", z.object({ tags: z.record(z.string(), z.string()) }), "free_keys", ["tags"]],
    ["catchall", z.object({ a: z.string() }).catchall(z.number()), "free_keys", []],
    ["map", z.object({ m: z.map(z.string(), z.number()) }), "unsupported_type", ["m"]],
    ["set", z.object({ s: z.set(z.string()) }), "unsupported_type", ["s"]],
    ["any", z.object({ a: z.object({ b: z.any() }) }), "untyped_value", ["a", "b"]],
    ["unknown in an array", z.object({ list: z.array(z.unknown()) }), "untyped_value", ["list", "[]"]],
    ["tuple", z.object({ point: z.tuple([z.number(), z.number()]) }), "tuple", ["point"]],
    ["bigint", z.object({ n: z.bigint() }), "unsupported_type", ["n"]],
    ["function", z.object({ f: z.function() }), "unsupported_type", ["f"]],
    ["promise", z.object({ p: z.promise(z.string()) }), "unsupported_type", ["p"]],
    ["symbol", z.object({ s: z.symbol() }), "unsupported_type", ["s"]],
    ["custom", z.object({ c: z.custom<string>() }), "unsupported_type", ["c"]],
    ["empty nested object", z.object({ opts: z.object({}) }), "empty_object", ["opts"]],
    ["colliding enum values", z.object({ v: z.literal([1, "1"]) }), "enum_collision", ["v"]],
    ["negation", z.object({ n: z.never() }), "unsupported_type", ["n"]],
  ])("%s", (_name, schema, code, path) => {
    const error = failure(schema);
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
    expect(error.message).toContain("Cannot convert the schema at");
  });

  it("a required recursive array beyond the bound fails with the path and what to do", () => {
    interface Node {
      children: Node[];
    }
    const Node: z.ZodType<Node> = z.lazy(() => z.object({ children: z.array(Node) }));
    const error = failure(z.object({ tree: Node }));
    expect(error.code).toBe("recursion_limit");
    expect(error.path).toEqual(["tree", "children", "[]", "children", "[]", "children"]);
    expect(error.message).toMatch(/make it optional or nullable, or raise maxRecursionDepth/);
  });

  it("reports every problem, the first as code/path", () => {
    const error = failure(z.object({ a: z.bigint(), b: z.function() }));
    expect(error.problems.map((p) => [p.code, p.path])).toEqual([
      ["unsupported_type", ["a"]],
      ["unsupported_type", ["b"]],
    ]);
    expect(error.message).toMatch(/and 1 more problem/);
  });

  it("an empty object has no standalone Gemini form", () => {
    expect(failure(z.object({})).code).toBe("empty_object");
  });

  it("a value that is not a Zod schema", () => {
    expect(failure({ type: "object" }).code).toBe("invalid_schema");
  });
});

describe("loud failures (Zod 3)", () => {
  it.each([
    ["record", z3.object({ r: z3.record(z3.number()) }), "free_keys", ["r"]],
    ["map", z3.object({ m: z3.map(z3.string(), z3.number()) }), "unsupported_type", ["m"]],
    ["any", z3.object({ a: z3.any() }), "untyped_value", ["a"]],
    ["tuple", z3.object({ t: z3.tuple([z3.string()]) }), "tuple", ["t"]],
    ["bigint", z3.object({ n: z3.bigint() }), "unsupported_type", ["n"]],
    ["function", z3.object({ f: z3.function() }), "unsupported_type", ["f"]],
    ["promise", z3.object({ p: z3.promise(z3.string()) }), "unsupported_type", ["p"]],
  ])("%s", (_name, schema, code, path) => {
    const error = failure(schema);
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });
});
