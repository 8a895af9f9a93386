// Step 2 of the conversion: JSON Schema (as Zod's generators write it) to the Gemini `Schema`
// subset, with uppercase types. One converter serves Zod 4, Zod 3, tool parameters and
// `responseSchema`. This file only dispatches; each construct family has its own file, and each
// keyword is carried over, rewritten into an equivalent form, described (reported), or refused.

import type { Schema } from "@signet/provider";
import {
  type ConversionContext,
  type Converted,
  leaf,
  type Result,
  SILENT_KEYWORDS,
  TRUNCATED,
} from "./conversion-context.js";
import type { ConversionAction, ConversionNote } from "./conversion-report.js";
import { convertArray } from "./convert-arrays.js";
import { convertEnum } from "./convert-enums.js";
import { isPatternList, mergeObjectIntersection } from "./convert-intersections.js";
import { convertNumber } from "./convert-numbers.js";
import { convertObject } from "./convert-objects.js";
import { convertRef, resolvePointer } from "./convert-refs.js";
import { convertString } from "./convert-strings.js";
import { convertTypeArray, convertUnion } from "./convert-unions.js";
import { isNode, type JsonSchemaNode, type JsonType } from "./json-schema-node.js";
import { annotate } from "./schema-annotations.js";
import { type SchemaConversionCode, SchemaConversionError, type SchemaProblem } from "./schema-errors.js";
import type { SchemaPath } from "./schema-path.js";
import type { WireCodec } from "./wire-codec.js";

export interface GeminiConversionOptions {
  /**
   * How many times a recursive schema may nest inside itself before the converter stops
   * unrolling it. At the bound an optional property or a union branch is left out (reported);
   * anything else is a `recursion_limit` error. Default 3.
   */
  maxRecursionDepth?: number;
}

export interface GeminiConversion {
  /** Undefined only for an object with no properties (a function without arguments). */
  schema: Schema | undefined;
  codec: WireCodec | undefined;
  notes: ConversionNote[];
}

export const DEFAULT_MAX_RECURSION_DEPTH = 3;

/** Keywords with no Gemini form and no faithful rewrite: refused rather than dropped. */
const REFUSED_KEYWORDS = [
  "not",
  "if",
  "then",
  "else",
  "dependentSchemas",
  "dependentRequired",
  "patternProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contains",
];

const UNTYPED_MESSAGE =
  "z.any()/z.unknown() (or a schema without a type) has no Gemini form: Gemini needs a type; give the value a concrete schema";

export function jsonSchemaToGemini(
  root: JsonSchemaNode,
  options: GeminiConversionOptions = {},
): GeminiConversion {
  const isEmptyObject =
    root.type === "object" &&
    Object.keys(isNode(root.properties) ? root.properties : {}).length === 0 &&
    (root.additionalProperties === undefined || root.additionalProperties === false) &&
    root.propertyNames === undefined;
  if (isEmptyObject) return { schema: undefined, codec: undefined, notes: [] };
  const dispatcher = new Dispatcher(root, options.maxRecursionDepth ?? DEFAULT_MAX_RECURSION_DEPTH);
  const result = dispatcher.convert(root, []);
  const [first, ...rest] = dispatcher.problems;
  if (first !== undefined) throw new SchemaConversionError([first, ...rest]);
  if (result === TRUNCATED) {
    throw new SchemaConversionError([
      {
        code: "recursion_limit",
        path: [],
        message: `every branch of the schema recurses deeper than ${dispatcher.maxDepth} levels; give the recursion an end (an optional or nullable field, a non-recursive branch) or raise maxRecursionDepth`,
      },
    ]);
  }
  return { schema: result.schema, codec: result.codec, notes: dispatcher.notes };
}

class Dispatcher implements ConversionContext {
  readonly notes: ConversionNote[] = [];
  readonly problems: SchemaProblem[] = [];
  /** How many times each node is being expanded on the current path (the recursion bound). */
  private readonly active = new Map<JsonSchemaNode, number>();

  constructor(
    private readonly root: JsonSchemaNode,
    readonly maxDepth: number,
  ) {}

  fail(code: SchemaConversionCode, path: SchemaPath, message: string): Converted {
    this.problems.push({ code, path, message });
    return { schema: { type: "STRING" }, codec: undefined };
  }

  note(path: SchemaPath, constraint: string, action: ConversionAction, message: string): void {
    this.notes.push({ path, constraint, action, message });
  }

  resolve(ref: string): JsonSchemaNode | undefined {
    return resolvePointer(this.root, ref);
  }

  convert(input: unknown, path: SchemaPath): Result {
    if (input === true || (isNode(input) && isUntyped(input)))
      return this.fail("untyped_value", path, UNTYPED_MESSAGE);
    if (!isNode(input)) {
      return this.fail(
        "unsupported_keyword",
        path,
        "a schema that accepts nothing (`false`) has no Gemini form",
      );
    }
    if (typeof input.$ref === "string") return convertRef(this, input, input.$ref, path);
    const count = this.active.get(input) ?? 0;
    if (count >= this.maxDepth) return TRUNCATED;
    this.active.set(input, count + 1);
    try {
      const result = this.dispatch(input, path);
      if (result !== TRUNCATED) annotate(this, input, result, path);
      return result;
    } finally {
      if (count === 0) this.active.delete(input);
      else this.active.set(input, count);
    }
  }

  private dispatch(node: JsonSchemaNode, path: SchemaPath): Result {
    const refused = REFUSED_KEYWORDS.find((keyword) => node[keyword] !== undefined);
    if (refused !== undefined) {
      return this.fail(
        "unsupported_keyword",
        path,
        `the JSON Schema keyword \`${refused}\` has no Gemini form`,
      );
    }
    if (Array.isArray(node.allOf) && !isPatternList(node)) {
      const merged = mergeObjectIntersection(this, node, path);
      if (merged === undefined) {
        return this.fail(
          "unsupported_keyword",
          path,
          "an intersection (`allOf`) that is not of plain objects has no Gemini form",
        );
      }
      return this.convert(merged, path);
    }
    if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) return convertUnion(this, node, path);
    if (node.enum !== undefined || node.const !== undefined) return convertEnum(this, node, path);
    if (Array.isArray(node.type)) return convertTypeArray(this, node, node.type as JsonType[], path);
    switch (node.type) {
      case "string":
        return convertString(this, node, path);
      case "number":
      case "integer":
        return convertNumber(this, node, node.type, path);
      case "boolean":
        return leaf(this, node, "BOOLEAN", path);
      case "null":
        return leaf(this, node, "NULL", path);
      case "array":
        return convertArray(this, node, path);
      case "object":
        return convertObject(this, node, path);
      default:
        if (node.properties !== undefined) return convertObject(this, node, path);
        return this.fail("untyped_value", path, UNTYPED_MESSAGE);
    }
  }
}

/** `{}` or only annotations: what z.any()/z.unknown() become. */
function isUntyped(node: JsonSchemaNode): boolean {
  return Object.keys(node).every((k) => SILENT_KEYWORDS.has(k) || k === "description" || k === "title");
}
