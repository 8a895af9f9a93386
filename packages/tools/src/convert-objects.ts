// Objects: `properties`, `required`, and `propertyOrdering` in declaration order (Gemini otherwise
// orders keys alphabetically). Free keys (records, maps, catchalls) have no Gemini form; a record
// over a finite key set is exactly an object with those keys. Gemini refuses an empty OBJECT.
import type { Schema } from "@signet/provider";
import { type ConversionContext, type Converted, dropUnhandled, TRUNCATED } from "./conversion-context.js";
import { finiteNumber, isNode, type JsonSchemaNode } from "./json-schema-node.js";
import type { SchemaPath } from "./schema-path.js";
import type { WireCodec } from "./wire-codec.js";

export function convertObject(ctx: ConversionContext, node: JsonSchemaNode, path: SchemaPath): Converted {
  const props: Record<string, unknown> = isNode(node.properties) ? { ...node.properties } : {};
  const additional = node.additionalProperties;
  const freeValue = isNode(additional) && Object.keys(additional).length > 0;
  const keyEnum =
    isNode(node.propertyNames) && Array.isArray(node.propertyNames.enum)
      ? node.propertyNames.enum
      : undefined;

  if (keyEnum !== undefined && freeValue) {
    // z.record(z.enum([...]), V): every listed key, each with V.
    for (const key of keyEnum) if (typeof key === "string" && !(key in props)) props[key] = additional;
  } else if (freeValue || node.propertyNames !== undefined) {
    return ctx.fail(
      "free_keys",
      path,
      "records, maps and catchall objects have keys Gemini cannot describe; list the keys with z.object, use z.record(z.enum([...]), V), or take an array of {key, value} objects",
    );
  } else if (additional === true || (isNode(additional) && !freeValue)) {
    ctx.note(
      path,
      "additionalProperties",
      "dropped",
      "extra keys the schema allows (loose/passthrough) are not offered to the model",
    );
  }
  if (Object.keys(props).length === 0) {
    return ctx.fail(
      "empty_object",
      path,
      "Gemini refuses an OBJECT without properties; remove the field or give the object at least one property",
    );
  }

  const declared = Array.isArray(node.required) ? (node.required as string[]) : [];
  const properties: Record<string, Schema> = {};
  const codecs = new Map<string, WireCodec>();
  for (const [key, value] of Object.entries(props)) {
    const result = ctx.convert(value, [...path, key]);
    if (result === TRUNCATED) {
      if (declared.includes(key)) {
        ctx.fail(
          "recursion_limit",
          [...path, key],
          `the schema recurses deeper than ${ctx.maxDepth} levels through a required property; make it optional or nullable, or raise maxRecursionDepth`,
        );
      } else {
        ctx.note(
          [...path, key],
          "$ref",
          "truncated",
          `recursion deeper than ${ctx.maxDepth} levels: this optional property is left out here`,
        );
      }
      continue;
    }
    properties[key] = result.schema;
    if (result.codec !== undefined) codecs.set(key, result.codec);
  }
  const schema: Schema = { type: "OBJECT", properties, propertyOrdering: Object.keys(properties) };
  const required = declared.filter((key) => key in properties);
  if (required.length > 0) schema.required = required;
  const minProperties = finiteNumber(node.minProperties);
  const maxProperties = finiteNumber(node.maxProperties);
  if (minProperties !== undefined) schema.minProperties = minProperties;
  if (maxProperties !== undefined) schema.maxProperties = maxProperties;
  dropUnhandled(
    ctx,
    node,
    ["type", "properties", "required", "propertyNames", "minProperties", "maxProperties"],
    path,
  );
  return { schema, codec: codecs.size > 0 ? { kind: "object", properties: codecs } : undefined };
}
