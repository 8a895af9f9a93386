// Arrays: `items` plus `minItems`/`maxItems`. Tuples (positional items) have no Gemini form, and
// an array without an item schema gives Gemini no type to offer.
import type { Schema } from "@signet/provider";
import {
  type ConversionContext,
  dropUnhandled,
  moveToDescription,
  type Result,
  TRUNCATED,
} from "./conversion-context.js";
import { finiteNumber, type JsonSchemaNode } from "./json-schema-node.js";
import { ITEMS_SEGMENT, type SchemaPath } from "./schema-path.js";

export function convertArray(ctx: ConversionContext, node: JsonSchemaNode, path: SchemaPath): Result {
  if (Array.isArray(node.prefixItems) || Array.isArray(node.items)) {
    return ctx.fail("tuple", path, "tuples have no Gemini form; use an object with named fields, or z.array");
  }
  if (node.items === undefined) {
    return ctx.fail(
      "untyped_value",
      path,
      "an array needs an item schema for Gemini; give z.array a concrete item type",
    );
  }
  const items = ctx.convert(node.items, [...path, ITEMS_SEGMENT]);
  // The array stands or falls with its items: an optional array property is left out at the bound.
  if (items === TRUNCATED) return TRUNCATED;
  const schema: Schema = { type: "ARRAY", items: items.schema };
  const minItems = finiteNumber(node.minItems);
  const maxItems = finiteNumber(node.maxItems);
  if (minItems !== undefined && minItems > 0) schema.minItems = minItems;
  if (maxItems !== undefined) schema.maxItems = maxItems;
  if (node.uniqueItems === true) moveToDescription(ctx, schema, path, "uniqueItems", "items must be unique");
  dropUnhandled(ctx, node, ["type", "items", "minItems", "maxItems", "uniqueItems"], path);
  return { schema, codec: items.codec === undefined ? undefined : { kind: "array", items: items.codec } };
}
