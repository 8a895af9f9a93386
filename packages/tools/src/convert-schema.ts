// The public conversion: any Zod schema to a Gemini `Schema`, with its report and the decoder
// that turns what the model sends back into what the Zod schema takes.
import type { Schema } from "@signet/provider";
import type { ConversionReport } from "./conversion-report.js";
import { type GeminiConversionOptions, jsonSchemaToGemini } from "./json-schema-to-gemini.js";
import { SchemaConversionError } from "./schema-errors.js";
import { decodeWire } from "./wire-codec.js";
import { zodToJsonSchemaInput } from "./zod-to-json-schema-input.js";

export type ConvertSchemaOptions = GeminiConversionOptions;

export interface SchemaConversion {
  schema: Schema;
  /** Every constraint softened, moved into a description, encoded or truncated, with its path. */
  report: ConversionReport;
  /** Wire value (numeric enums as strings, dates as ISO strings) to the value the Zod schema takes. */
  decode(wireValue: unknown): unknown;
}

export interface ParametersConversion {
  /** Undefined for an object without properties: the declaration then has no `parameters`. */
  parameters: Schema | undefined;
  report: ConversionReport;
  decode(wireValue: unknown): unknown;
}

const identity = (value: unknown): unknown => value;

/**
 * Converts a Zod schema (Zod 4, or `zod/v3`) to a Gemini `Schema` and reports what was softened.
 * Throws `SchemaConversionError` (with `code` and `path`) for what has no faithful form.
 */
export function convertSchema(zodSchema: unknown, options: ConvertSchemaOptions = {}): SchemaConversion {
  const result = jsonSchemaToGemini(zodToJsonSchemaInput(zodSchema), options);
  if (result.schema === undefined) {
    throw new SchemaConversionError([
      {
        code: "empty_object",
        path: [],
        message:
          "Gemini refuses an OBJECT without properties (a tool without arguments simply has no parameters)",
      },
    ]);
  }
  const { codec } = result;
  return {
    schema: result.schema,
    report: result.notes,
    decode: codec === undefined ? identity : (value) => decodeWire(value, codec),
  };
}

/** `convertSchema(...).schema`: the Gemini `Schema`, or a `SchemaConversionError` naming the path. */
export function toGeminiSchema(zodSchema: unknown, options: ConvertSchemaOptions = {}): Schema {
  return convertSchema(zodSchema, options).schema;
}

/** Tool parameters: the root must be an object; an object without properties yields no `parameters`. */
export function convertParameters(
  zodSchema: unknown,
  options: ConvertSchemaOptions = {},
): ParametersConversion {
  const result = jsonSchemaToGemini(zodToJsonSchemaInput(zodSchema), options);
  if (result.schema !== undefined && result.schema.type !== "OBJECT") {
    throw new SchemaConversionError([
      {
        code: "invalid_schema",
        path: [],
        message: `tool parameters must be a Zod object (z.object({...})), not ${result.schema.type ?? "a union"}`,
      },
    ]);
  }
  const { codec } = result;
  return {
    parameters: result.schema,
    report: result.notes,
    decode: codec === undefined ? identity : (value) => decodeWire(value, codec),
  };
}
