// The second stage of the real API: the request read, its meaning is checked. Each rule here
// earns a 400 INVALID_ARGUMENT from Google; the wording follows the API where it is known.
import type { GenerateContentRequest, Part } from "@signet/provider";
import { isRecord } from "./field-names.js";
import { validateFunctionDeclaration } from "./function-declaration-validator.js";
import { checkFunctionTurns, groupTurns, type RequestIssue, type Turn } from "./function-turns.js";
import type { GatewayId } from "./gateway-routes.js";
import type { ModelTraits } from "./model-traits.js";
import { type PayloadIssue, readRequest } from "./request-fields.js";
import type { SchemaDialect, SchemaIssue } from "./schema-validator.js";
import { validateSchema } from "./schema-validator.js";
import {
  checkCurrentTurnSignatures,
  type ForeignSignaturePolicy,
  type SignatureLedger,
} from "./signature-ledger.js";

export interface ValidationContext {
  gateway: GatewayId;
  traits: ModelTraits;
  /** `api` (default) accepts what the real API accepts; `signet` adds Signet's stricter schema rules. */
  schemaDialect?: SchemaDialect;
  ledger?: SignatureLedger;
  foreignSignatures?: ForeignSignaturePolicy;
}

export type ValidationResult =
  | { ok: true; request: GenerateContentRequest; turns: Turn[] }
  /** `payload`: the JSON could not be read into the request; `semantic`: it was read, and is wrong. */
  | { ok: false; stage: "payload"; issues: PayloadIssue[] }
  | { ok: false; stage: "semantic"; issues: RequestIssue[] };

const TOOL_KIND_NAMES: Record<string, string> = {
  functionDeclarations: "function_declarations",
  googleSearch: "google_search",
  googleSearchRetrieval: "google_search_retrieval",
  urlContext: "url_context",
  codeExecution: "code_execution",
  googleMaps: "google_maps",
  fileSearch: "file_search",
  computerUse: "computer_use",
};

/** Reads and checks one request body, as the API would for `ctx.gateway` and model. */
export function validateRequest(body: unknown, ctx: ValidationContext): ValidationResult {
  const read = readRequest(body, ctx.gateway === "kie" ? { extraTopLevel: { stream: "bool" } } : {});
  if (read.issues.length > 0) return { ok: false, stage: "payload", issues: read.issues };
  const request = read.request as unknown as GenerateContentRequest;
  const issues: RequestIssue[] = [];
  const payload: PayloadIssue[] = [];
  const dialect = ctx.schemaDialect ?? "api";

  const contents = Array.isArray(request.contents) ? request.contents : [];
  if (contents.length === 0) issues.push({ path: "contents", message: "contents is not specified" });
  contents.forEach((content, i) => {
    if (content.role !== undefined && content.role !== "user" && content.role !== "model") {
      issues.push({
        path: `contents[${i}].role`,
        message: `Please use a valid role: user, model. Got ${JSON.stringify(content.role)}.`,
      });
    }
    checkParts(content.parts, `contents[${i}]`, issues);
  });
  if (request.systemInstruction) checkParts(request.systemInstruction.parts, "system_instruction", issues);

  checkTools(request, ctx, dialect, issues, payload);
  checkGenerationConfig(request, ctx, dialect, issues, payload);
  // Unknown names inside schemas are payload errors in the real API: they win over the rest.
  if (payload.length > 0) return { ok: false, stage: "payload", issues: payload };

  const turns = groupTurns(contents);
  if (issues.length === 0) {
    issues.push(...checkFunctionTurns(turns));
    issues.push(...checkCurrentTurnSignatures(turns, ctx.traits));
    if (ctx.ledger) issues.push(...ctx.ledger.checkHistory(turns, ctx.foreignSignatures ?? "accept"));
  }
  return issues.length > 0 ? { ok: false, stage: "semantic", issues } : { ok: true, request, turns };
}

/** Unknown names become payload errors worded like the JSON parser's; the rest stay semantic. */
function sortSchemaIssues(found: SchemaIssue[], issues: RequestIssue[], payload: PayloadIssue[]): void {
  for (const issue of found) {
    if (issue.code === "unknown-field") {
      payload.push({
        path: issue.path,
        message: `Invalid JSON payload received. Unknown name "${issue.field}" at '${issue.path}': Cannot find field.`,
      });
    } else issues.push({ path: issue.path, message: issue.message });
  }
}

