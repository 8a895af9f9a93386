// generationConfig as the API checks it: thinking settings per generation, the response schema and
// its mime type, image output only from image models.
import type { GenerateContentRequest } from "@signet/provider";
import { type Findings, sortSchemaIssues } from "./issue-format.js";
import type { ValidationContext } from "./request-validator.js";
import { validateSchema } from "./schema-validator.js";

export function checkGenerationConfig(
  request: GenerateContentRequest,
  ctx: ValidationContext,
  { issues, payload }: Findings,
): void {
  const dialect = ctx.schemaDialect ?? "api";
  const config = request.generationConfig;
  if (!config) return;
  const thinking = config.thinkingConfig;
  if (thinking?.thinkingLevel !== undefined && thinking.thinkingBudget !== undefined) {
    issues.push({
      path: "generation_config.thinking_config",
      message:
        "thinking_level and thinking_budget cannot both be set: use thinking_level on Gemini 3, thinking_budget on 2.5.",
    });
  } else if (thinking?.thinkingLevel !== undefined && ctx.traits.family !== "gemini-3") {
    issues.push({
      path: "generation_config.thinking_config.thinking_level",
      message: "Thinking level is not supported for this model; use thinking_budget.",
    });
  }
  if (config.responseSchema !== undefined) {
    const path = "generation_config.response_schema";
    sortSchemaIssues(validateSchema(config.responseSchema, path, { dialect }), { issues, payload });
    if (config.responseJsonSchema !== undefined) {
      issues.push({
        path: "generation_config.response_json_schema",
        message: "response_schema and response_json_schema cannot both be set.",
      });
    }
  }
  const structured = config.responseSchema !== undefined || config.responseJsonSchema !== undefined;
  const mime = config.responseMimeType;
  if (structured && mime !== "application/json" && mime !== "text/x.enum") {
    issues.push({
      path: "generation_config.response_mime_type",
      message: "a response schema needs response_mime_type application/json (or text/x.enum).",
    });
  }
  const wantsImage = config.responseModalities?.some((m) => m.toUpperCase() === "IMAGE");
  if (wantsImage && !ctx.traits.image) {
    issues.push({
      path: "generation_config.response_modalities",
      message: "Model does not support the requested response modalities: image",
    });
  }
}
