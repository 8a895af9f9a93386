// The conversion table as data: one case per construct, with its Zod 4 code, the same construct
// in `zod/v3` where Zod 3 can express it, the exact Gemini output, the exact report, and what
// decoding gives back. The golden tests, the Zod 3 equivalence test and the table in
// docs/tools-and-schemas.md all come from this list, so none of them can drift from the others.
//
// Schemas are written as code strings and evaluated against a scope, so the table shows exactly
// the code that was converted.
import type { Schema } from "@signet/provider";
import { z } from "zod";
import * as z3 from "zod/v3";
import type { ConversionNote } from "../conversion-report.js";
import type { ConvertSchemaOptions } from "../convert-schema.js";
import type { SchemaConversionCode } from "../schema-errors.js";
import type { SchemaPath } from "../schema-path.js";

export enum Level {
  Low = 1,
  High = 2,
}
export enum Color {
  Red = "red",
  Green = "green",
}

interface Category {
  name: string;
  sub?: Category[] | undefined;
}
interface TreeNode {
  children: TreeNode[];
}

const Category4: z.ZodType<Category> = z.lazy(() =>
  z.object({ name: z.string(), sub: z.array(Category4).optional() }),
);
const Category3: z3.ZodType<Category> = z3.lazy(() =>
  z3.object({ name: z3.string(), sub: z3.array(Category3).optional() }),
);
const Node4: z.ZodType<TreeNode> = z.lazy(() => z.object({ children: z.array(Node4) }));
const Node3: z3.ZodType<TreeNode> = z3.lazy(() => z3.object({ children: z3.array(Node3) }));

// The names the case code may use besides `z`, shown above the table in the docs from
// docs/samples/tools-conversion-scope.ts (typechecked and run by the docs package); SCOPE_4 and
// SCOPE_3 build the same values.
const SCOPE_4 = {
  z,
  Level,
  Color,
  Place: z.object({ city: z.string() }).meta({ id: "Place" }),
  Category: Category4,
  Node: Node4,
};
const SCOPE_3 = {
  z: z3,
  Level,
  Color,
  Place: z3.object({ city: z3.string() }),
  Category: Category3,
  Node: Node3,
};

/** Evaluates a case's code against the Zod 4 or Zod 3 scope. */
export function evaluateSchema(code: string, version: 3 | 4): unknown {
  const scope = version === 4 ? SCOPE_4 : SCOPE_3;
  const names = Object.keys(scope);
  return new Function(...names, `"use strict"; return (${code});`)(...Object.values(scope));
}

export type Family =
  | "objects"
  | "strings"
  | "numbers"
  | "enums"
  | "modifiers"
  | "arrays"
  | "unions"
  | "refs"
  | "wrappers"
  | "failures";

export const FAMILY_TITLES: Record<Family, string> = {
  objects: "Objects and properties",
  strings: "Strings and formats",
  numbers: "Numbers and bounds",
  enums: "Enums and literals",
  modifiers: "Optional, nullable, defaults and descriptions",
  arrays: "Arrays",
  unions: "Unions",
  refs: "References and recursion",
  wrappers: "Dates, transforms and other wrappers",
  failures: "What fails at definition time",
};

export type CaseExpectation =
  | { output: Schema | undefined; report?: readonly ConversionNote[] }
  | { error: { code: SchemaConversionCode; path: SchemaPath } };

export type ConversionCase = CaseExpectation & {
  family: Family;
  /** Zod 4 code (evaluated with `z` from "zod"). */
  zod4: string;
  /** The same construct with `zod/v3`, when Zod 3 can express it: it must convert identically. */
  zod3?: string;
  /** Converted as tool parameters (`defineTool`) rather than as a standalone schema. */
  as?: "parameters";
  options?: ConvertSchemaOptions;
  /** What the model may send and what the tool receives after decoding and Zod's parse. */
  decodes?: readonly { wire: unknown; value: unknown }[];
  notes?: string;
};

const note = (
  path: SchemaPath,
  constraint: string,
  action: ConversionNote["action"],
  message: string,
): ConversionNote => ({ path, constraint, action, message });

const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({
  type: "OBJECT",
  properties,
  propertyOrdering: Object.keys(properties),
  ...(required.length > 0 ? { required } : {}),
});