function checkParts(parts: Part[] | undefined, path: string, issues: RequestIssue[]): void {
  if (!Array.isArray(parts) || parts.length === 0) {
    issues.push({ path: `${path}.parts`, message: "contents.parts must not be empty." });
    return;
  }
  parts.forEach((part, j) => {
    if (!Object.keys(TOOLLESS_DATA).some((k) => k in part)) {
      issues.push({
        path: `${path}.parts[${j}].data`,
        message: "required oneof field 'data' must have one initialized field",
      });
    }
  });
}

const TOOLLESS_DATA = {
  text: 1,
  inlineData: 1,
  fileData: 1,
  functionCall: 1,
  functionResponse: 1,
  executableCode: 1,
  codeExecutionResult: 1,
  toolCall: 1,
  toolResponse: 1,
};

function checkTools(
  request: GenerateContentRequest,
  ctx: ValidationContext,
  dialect: SchemaDialect,
  issues: RequestIssue[],
  payload: PayloadIssue[],
): void {
  const tools = (request.tools ?? []) as unknown as Record<string, unknown>[];
  const names = new Set<string>();
  let hasFunctions = false;
  let hasSearch = false;
  tools.forEach((tool, i) => {
    const kinds = Object.keys(tool);
    if (kinds.length !== 1) {
      issues.push({
        path: `tools[${i}]`,
        message:
          kinds.length === 0
            ? "required one_of 'tool_type' must have one initialized field"
            : `a Tool holds one kind of tool, found ${kinds.map((k) => TOOL_KIND_NAMES[k] ?? k).join(" and ")}. Put each kind in its own Tool object.`,
      });
    }
    if ("googleSearch" in tool || "googleSearchRetrieval" in tool) hasSearch = true;
    const declarations = tool.functionDeclarations;
    if (!Array.isArray(declarations)) return;
    hasFunctions = hasFunctions || declarations.length > 0;
    declarations.forEach((decl, j) => {
      const path = `tools[${i}].function_declarations[${j}]`;
      sortSchemaIssues(validateFunctionDeclaration(decl, path, { dialect }), issues, payload);
      const name = isRecord(decl) ? decl.name : undefined;
      if (typeof name === "string") {
        if (names.has(name)) {
          issues.push({ path: `${path}.name`, message: `Duplicate function declaration found: ${name}` });
        }
        names.add(name);
      }
    });
  });

  if (hasFunctions && hasSearch) {
    const combined = request.toolConfig?.includeServerSideToolInvocations === true;
    if (ctx.gateway !== "google") {
      issues.push({
        path: "tools",
        message: `googleSearch and functionDeclarations cannot be used together on ${ctx.gateway}: send one or the other (for example, run the search as a separate request).`,
      });
    } else if (ctx.traits.family !== "gemini-3") {
      issues.push({ path: "tools", message: "Tool use with function calling is unsupported" });
    } else if (!combined) {
      issues.push({
        path: "tool_config.include_server_side_tool_invocations",
        message:
          "Built-in tools (google_search) and function declarations can be combined only with tool_config.include_server_side_tool_invocations set to true.",
      });
    }
  }

  const fcc = request.toolConfig?.functionCallingConfig;
  fcc?.allowedFunctionNames?.forEach((name, k) => {
    if (!names.has(name)) {
      issues.push({
        path: `tool_config.function_calling_config.allowed_function_names[${k}]`,
        message: `"${name}" is not a declared function.`,
      });
    }
  });
  if ((fcc?.allowedFunctionNames?.length ?? 0) > 0 && fcc?.mode?.toUpperCase() !== "ANY") {
    issues.push({
      path: "tool_config.function_calling_config.allowed_function_names",
      message: "allowed_function_names may be set only when mode is ANY.",
    });
  }
}

function checkGenerationConfig(
  request: GenerateContentRequest,
  ctx: ValidationContext,
  dialect: SchemaDialect,
  issues: RequestIssue[],
  payload: PayloadIssue[],
): void {
  const config = request.generationConfig;
  if (!config) return;
  const thinking = config.thinkingConfig as { thinkingLevel?: string; thinkingBudget?: number } | undefined;
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
    sortSchemaIssues(validateSchema(config.responseSchema, path, { dialect }), issues, payload);
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
