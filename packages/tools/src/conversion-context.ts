// What every construct converter shares: the recursion back into the dispatcher, the report, the
// problem list, and the rule that no keyword disappears without a note.
import type { Schema, SchemaType } from "@signet/provider";
import type { ConversionAction } from "./conversion-report.js";
import { CODEC_KEYWORD, type JsonSchemaNode, REGEX_FLAGS_KEYWORD } from "./json-schema-node.js";
import type { SchemaConversionCode } from "./schema-errors.js";
import type { SchemaPath } from "./schema-path.js";
import type { WireCodec } from "./wire-codec.js";

/** A converted node: the Gemini schema, and how to decode its wire value (undefined: as is). */
export type Converted = { schema: Schema; codec: WireCodec | undefined };

/** A recursive node at the depth bound: the caller leaves it out (optional) or fails (required). */
export const TRUNCATED: unique symbol = Symbol("truncated");
export type Result = Converted | typeof TRUNCATED;

export interface ConversionContext {
  /** How many times a recursive schema may nest inside itself. */
  readonly maxDepth: number;
  /** Converts a sub-schema through the dispatcher. */
  convert(input: unknown, path: SchemaPath): Result;
  /** A local `$ref` (`#/$defs/Place`) into the root document. */
  resolve(ref: string): JsonSchemaNode | undefined;
  /** Records a problem; the conversion throws once, listing all of them. Returns a placeholder. */
  fail(code: SchemaConversionCode, path: SchemaPath, message: string): Converted;
  note(path: SchemaPath, constraint: string, action: ConversionAction, message: string): void;
}

/** Keywords with no meaning for a model or for validation: left out without a note. */
export const SILENT_KEYWORDS: ReadonlySet<string> = new Set([
  "$schema",
  "$id",
  "$comment",
  "$anchor",
  "readOnly",
  "writeOnly",
  "deprecated",
  "id",
]);

/** Handled for every node by `annotate` or by the dispatcher, whatever the type. */
const ANNOTATIONS: ReadonlySet<string> = new Set([
  "description",
  "title",
  "default",
  "examples",
  "enum",
  "const",
  CODEC_KEYWORD,
  REGEX_FLAGS_KEYWORD,
  "$defs",
  "definitions",
  "additionalProperties",
]);

/** Notes every keyword of `node` outside `handled` (and the annotations) as dropped. */
export function dropUnhandled(
  ctx: ConversionContext,
  node: JsonSchemaNode,
  handled: readonly string[],
  path: SchemaPath,
): void {
  for (const key of Object.keys(node)) {
    if (handled.includes(key) || ANNOTATIONS.has(key) || SILENT_KEYWORDS.has(key)) continue;
    ctx.note(path, key, "dropped", `the keyword \`${key}\` has no Gemini form; Zod still enforces it`);
  }
}

/** A type with no keywords of its own (BOOLEAN, NULL): anything else on the node is noted. */
export function leaf(
  ctx: ConversionContext,
  node: JsonSchemaNode,
  type: SchemaType,
  path: SchemaPath,
): Converted {
  dropUnhandled(ctx, node, ["type"], path);
  return { schema: { type }, codec: undefined };
}

const HINT_PREFIX = "Constraints: ";

/** States a constraint Gemini cannot carry in the description (so the model still reads it), and reports it. */
export function moveToDescription(
  ctx: ConversionContext,
  schema: Schema,
  path: SchemaPath,
  constraint: string,
  hint: string,
): void {
  schema.description = schema.description?.startsWith(HINT_PREFIX)
    ? `${schema.description.slice(0, -1)}; ${hint}.`
    : `${HINT_PREFIX}${hint}.`;
  ctx.note(path, constraint, "moved-to-description", hint);
}
