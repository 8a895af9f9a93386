// The public conversion: any Zod schema to a Gemini `Schema`, with its report, and the parser that
// turns what the model sends back into what the Zod schema produces.
import type { Schema } from "@signet/provider";
import type { ConversionReport } from "./conversion-report.js";
import { type GeminiConversionOptions, jsonSchemaToGemini } from "./json-schema-to-gemini.js";
import { SchemaConversionError } from "./schema-errors.js";
import type { ParseArgsResult } from "./tool-types.js";
import { decodeWire, type WireCodec } from "./wire-codec.js";
import { wireHintAt } from "./wire-hints.js";
import { safeParseZod } from "./zod-parse.js";
import type { AnyZodSchema } from "./zod-schema-kind.js";
import { zodToJsonSchemaInput } from "./zod-to-json-schema-input.js";

export type ConvertSchemaOptions = GeminiConversionOptions;

export interface SchemaConversion {
  schema: Schema;
  /** Every constraint softened, moved into a description, encoded or truncated, with its path. */
  report: ConversionReport;
  /** Wire value (numeric enums as strings, dates as ISO strings) to the value the Zod schema takes. */
  decode(wireValue: unknown): unknown;
  /**
   * What the model sent, decoded and validated with the Zod schema (defaults, transforms and
   * refinements apply). Never throws; issues carry paths and, for encoded values, what to send.
   */
  parse(wireValue: unknown): ParseArgsResult<unknown>;
}

export interface ParametersConversion {
  /** Undefined for an object without properties: the declaration then has no `parameters`. */
  parameters: Schema | undefined;
  report: ConversionReport;
  decode(wireValue: unknown): unknown;
  parse(wireValue: unknown): ParseArgsResult<unknown>;
}

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
  return {
    schema: result.schema,
    report: result.notes,
    ...wireParsing(zodSchema as AnyZodSchema, result.codec),
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
  return {
    parameters: result.schema,
    report: result.notes,
    ...wireParsing(zodSchema as AnyZodSchema, result.codec),
  };
}

const identity = (value: unknown): unknown => value;

function wireParsing(
  zodSchema: AnyZodSchema,
  codec: WireCodec | undefined,
): Pick<SchemaConversion, "decode" | "parse"> {
  const decode = codec === undefined ? identity : (value: unknown) => decodeWire(value, codec);
  const hint =
    codec === undefined ? undefined : (path: readonly (string | number)[]) => wireHintAt(codec, path);
  return {
    decode,
    parse(wireValue) {
      let decoded: unknown;
      try {
        decoded = decode(wireValue);
      } catch (error) {
        // Only a hostile value (a throwing getter, a Proxy) gets here; JSON from a model cannot.
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, issues: [{ path: [], message: `could not decode the arguments: ${message}` }] };
      }
      const result = safeParseZod<unknown>(zodSchema, decoded, hint);
      return result.success ? { ok: true, args: result.data } : { ok: false, issues: result.issues };
    },
  };
}
