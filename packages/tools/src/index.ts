export type { ConversionAction, ConversionNote, ConversionReport } from "./conversion-report.js";
export { formatConversionReport } from "./conversion-report.js";
export type { ConvertSchemaOptions, ParametersConversion, SchemaConversion } from "./convert-schema.js";
export { convertParameters, convertSchema, toGeminiSchema } from "./convert-schema.js";
export type { DefinedTool, ToolParameters, ToolSpec } from "./define-tool.js";
export { defineTool, TOOL_NAME_PATTERN } from "./define-tool.js";
export { DEFAULT_MAX_RECURSION_DEPTH } from "./json-schema-to-gemini.js";
export type { ResponseFormat, StructuredOutputResult } from "./response-schema.js";
export { toResponseSchema } from "./response-schema.js";
export type { SchemaConversionCode, SchemaProblem, ToolDefinitionCode } from "./schema-errors.js";
export { SchemaConversionError, ToolDefinitionError } from "./schema-errors.js";
export type { SchemaPath } from "./schema-path.js";
export { formatSchemaPath } from "./schema-path.js";
export type {
  ToolErrorKind,
  ToolErrorPayload,
  ToolErrorResponse,
  ToolResultResponse,
} from "./tool-result.js";
export {
  errorToResponse,
  invalidArgumentsResponse,
  resultToResponse,
  toolErrorResponse,
} from "./tool-result.js";
export type * from "./tool-types.js";
export type { InferOutput } from "./zod-parse.js";
export { formatArgumentPath } from "./zod-parse.js";
