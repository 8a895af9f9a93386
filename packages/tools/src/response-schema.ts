// Structured output: the same converter produces `generationConfig.responseSchema`, and the
// final JSON text is validated (and decoded: numeric enums, dates) with the same Zod schema.
import type { GenerationConfig, Schema } from "@signet/provider";
import type { ConversionReport } from "./conversion-report.js";
import { type ConvertSchemaOptions, convertSchema } from "./convert-schema.js";
import type { ArgumentIssue } from "./tool-types.js";
import type { InferOutput } from "./zod-parse.js";
import type { AnyZodSchema } from "./zod-schema-kind.js";

export type StructuredOutputResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "invalid_json" | "invalid_value"; issues: ArgumentIssue[] };

export interface ResponseFormat<T> {
  responseSchema: Schema;
  report: ConversionReport;
  /** Ready to spread into a request's `generationConfig`. */
  generationConfig: Pick<GenerationConfig, "responseMimeType" | "responseSchema">;
  /** Parses the model's final text as JSON, decodes it, and validates it with the Zod schema. Never throws. */
  parse(text: string): StructuredOutputResult<T>;
}

export function toResponseSchema<S extends AnyZodSchema>(
  zodSchema: S,
  options: ConvertSchemaOptions = {},
): ResponseFormat<InferOutput<S>> {
  const { schema, report, parse } = convertSchema(zodSchema, options);
  return {
    responseSchema: schema,
    report,
    generationConfig: { responseMimeType: "application/json", responseSchema: schema },
    parse(text) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          reason: "invalid_json",
          issues: [{ path: [], message: `not valid JSON: ${message}` }],
        };
      }
      const result = parse(json);
      return result.ok
        ? { ok: true, value: result.args as InferOutput<S> }
        : { ok: false, reason: "invalid_value", issues: result.issues };
    },
  };
}
