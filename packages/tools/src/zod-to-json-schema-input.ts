// Step 1 of the conversion: a Zod schema (Zod 4, or Zod 3 through `zod/v3`) to plain JSON Schema,
// using each version's own generator. We describe the *input* side (what the model must send:
// before transforms, pipes, defaults), mark what `parseArgs` must decode (`z.date()`), and
// collect every type with no JSON form, with its path, instead of letting it become `{}`.

import type { ZodTypeAny as Zod3Type } from "zod/v3";
import * as z4 from "zod/v4/core";
import { ignoreOverride, zodToJsonSchema } from "zod-to-json-schema";
import { CODEC_KEYWORD, type JsonSchemaNode, REGEX_FLAGS_KEYWORD } from "./json-schema-node.js";
import { SchemaConversionError, type SchemaProblem } from "./schema-errors.js";
import { schemaPathFromJsonPath } from "./schema-path.js";

export type AnyZodSchema = z4.$ZodType | Zod3Type;

export function isZod4Schema(value: unknown): value is z4.$ZodType {
  return typeof value === "object" && value !== null && "_zod" in value;
}

export function isZod3Schema(value: unknown): value is Zod3Type {
  return (
    typeof value === "object" &&
    value !== null &&
    !("_zod" in value) &&
    "_def" in value &&
    typeof (value as { safeParse?: unknown }).safeParse === "function"
  );
}

const UNSUPPORTED: Record<string, string> = {
  bigint: "bigint has no JSON form; take a string or an integer and convert it in execute",
  symbol: "symbols have no JSON form",
  undefined: "undefined has no JSON form; use .optional() on the property instead",
  void: "void has no JSON form; use .optional() on the property instead",
  never: "never accepts no value; remove the property",
  map: "a Map has free keys; use z.object with the keys listed, or an array of {key, value} objects",
  set: "a Set has no Gemini form; use z.array",
  function: "functions cannot be sent by a model",
  promise: "promises cannot be sent by a model; use the value's own schema",
  nan: "NaN has no JSON form",
  custom: "z.custom/z.instanceof has no JSON form; use a concrete schema",
  file: "files cannot be sent as function arguments",
};

const UNSUPPORTED_V3: Record<string, string> = {
  ZodBigInt: UNSUPPORTED.bigint!,
  ZodSymbol: UNSUPPORTED.symbol!,
  ZodUndefined: UNSUPPORTED.undefined!,
  ZodVoid: UNSUPPORTED.void!,
  ZodNever: UNSUPPORTED.never!,
  ZodMap: UNSUPPORTED.map!,
  ZodSet: UNSUPPORTED.set!,
  ZodFunction: UNSUPPORTED.function!,
  ZodPromise: UNSUPPORTED.promise!,
  ZodNaN: UNSUPPORTED.nan!,
};

const DATE_NODE = { type: "string", format: "date-time", [CODEC_KEYWORD]: "date" } as const;

/** The JSON Schema of `schema`'s input side, with Signet's markers. Throws `SchemaConversionError`. */
export function zodToJsonSchemaInput(schema: unknown): JsonSchemaNode {
  if (isZod4Schema(schema)) return fromZod4(schema);
  if (isZod3Schema(schema)) return fromZod3(schema);
  throw new SchemaConversionError([
    {
      code: "invalid_schema",
      path: [],
      message: "expected a Zod schema (from `zod` 4, or `zod/v3`)",
    },
  ]);
}