const DATE_NOTE = "a Date is sent as an ISO 8601 date-time string and decoded back to a Date";
const dateNote = (path: SchemaPath) => note(path, "date", "encoded", DATE_NOTE);
const UTC = 'must be in UTC, ending in "Z"';
const ambiguous = (path: SchemaPath, earlier: number) =>
  note(
    path,
    "anyOf",
    "ambiguous",
    `some values the model sends for this branch also fit branch ${earlier}, which decodes them differently; they are read as branch ${earlier} (the first that fits, as a Zod union picks). Make the branches distinct (e.g. with a discriminator) or reorder them`,
  );
const FREE_KEYS = "free_keys";

export const CONVERSION_CASES: readonly ConversionCase[] = [
  // ---- objects and properties ----
  {
    family: "objects",
    zod4: "z.object({ b: z.string(), a: z.object({ y: z.boolean(), x: z.number() }) })",
    zod3: "same",
    output: obj({ b: { type: "STRING" }, a: obj({ y: { type: "BOOLEAN" }, x: { type: "NUMBER" } }) }),
    notes: "`propertyOrdering` is the declaration order (Gemini would otherwise sort keys).",
  },
  {
    family: "objects",
    zod4: "z.object({})",
    zod3: "same",
    as: "parameters",
    output: undefined,
    decodes: [{ wire: undefined, value: {} }],
    notes:
      "As tool parameters: no `parameters` at all (Gemini refuses an `OBJECT` with empty `properties`); a call without `args` parses to `{}`.",
  },
  {
    family: "objects",
    zod4: "z.object({})",
    zod3: "same",
    error: { code: "empty_object", path: [] },
    notes: "As a standalone or response schema there is nothing to send.",
  },
  {
    family: "objects",
    zod4: "z.object({ opts: z.object({}) })",
    zod3: "same",
    error: { code: "empty_object", path: ["opts"] },
    notes: "Remove the field or give it a property.",
  },
  {
    family: "objects",
    zod4: "z.strictObject({ a: z.string() })",
    zod3: "z.object({ a: z.string() }).strict()",
    output: obj({ a: { type: "STRING" } }),
    notes: "Gemini offers no extra keys anyway.",
  },
  {
    family: "objects",
    zod4: "z.looseObject({ a: z.string() })",
    zod3: "z.object({ a: z.string() }).passthrough()",
    output: obj({ a: { type: "STRING" } }),
    report: [
      note(
        [],
        "additionalProperties",
        "dropped",
        "extra keys the schema allows (loose/passthrough) are not offered to the model",
      ),
    ],
  },
  {
    family: "objects",
    zod4: "z.object({ a: z.string() }).catchall(z.number())",
    zod3: "same",
    error: { code: FREE_KEYS, path: [] },
    notes: "Free keys have no Gemini form: list the keys, or take an array of `{key, value}`.",
  },
  {
    family: "objects",
    zod4: "z.object({ tags: z.record(z.string(), z.string()) })",
    zod3: "z.object({ tags: z.record(z.string()) })",
    error: { code: FREE_KEYS, path: ["tags"] },
  },
  {
    family: "objects",
    zod4: "z.record(z.enum(['min', 'max']), z.number())",
    output: obj({ min: { type: "NUMBER" }, max: { type: "NUMBER" } }),
    notes: "Exact: the key set is finite. (Zod 3's enum-keyed record is partial: see the next row.)",
  },
  {
    family: "objects",
    zod4: "z.partialRecord(z.enum(['min', 'max']), z.number())",
    zod3: "z.record(z.enum(['min', 'max']), z.number())",
    output: obj({ min: { type: "NUMBER" }, max: { type: "NUMBER" } }, []),
  },
  {
    family: "objects",
    zod4: "z.intersection(z.object({ a: z.string() }), z.object({ b: z.number() }))",
    zod3: "same",
    output: obj({ a: { type: "STRING" }, b: { type: "NUMBER" } }),
    notes: "Intersections of plain objects merge; other intersections fail (`unsupported_keyword`).",
  },
  {
    family: "objects",
    zod4: "z.object({ m: z.map(z.string(), z.number()) })",
    zod3: "same",
    error: { code: "unsupported_type", path: ["m"] },
    notes: "A Map has free keys: use `z.object` or an array of `{key, value}`.",
  },

  // ---- strings and formats ----
  { family: "strings", zod4: "z.string()", zod3: "same", output: { type: "STRING" } },
  {
    family: "strings",
    zod4: "z.string().min(2).max(8)",
    zod3: "same",
    output: { type: "STRING", minLength: 2, maxLength: 8 },
  },
  {
    family: "strings",
    zod4: "z.string().length(3)",
    zod3: "same",
    output: { type: "STRING", minLength: 3, maxLength: 3 },
  },
  {
    family: "strings",
    zod4: "z.string().regex(/^[a-z]+$/)",
    zod3: "same",
    output: { type: "STRING", pattern: "^[a-z]+$" },
  },
  {
    family: "strings",
    zod4: "z.string().regex(/^a/).regex(/b$/i).regex(/c/)",
    zod3: "same",
    output: {
      type: "STRING",
      pattern: "^a",
      description: "Constraints: must match /b$/i; must also match /c/.",
    },
    report: [
      note([], "pattern", "moved-to-description", "must match /b$/i"),
      note([], "pattern", "moved-to-description", "must also match /c/"),
    ],
    notes: "One `pattern` is carried; `pattern` has no flags, and Gemini takes one regex.",
  },
  {
    family: "strings",
    zod4: "z.string().regex(/^a/i).nullable()",
    zod3: "same",
    output: { type: "STRING", nullable: true, description: "Constraints: must match /^a/i." },
    report: [note([], "pattern", "moved-to-description", "must match /^a/i")],
    decodes: [{ wire: "Abc", value: "Abc" }],
  },
  {
    family: "strings",
    zod4: "z.email()",
    zod3: "z.string().email()",
    output: { type: "STRING", description: "Constraints: must be an email address." },
    report: [note([], "format", "moved-to-description", "must be an email address")],
    notes:
      'Gemini takes only `date-time` (and `enum`) as a STRING format: `format: "email"` earns a 400. Zod\'s own regex for a format is stated by the format.',
  },
  {
    family: "strings",
    zod4: "z.uuid()",
    zod3: "z.string().uuid()",
    output: { type: "STRING", description: "Constraints: must be a UUID." },
    report: [note([], "format", "moved-to-description", "must be a UUID")],
  },
  {
    family: "strings",
    zod4: "z.url()",
    zod3: "z.string().url()",
    output: { type: "STRING", description: "Constraints: must be a URL." },
    report: [note([], "format", "moved-to-description", "must be a URL")],
  },
  {
    family: "strings",
    zod4: "z.iso.date()",
    zod3: "z.string().date()",
    output: { type: "STRING", description: "Constraints: must be a date as YYYY-MM-DD." },
    report: [note([], "format", "moved-to-description", "must be a date as YYYY-MM-DD")],
  },
  {
    family: "strings",
    zod4: "z.iso.datetime()",
    zod3: "z.string().datetime()",
    output: { type: "STRING", format: "date-time", description: `Constraints: ${UTC}.` },
    report: [note([], "format", "moved-to-description", UTC)],
    notes: "RFC 3339 allows any offset; Zod's default accepts only `Z`, so that is said.",
  },
  {
    family: "strings",
    zod4: "z.iso.datetime({ offset: true })",
    zod3: "z.string().datetime({ offset: true })",
    output: { type: "STRING", format: "date-time" },
  },
  {
    family: "strings",
    zod4: "z.base64()",
    zod3: "z.string().base64()",
    output: { type: "STRING", description: "Constraints: must be base64-encoded." },
    report: [note([], "contentEncoding", "moved-to-description", "must be base64-encoded")],
  },
  {
    family: "strings",
    zod4: "z.union([z.ipv4(), z.ipv6()])",
    zod3: "z.string().ip()",
    output: {
      anyOf: [
        { type: "STRING", description: "Constraints: must be an IPv4 address." },
        { type: "STRING", description: "Constraints: must be an IPv6 address." },
      ],
    },
    report: [
      note([0], "format", "moved-to-description", "must be an IPv4 address"),
      note([1], "format", "moved-to-description", "must be an IPv6 address"),
    ],
  },
  {
    family: "strings",
    zod4: "z.iso.time()",
    output: { type: "STRING", pattern: "^(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?$" },
    notes: 'Zod 4 writes a time as a pattern alone. (Zod 3\'s `.time()` is `format: "time"`, described.)',
  },
  {
    family: "strings",
    zod4: "z.templateLiteral(['id-', z.int()])",
    output: { type: "STRING", pattern: "^id--?\\d+$" },
  },
  {
    family: "strings",
    zod4: "z.string().meta({ contentMediaType: 'text/html' })",
    output: { type: "STRING" },
    report: [
      note(
        [],
        "contentMediaType",
        "dropped",
        "the keyword `contentMediaType` has no Gemini form; Zod still enforces it",
      ),
    ],
    notes: "Any keyword the converter has no form for is left out and reported, never silently.",
  },

  // ---- numbers and bounds ----
  { family: "numbers", zod4: "z.number()", zod3: "same", output: { type: "NUMBER" } },
  {
    family: "numbers",
    zod4: "z.number().min(0).max(100)",
    zod3: "same",
    output: { type: "NUMBER", minimum: 0, maximum: 100 },
  },
  {
    family: "numbers",
    zod4: "z.number().gt(0).lt(1)",
    zod3: "same",
    output: {
      type: "NUMBER",
      minimum: 0,
      maximum: 1,
      description: "Constraints: must be greater than 0; must be less than 1.",
    },
    report: [
      note([], "exclusiveMinimum", "moved-to-description", "must be greater than 0"),
      note([], "exclusiveMaximum", "moved-to-description", "must be less than 1"),
    ],
    notes:
      "Gemini has no exclusive bounds: the inclusive bound is sent, the strictness described; Zod still rejects 0 and 1.",
  },
  {
    family: "numbers",
    zod4: "z.int()",
    zod3: "z.number().int()",
    output: { type: "INTEGER" },
    notes: "Zod 4's safe-integer bounds are left out (they are not the user's constraint).",
  },
  {
    family: "numbers",
    zod4: "z.int().min(1).max(10)",
    zod3: "z.number().int().min(1).max(10)",
    output: { type: "INTEGER", minimum: 1, maximum: 10 },
  },
  {
    family: "numbers",
    zod4: "z.int().gt(0).lt(10)",
    zod3: "z.number().int().gt(0).lt(10)",
    output: { type: "INTEGER", minimum: 1, maximum: 9 },
    notes: "Exact for integers.",
  },
  {
    family: "numbers",
    zod4: "z.int32()",
    output: { type: "INTEGER", minimum: -2147483648, maximum: 2147483647 },
  },
  {
    family: "numbers",
    zod4: "z.float64()",
    output: { type: "NUMBER" },
    notes: "Its ±`Number.MAX_VALUE` bounds admit every double.",
  },
  {
    family: "numbers",
    zod4: "z.number().multipleOf(0.5)",
    zod3: "same",
    output: { type: "NUMBER", description: "Constraints: must be a multiple of 0.5." },
    report: [note([], "multipleOf", "moved-to-description", "must be a multiple of 0.5")],
  },

  // ---- enums and literals ----
  { family: "enums", zod4: "z.boolean()", zod3: "same", output: { type: "BOOLEAN" } },
  {
    family: "enums",
    zod4: "z.enum(['c', 'f'])",
    zod3: "same",
    output: { type: "STRING", enum: ["c", "f"] },
  },
  {
    family: "enums",
    zod4: "z.enum(Color)",
    zod3: "z.nativeEnum(Color)",
    output: { type: "STRING", enum: ["red", "green"] },
  },
  {
    family: "enums",
    zod4: "z.literal('metric')",
    zod3: "same",
    output: { type: "STRING", enum: ["metric"] },
  },
  {
    family: "enums",
    zod4: "z.enum(Level)",
    zod3: "z.nativeEnum(Level)",
    output: { type: "STRING", enum: ["1", "2"] },
    report: [
      note([], "enum", "encoded", 'non-string values are sent as strings ("1", "2") and decoded back'),
    ],
    decodes: [{ wire: "2", value: Level.High }],
    notes: "Gemini enums are strings only (numbers earn a 400).",
  },
  {
    family: "enums",
    zod4: "z.literal(3)",
    zod3: "same",
    output: { type: "STRING", enum: ["3"] },
    report: [note([], "enum", "encoded", 'non-string values are sent as strings ("3") and decoded back')],
    decodes: [{ wire: "3", value: 3 }],
  },
  {
    family: "enums",
    zod4: "z.literal(true)",
    zod3: "same",
    output: { type: "STRING", enum: ["true"] },
    report: [note([], "enum", "encoded", 'non-string values are sent as strings ("true") and decoded back')],
    decodes: [{ wire: "true", value: true }],
  },
  {
    family: "enums",
    zod4: "z.literal([1, 'auto'])",
    zod3: "z.union([z.literal(1), z.literal('auto')])",
    output: { type: "STRING", enum: ["1", "auto"] },
    report: [
      note([], "enum", "encoded", 'non-string values are sent as strings ("1", "auto") and decoded back'),
    ],
    decodes: [
      { wire: "1", value: 1 },
      { wire: "auto", value: "auto" },
    ],
  },
  {
    family: "enums",
    zod4: "z.literal([1, '1'])",
    zod3: "z.union([z.literal(1), z.literal('1')])",
    error: { code: "enum_collision", path: [] },
    notes: 'Both would be sent as `"1"`: keep one of them.',
  },
  { family: "enums", zod4: "z.null()", zod3: "same", output: { type: "NULL" } },

  // ---- optional, nullable, defaults and descriptions ----
  {
    family: "modifiers",
    zod4: "z.object({ a: z.string().optional(), b: z.string() })",
    zod3: "same",
    output: obj({ a: { type: "STRING" }, b: { type: "STRING" } }, ["b"]),
    notes: "Optional keys are left out of `required`.",
  },
  {
    family: "modifiers",
    zod4: "z.string().nullable()",
    zod3: "same",
    output: { type: "STRING", nullable: true },
    decodes: [{ wire: null, value: null }],
    notes: 'JSON Schema\'s `anyOf [X, null]` and `type: [X, "null"]` both become `nullable`.',
  },
  {
    family: "modifiers",
    zod4: "z.object({ a: z.string() }).nullable()",
    zod3: "same",
    output: { ...obj({ a: { type: "STRING" } }), nullable: true },
  },
  {
    family: "modifiers",
    zod4: "z.object({ n: z.number().nullish() })",
    zod3: "same",
    output: obj({ n: { type: "NUMBER", nullable: true } }, []),
  },
  {
    family: "modifiers",
    zod4: "z.object({ days: z.int().default(3) })",
    zod3: "z.object({ days: z.number().int().default(3) })",
    output: obj({ days: { type: "INTEGER", default: 3 } }, []),
    decodes: [{ wire: {}, value: { days: 3 } }],
    notes: "A key with a default is not required; the default is shown to the model.",
  },
  {
    family: "modifiers",
    zod4: "z.object({ level: z.enum(Level).default(Level.High) })",
    zod3: "z.object({ level: z.nativeEnum(Level).default(Level.High) })",
    output: obj({ level: { type: "STRING", enum: ["1", "2"], default: "2" } }, []),
    report: [
      note(["level"], "enum", "encoded", 'non-string values are sent as strings ("1", "2") and decoded back'),
    ],
    decodes: [
      { wire: {}, value: { level: Level.High } },
      { wire: { level: "1" }, value: { level: Level.Low } },
    ],
    notes: "Defaults are written in wire form.",
  },
  {
    family: "modifiers",
    zod4: "z.number().gt(0).describe('Temperature')",
    zod3: "same",
    output: { type: "NUMBER", minimum: 0, description: "Temperature Constraints: must be greater than 0." },
    report: [note([], "exclusiveMinimum", "moved-to-description", "must be greater than 0")],
    notes: "Your text first, then any converter hint.",
  },
  {
    family: "modifiers",
    zod4: "z.string().meta({ title: 'City', description: 'City name' })",
    output: { type: "STRING", title: "City", description: "City name" },
  },
  {
    family: "modifiers",
    zod4: "z.string().meta({ examples: ['Oslo', 'Paris'] })",
    output: { type: "STRING", example: "Oslo" },
    report: [note([], "examples", "dropped", "Gemini takes one example; the first is kept")],
  },

  // ---- arrays ----
  {
    family: "arrays",
    zod4: "z.array(z.string())",
    zod3: "same",
    output: { type: "ARRAY", items: { type: "STRING" } },
  },
  {
    family: "arrays",
    zod4: "z.array(z.string()).min(1).max(3)",
    zod3: "same",
    output: { type: "ARRAY", items: { type: "STRING" }, minItems: 1, maxItems: 3 },
  },
  {
    family: "arrays",
    zod4: "z.array(z.literal([0, 1]))",
    zod3: "z.array(z.union([z.literal(0), z.literal(1)]))",
    output: { type: "ARRAY", items: { type: "STRING", enum: ["0", "1"] } },
    report: [
      note(["[]"], "enum", "encoded", 'non-string values are sent as strings ("0", "1") and decoded back'),
    ],
    decodes: [{ wire: ["1", "0"], value: [1, 0] }],
  },
  {
    family: "arrays",
    zod4: "z.object({ list: z.array(z.unknown()) })",
    zod3: "same",
    error: { code: "untyped_value", path: ["list", "[]"] },
  },
  {
    family: "arrays",
    zod4: "z.tuple([z.number(), z.number()])",
    zod3: "same",
    error: { code: "tuple", path: [] },
    notes: "Gemini has no positional items: use an object with named fields.",
  },
  {
    family: "arrays",
    zod4: "z.set(z.string())",
    zod3: "same",
    error: { code: "unsupported_type", path: [] },
    notes: "Use `z.array`.",
  },

  // ---- unions ----
  {
    family: "unions",
    zod4: "z.union([z.string(), z.int()])",
    zod3: "z.union([z.string(), z.number().int()])",
    output: { anyOf: [{ type: "STRING" }, { type: "INTEGER" }] },
  },
  {
    family: "unions",
    zod4: "z.union([z.string().min(1), z.number()]).nullable()",
    zod3: "same",
    output: {
      anyOf: [
        { type: "STRING", minLength: 1, nullable: true },
        { type: "NUMBER", nullable: true },
      ],
    },
  },
  {
    family: "unions",
    zod4: "z.discriminatedUnion('kind', [z.object({ kind: z.literal('circle'), r: z.number() }), z.object({ kind: z.literal('square'), side: z.number() })])",
    zod3: "same",
    output: {
      anyOf: [
        obj({ kind: { type: "STRING", enum: ["circle"] }, r: { type: "NUMBER" } }),
        obj({ kind: { type: "STRING", enum: ["square"] }, side: { type: "NUMBER" } }),
      ],
    },
    notes: "Zod 4 writes `oneOf`; with a discriminator the branches exclude each other, so `anyOf` is exact.",
  },
  {
    family: "unions",
    zod4: "z.xor([z.string(), z.number()])",
    output: { anyOf: [{ type: "STRING" }, { type: "NUMBER" }] },
    report: [
      note(
        [],
        "oneOf",
        "dropped",
        "exactly-one-of is offered as any-of; Zod still rejects a value matching several",
      ),
    ],
  },
  {
    family: "unions",
    zod4: "z.union([z.object({ n: z.literal([1, 2]) }), z.object({ at: z.date() })])",
    zod3: "z.union([z.object({ n: z.union([z.literal(1), z.literal(2)]) }), z.object({ at: z.date() })])",
    output: {
      anyOf: [
        obj({ n: { type: "STRING", enum: ["1", "2"] } }),
        obj({ at: { type: "STRING", format: "date-time" } }),
      ],
    },
    report: [
      note([0, "n"], "enum", "encoded", 'non-string values are sent as strings ("1", "2") and decoded back'),
      dateNote([1, "at"]),
    ],
    decodes: [
      { wire: { n: "2" }, value: { n: 2 } },
      { wire: { at: "2025-06-01T12:00:00Z" }, value: { at: new Date("2025-06-01T12:00:00Z") } },
    ],
    notes: "Each value is decoded by the first branch it fits, as a Zod union picks.",
  },
  {
    family: "unions",
    zod4: "z.union([z.array(z.string()).max(1), z.array(z.literal([1, 2])).min(2)])",
    zod3: "z.union([z.array(z.string()).max(1), z.array(z.union([z.literal(1), z.literal(2)])).min(2)])",
    output: {
      anyOf: [
        { type: "ARRAY", items: { type: "STRING" }, maxItems: 1 },
        { type: "ARRAY", items: { type: "STRING", enum: ["1", "2"] }, minItems: 2 },
      ],
    },
    report: [
      note([1, "[]"], "enum", "encoded", 'non-string values are sent as strings ("1", "2") and decoded back'),
    ],
    decodes: [
      { wire: ["1", "2"], value: [1, 2] },
      { wire: ["1"], value: ["1"] },
    ],
    notes: "Item counts decide the branch too (found by the property test).",
  },
  {
    family: "unions",
    zod4: "z.union([z.string(), z.literal(1)])",
    zod3: "same",
    output: { anyOf: [{ type: "STRING" }, { type: "STRING", enum: ["1"] }] },
    report: [
      note([1], "enum", "encoded", 'non-string values are sent as strings ("1") and decoded back'),
      ambiguous([1], 0),
    ],
    decodes: [{ wire: "1", value: "1" }],
    notes: 'The number 1 travels as "1", which the string branch takes first: reported.',
  },
  {
    family: "unions",
    zod4: "z.union([z.date(), z.string()])",
    zod3: "same",
    output: { anyOf: [{ type: "STRING", format: "date-time" }, { type: "STRING" }] },
    report: [dateNote([0]), ambiguous([1], 0)],
    decodes: [
      { wire: "2025-06-01T12:00:00Z", value: new Date("2025-06-01T12:00:00Z") },
      { wire: "soon", value: "soon" },
    ],
    notes: "On the wire both are strings: a date-like string is read as a Date. Reported.",
  },

  // ---- references and recursion ----
  {
    family: "refs",
    zod4: "z.object({ from: Place, to: Place.describe('Destination') })",
    zod3: "same",
    output: obj({
      from: obj({ city: { type: "STRING" } }),
      to: { ...obj({ city: { type: "STRING" } }), description: "Destination" },
    }),
    notes: "`$ref`/`$defs` are inlined at each use; a description on one use stays on that use.",
  },
  {
    family: "refs",
    zod4: "z.object({ root: Category })",
    zod3: "same",
    options: { maxRecursionDepth: 2 },
    output: obj({
      root: obj(
        {
          name: { type: "STRING" },
          sub: { type: "ARRAY", items: obj({ name: { type: "STRING" } }) },
        },
        ["name"],
      ),
    }),
    report: [
      note(
        ["root", "sub", "[]", "sub"],
        "$ref",
        "truncated",
        "recursion deeper than 2 levels: this optional property is left out here",
      ),
    ],
    notes:
      "Unrolled `maxRecursionDepth` levels (default 3; here 2); at the bound an optional property or a union branch is left out.",
  },
  {
    family: "refs",
    zod4: "z.object({ tree: Node })",
    zod3: "same",
    error: { code: "recursion_limit", path: ["tree", "children", "[]", "children", "[]", "children"] },
    notes: "A required recursion cannot stop: make it optional or nullable, or raise `maxRecursionDepth`.",
  },

  // ---- dates, transforms and other wrappers ----
  {
    family: "wrappers",
    zod4: "z.date()",
    zod3: "same",
    output: { type: "STRING", format: "date-time" },
    report: [dateNote([])],
    decodes: [{ wire: "2025-06-01T12:00:00Z", value: new Date("2025-06-01T12:00:00Z") }],
    notes: "Any RFC 3339 date-time with a zone, or a plain date, is decoded before Zod validates.",
  },
  {
    family: "wrappers",
    zod4: "z.coerce.date()",
    zod3: "same",
    output: { type: "STRING", format: "date-time" },
    report: [dateNote([])],
    decodes: [{ wire: "2025-06-01", value: new Date("2025-06-01T00:00:00Z") }],
  },
  {
    family: "wrappers",
    zod4: "z.string().transform((s) => s.length)",
    zod3: "same",
    output: { type: "STRING" },
    decodes: [{ wire: "abc", value: 3 }],
    notes: "The input side: the model writes the input, the transform runs in `parseArgs`.",
  },
  {
    family: "wrappers",
    zod4: "z.string().pipe(z.coerce.number())",
    zod3: "same",
    output: { type: "STRING" },
    decodes: [{ wire: "42", value: 42 }],
  },
  {
    family: "wrappers",
    zod4: "z.preprocess((v) => String(v).trim(), z.string())",
    zod3: "same",
    output: { type: "STRING" },
    decodes: [{ wire: " x ", value: "x" }],
  },
  {
    family: "wrappers",
    zod4: "z.string().brand('CityName')",
    zod3: "same",
    output: { type: "STRING" },
  },
  {
    family: "wrappers",
    zod4: "z.object({ a: z.string() }).readonly()",
    zod3: "same",
    output: obj({ a: { type: "STRING" } }),
  },
  {
    family: "wrappers",
    zod4: "z.string().refine((s) => s !== 'x', 'not x')",
    zod3: "same",
    output: { type: "STRING" },
    notes: "Refinements run in `parseArgs`; their failures are issues with paths.",
  },
  {
    family: "wrappers",
    zod4: "z.object({ unit: z.string().catch('c') })",
    zod3: "same",
    output: obj({ unit: { type: "STRING", default: "c" } }, []),
    decodes: [{ wire: {}, value: { unit: "c" } }],
    notes:
      "A missing value parses to the catch value, so the key is not required and the value is shown as `default`.",
  },

  // ---- failures ----
  {
    family: "failures",
    zod4: "z.object({ a: z.object({ b: z.any() }) })",
    zod3: "same",
    error: { code: "untyped_value", path: ["a", "b"] },
    notes: "Gemini needs a type.",
  },
  { family: "failures", zod4: "z.unknown()", zod3: "same", error: { code: "untyped_value", path: [] } },
  {
    family: "failures",
    zod4: "z.object({ n: z.bigint() })",
    zod3: "same",
    error: { code: "unsupported_type", path: ["n"] },
    notes: "Take a string or an integer and convert it in `execute`.",
  },
  {
    family: "failures",
    zod4: "z.object({ f: z.function() })",
    zod3: "same",
    error: { code: "unsupported_type", path: ["f"] },
  },
  {
    family: "failures",
    zod4: "z.object({ p: z.promise(z.string()) })",
    zod3: "same",
    error: { code: "unsupported_type", path: ["p"] },
  },
  {
    family: "failures",
    zod4: "z.object({ s: z.symbol() })",
    zod3: "same",
    error: { code: "unsupported_type", path: ["s"] },
  },
  {
    family: "failures",
    zod4: "z.object({ u: z.undefined() })",
    zod3: "same",
    error: { code: "unsupported_type", path: ["u"] },
    notes: "Use `.optional()` on the property.",
  },
  {
    family: "failures",
    zod4: "z.object({ v: z.void() })",
    zod3: "same",
    error: { code: "unsupported_type", path: ["v"] },
  },
  {
    family: "failures",
    zod4: "z.object({ n: z.never() })",
    zod3: "same",
    error: { code: "unsupported_type", path: ["n"] },
  },
  {
    family: "failures",
    zod4: "z.object({ n: z.nan() })",
    zod3: "same",
    error: { code: "unsupported_type", path: ["n"] },
  },
  {
    family: "failures",
    zod4: "z.object({ c: z.custom() })",
    error: { code: "unsupported_type", path: ["c"] },
    notes: "Zod 3's `z.custom()` is `z.any()` to its generator: `untyped_value`.",
  },
  {
    family: "failures",
    zod4: "z.string().meta({ not: { const: 'x' } })",
    error: { code: "unsupported_keyword", path: [] },
    notes: "JSON Schema `not`, `if`/`then`/`else`, `patternProperties`, `contains` have no Gemini form.",
  },
  {
    family: "failures",
    zod4: "z.string()",
    zod3: "same",
    as: "parameters",
    error: { code: "invalid_schema", path: [] },
    notes: "Tool parameters must be a Zod object (a structured-output schema may be anything).",
  },
];

/** The Zod 3 code of a case (`"same"` means the Zod 4 code reads the same with `zod/v3`). */
export function zod3Code(entry: ConversionCase): string | undefined {
  return entry.zod3 === "same" ? entry.zod4 : entry.zod3;
}
