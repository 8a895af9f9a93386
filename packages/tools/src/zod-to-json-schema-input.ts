// Step 1 of the conversion: a Zod schema (Zod 4, or Zod 3 through `zod/v3`) to plain JSON Schema,
// using each version's own generator. It describes the *input* side (what the model must send:
// before transforms, pipes, defaults), marks what `parseArgs` must decode (`z.date()`), and
// collects every type with no JSON form, with its path, instead of letting it become `{}`.
import type { JsonSchemaNode } from "./json-schema-node.js";
import { SchemaConversionError } from "./schema-errors.js";
import { isZod3Schema, isZod4Schema } from "./zod-schema-kind.js";
import { zod3ToJsonSchema } from "./zod3-json-schema.js";
import { zod4ToJsonSchema } from "./zod4-json-schema.js";

/** The JSON Schema of `schema`'s input side, with Signet's markers. Throws `SchemaConversionError`. */
export function zodToJsonSchemaInput(schema: unknown): JsonSchemaNode {
  if (isZod4Schema(schema)) return zod4ToJsonSchema(schema);
  if (isZod3Schema(schema)) return zod3ToJsonSchema(schema);
  throw new SchemaConversionError([
    { code: "invalid_schema", path: [], message: "expected a Zod schema (from `zod` 4, or `zod/v3`)" },
  ]);
}
