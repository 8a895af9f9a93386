// Enums and literals. Gemini enums are strings on a STRING schema, so every value travels as its
// string form; numbers and booleans get a codec that turns "2" back into 2 before Zod validates.
// `null` among the values is `nullable`. Two values with the same string form cannot be told apart.
import type { Schema } from "@signet/provider";
import { type ConversionContext, type Converted, dropUnhandled } from "./conversion-context.js";
import { type JsonSchemaNode, TYPE_KEYWORDS } from "./json-schema-node.js";
import type { SchemaPath } from "./schema-path.js";
import type { EnumLiteral } from "./wire-codec.js";

export function convertEnum(ctx: ConversionContext, node: JsonSchemaNode, path: SchemaPath): Converted {
  const values: unknown[] = Array.isArray(node.enum) ? [...node.enum] : [node.const];
  if (Array.isArray(node.enum) && node.const !== undefined) values.push(node.const);
  let nullable = false;
  const literals: EnumLiteral[] = [];
  for (const value of values) {
    if (value === null) nullable = true;
    else if (
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value))
    ) {
      if (!literals.some((l) => Object.is(l, value))) literals.push(value);
    } else {
      return ctx.fail(
        "unsupported_keyword",
        path,
        `the enum value ${JSON.stringify(value)} is not a string, number or boolean`,
      );
    }
  }
  dropUnhandled(ctx, node, ["type", ...TYPE_KEYWORDS.string], path);
  if (literals.length === 0) return { schema: { type: "NULL" }, codec: undefined };
  const wire = literals.map((l) => String(l));
  const fromWire = new Map<string, EnumLiteral>();
  for (const [i, w] of wire.entries()) {
    const other = fromWire.get(w);
    if (other !== undefined) {
      return ctx.fail(
        "enum_collision",
        path,
        `the values ${JSON.stringify(other)} and ${JSON.stringify(literals[i])} both become "${w}" (Gemini enums are strings); keep one of them`,
      );
    }
    fromWire.set(w, literals[i] as EnumLiteral);
  }
  const schema: Schema = { type: "STRING", enum: wire };
  if (nullable) schema.nullable = true;
  if (literals.every((l) => typeof l === "string")) return { schema, codec: undefined };
  ctx.note(
    path,
    "enum",
    "encoded",
    `non-string values are sent as strings (${wire.map((w) => `"${w}"`).join(", ")}) and decoded back`,
  );
  return { schema, codec: { kind: "enum", fromWire } };
}
