// Annotations any node may carry (title, description, default, examples), applied after its
// type-specific conversion so a converter hint and the user's own text end up together.
import type { ConversionContext, Converted } from "./conversion-context.js";
import type { JsonSchemaNode } from "./json-schema-node.js";
import type { SchemaPath } from "./schema-path.js";
import { encodeWire } from "./wire-codec.js";

export function annotate(
  ctx: ConversionContext,
  node: JsonSchemaNode,
  result: Converted,
  path: SchemaPath,
): void {
  const schema = result.schema;
  if (typeof node.title === "string") schema.title = node.title;
  if (typeof node.description === "string") {
    // The user's text first: it says what the field is; a "Constraints: ..." hint follows.
    schema.description = schema.description ? `${node.description} ${schema.description}` : node.description;
  }
  if (node.default !== undefined) {
    // Defaults and examples are shown in wire form: a numeric-enum default `2` is written "2".
    const encoded = encodeWire(node.default, result.codec);
    if (encoded !== undefined) schema.default = encoded;
  }
  if (Array.isArray(node.examples) && node.examples.length > 0) {
    schema.example = encodeWire(node.examples[0], result.codec);
    if (node.examples.length > 1)
      ctx.note(path, "examples", "dropped", "Gemini takes one example; the first is kept");
  }
}
