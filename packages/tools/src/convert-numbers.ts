// Numbers and integers: bounds carried as `minimum`/`maximum`. Gemini has no exclusive bounds:
// on integers they become exact inclusive ones; on numbers the inclusive bound is sent and the
// strictness is described. Bounds that only restate the type (safe integers, every double) go.
import type { Schema, SchemaType } from "@signet/provider";
import {
  type ConversionContext,
  type Converted,
  dropUnhandled,
  moveToDescription,
} from "./conversion-context.js";
import { finiteNumber, type JsonSchemaNode } from "./json-schema-node.js";
import type { SchemaPath } from "./schema-path.js";

/** Number formats the API accepts per type. */
const GEMINI_NUMBER_FORMATS: Partial<Record<SchemaType, readonly string[]>> = {
  NUMBER: ["float", "double"],
  INTEGER: ["int32", "int64"],
};

/** Zod 4 bounds every `z.int()` by the safe-integer range; that is not the user's constraint. */
const SAFE_MAX = Number.MAX_SAFE_INTEGER;

export function convertNumber(
  ctx: ConversionContext,
  node: JsonSchemaNode,
  jsonType: "number" | "integer",
  path: SchemaPath,
): Converted {
  const isInt = jsonType === "integer";
  const schema: Schema = { type: isInt ? "INTEGER" : "NUMBER" };
  let minimum = finiteNumber(node.minimum);
  let maximum = finiteNumber(node.maximum);
  if (isInt && minimum === -SAFE_MAX) minimum = undefined;
  if (isInt && maximum === SAFE_MAX) maximum = undefined;
  // z.float64()'s bounds admit every finite double: nothing to tell the model.
  if (minimum === -Number.MAX_VALUE) minimum = undefined;
  if (maximum === Number.MAX_VALUE) maximum = undefined;
  const exclusiveMinimum = finiteNumber(node.exclusiveMinimum);
  const exclusiveMaximum = finiteNumber(node.exclusiveMaximum);
  if (exclusiveMinimum !== undefined && (minimum === undefined || exclusiveMinimum >= minimum)) {
    if (isInt) minimum = Math.floor(exclusiveMinimum) + 1;
    else {
      minimum = exclusiveMinimum;
      moveToDescription(ctx, schema, path, "exclusiveMinimum", `must be greater than ${exclusiveMinimum}`);
    }
  }
  if (exclusiveMaximum !== undefined && (maximum === undefined || exclusiveMaximum <= maximum)) {
    if (isInt) maximum = Math.ceil(exclusiveMaximum) - 1;
    else {
      maximum = exclusiveMaximum;
      moveToDescription(ctx, schema, path, "exclusiveMaximum", `must be less than ${exclusiveMaximum}`);
    }
  }
  if (minimum !== undefined) schema.minimum = minimum;
  if (maximum !== undefined) schema.maximum = maximum;
  const multipleOf = finiteNumber(node.multipleOf);
  if (multipleOf !== undefined && !(isInt && multipleOf === 1)) {
    moveToDescription(ctx, schema, path, "multipleOf", `must be a multiple of ${multipleOf}`);
  }
  if (typeof node.format === "string") {
    const allowed = GEMINI_NUMBER_FORMATS[schema.type as SchemaType] ?? [];
    if (allowed.includes(node.format)) schema.format = node.format;
    else if (node.format !== "safeint") {
      ctx.note(
        path,
        "format",
        "dropped",
        `number format "${node.format}" has no Gemini form; its bounds are kept`,
      );
    }
  }
  dropUnhandled(
    ctx,
    node,
    ["type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"],
    path,
  );
  return { schema, codec: undefined };
}