function fromZod4(schema: z4.$ZodType): JsonSchemaNode {
  const found: { jsonPath: string; problem: SchemaProblem }[] = [];
  const json = z4.toJSONSchema(schema, {
    target: "draft-2020-12",
    // The model writes the input: before transforms and pipes, defaults optional.
    io: "input",
    // Collect every unrepresentable type with its path instead of stopping at the first without one.
    unrepresentable: "any",
    // Recursive schemas become `$ref`s, which the Gemini converter unrolls to a bound.
    cycles: "ref",
    reused: "inline",
    override: ({ zodSchema, jsonSchema, path }) => {
      const node = jsonSchema as JsonSchemaNode;
      const def = zodSchema._zod.def;
      if (def.type === "date") {
        Object.assign(node, DATE_NODE);
        return;
      }
      const reason = UNSUPPORTED[def.type];
      if (reason !== undefined) {
        found.push({
          jsonPath: JSON.stringify(path),
          problem: { code: "unsupported_type", path: schemaPathFromJsonPath(path), message: reason },
        });
        return;
      }
      if (def.type === "string") markFlaggedRegexes(node, zod4RegexChecks(zodSchema));
    },
  });
  if (found.length > 0) {
    // Zod visits siblings in no useful order: report problems in declaration order.
    const order = documentOrder(json);
    found.sort((a, b) => (order.get(a.jsonPath) ?? 0) - (order.get(b.jsonPath) ?? 0));
    throwIfAny(found.map((f) => f.problem));
  }
  return json as JsonSchemaNode;
}

/** Each location of a JSON document (as a JSON-encoded path) with its position in document order. */
function documentOrder(root: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (value: unknown, path: (string | number)[]): void => {
    order.set(JSON.stringify(path), order.size);
    if (typeof value !== "object" || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      visit(child, [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  visit(root, []);
  return order;
}

function zod4RegexChecks(schema: z4.$ZodType): RegExp[] {
  const checks = (schema._zod.def as { checks?: z4.$ZodCheck[] }).checks ?? [];
  const out: RegExp[] = [];
  for (const check of checks) {
    const def = check._zod.def as { check: string; format?: string; pattern?: RegExp };
    if (def.check === "string_format" && def.format === "regex" && def.pattern instanceof RegExp) {
      out.push(def.pattern);
    }
  }
  return out;
}

function markFlaggedRegexes(node: JsonSchemaNode, regexes: RegExp[]): void {
  const flagged: Record<string, string> = {};
  let any = false;
  for (const regex of regexes) {
    // `g` and `y` change nothing for a single test of a whole string; the others change meaning.
    const flags = regex.flags.replace(/[gyd]/g, "");
    if (flags !== "") {
      flagged[regex.source] = flags;
      any = true;
    }
  }
  if (any) node[REGEX_FLAGS_KEYWORD] = flagged;
}

function fromZod3(schema: Zod3Type): JsonSchemaNode {
  const problems: SchemaProblem[] = [];
  const json = zodToJsonSchema(schema, {
    target: "jsonSchema7",
    $refStrategy: "root",
    effectStrategy: "input",
    pipeStrategy: "input",
    override: (def, refs) => {
      const typeName = (def as { typeName?: string }).typeName ?? "";
      if (typeName === "ZodDate") return { ...DATE_NODE } as never;
      const reason = UNSUPPORTED_V3[typeName];
      if (reason !== undefined) {
        problems.push({
          code: "unsupported_type",
          path: schemaPathFromJsonPath(refs.currentPath),
          message: reason,
        });
        return {} as never;
      }
      return ignoreOverride;
    },
    postProcess: (jsonSchema, def) => {
      const d = def as { typeName?: string; checks?: { kind: string; regex?: RegExp }[] };
      if (jsonSchema !== undefined && d.typeName === "ZodString" && d.checks) {
        const regexes = d.checks.flatMap((c) => (c.kind === "regex" && c.regex ? [c.regex] : []));
        markFlaggedRegexes(jsonSchema as JsonSchemaNode, regexes);
      }
      return jsonSchema;
    },
  });
  throwIfAny(problems);
  return json as JsonSchemaNode;
}

function throwIfAny(problems: SchemaProblem[]): void {
  const [first, ...rest] = problems;
  if (first !== undefined) throw new SchemaConversionError([first, ...rest]);
}
