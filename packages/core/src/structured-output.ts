// `output: zodSchema`: the converter of `@signet/tools` gives `responseSchema` (uppercase types)
// and the parser; this module adds the re-ask that quotes what did not fit.
import { type ResponseFormat, toResponseSchema } from "@signet/tools";
import type { ZodType } from "zod";
import type { OutputIssue } from "./errors.js";

/** Computed once per agent. Throws `SchemaConversionError` (with the path) for a schema Gemini cannot express. */
export function responseFormat(schema: ZodType): ResponseFormat<unknown> {
  return toResponseSchema(schema);
}

export function outputReaskText(issues: readonly OutputIssue[]): string {
  const list = issues.map((i) => `- ${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("\n");
  return `Your answer does not fit the required JSON schema:\n${list}\nAnswer again with only JSON that fits the schema.`;
}
