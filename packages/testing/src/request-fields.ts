// The first stage of the real API: reading the JSON payload into the request message. Unknown
// names, wrong JSON types, bad base64, two members of a oneof and unknown enum values fail here,
// with the parser's own wording. Both field spellings (camelCase, snake_case) are accepted and the
// result is returned in camelCase so later stages read one spelling.
import { camelToSnake, isRecord, snakeToCamel } from "./field-names.js";

type Scalar = "string" | "bool" | "number" | "bytes" | "json";
type FieldSpec =
  | Scalar
  | { enum: readonly string[] }
  | { message: string }
  | { list: FieldSpec }
  /** Kept as sent; checked later by the schema / declaration validators. */
  | "schema"
  | "declaration";

interface MessageSpec {
  fields: Record<string, FieldSpec>;
  /** Members of the `data` oneof: at most one may be set. */
  oneof?: readonly string[];
}

const PART_DATA = [
  "text",
  "inlineData",
  "fileData",
  "functionCall",
  "functionResponse",
  "executableCode",
  "codeExecutionResult",
  "toolCall",
  "toolResponse",
] as const;

const MESSAGES: Record<string, MessageSpec> = {
  GenerateContentRequest: {
    fields: {
      model: "string",
      contents: { list: { message: "Content" } },
      systemInstruction: { message: "Content" },
      tools: { list: { message: "Tool" } },
      toolConfig: { message: "ToolConfig" },
      safetySettings: { list: { message: "SafetySetting" } },
      generationConfig: { message: "GenerationConfig" },
      cachedContent: "string",
      labels: "json",
    },
  },
  Content: { fields: { role: "string", parts: { list: { message: "Part" } } } },
  Part: {
    fields: {
      text: "string",
      inlineData: { message: "Blob" },
      fileData: { message: "FileData" },
      functionCall: { message: "FunctionCall" },
      functionResponse: { message: "FunctionResponse" },
      executableCode: "json",
      codeExecutionResult: "json",
      // Server-side tool invocations go back verbatim (recorded with snake_case `tool_type` inside).
      toolCall: "json",
      toolResponse: "json",
      thought: "bool",
      thoughtSignature: "bytes",
      videoMetadata: "json",
      mediaResolution: "json",
      partMetadata: "json",
    },
    oneof: PART_DATA,
  },
  Blob: { fields: { mimeType: "string", data: "bytes", displayName: "string" } },
  FileData: { fields: { mimeType: "string", fileUri: "string", displayName: "string" } },
  FunctionCall: {
    fields: { id: "string", name: "string", args: "json", partialArgs: "json", willContinue: "bool" },
  },
  FunctionResponse: {
    fields: {
      id: "string",
      name: "string",
      response: "json",
      parts: "json",
      willContinue: "bool",
      scheduling: { enum: ["SCHEDULING_UNSPECIFIED", "SILENT", "WHEN_IDLE", "INTERRUPT"] },
    },
  },
  Tool: {
    fields: {
      functionDeclarations: { list: "declaration" },
      googleSearchRetrieval: "json",
      codeExecution: "json",
      googleSearch: "json",
      urlContext: "json",
      googleMaps: "json",
      fileSearch: "json",
      computerUse: "json",
    },
  },
  ToolConfig: {
    fields: {
      functionCallingConfig: { message: "FunctionCallingConfig" },
      retrievalConfig: "json",
      includeServerSideToolInvocations: "bool",
    },
  },
  FunctionCallingConfig: {
    fields: {
      mode: { enum: ["MODE_UNSPECIFIED", "AUTO", "ANY", "NONE", "VALIDATED"] },
      allowedFunctionNames: { list: "string" },
    },
  },
  SafetySetting: { fields: { category: "string", threshold: "string", method: "string" } },
  GenerationConfig: {
    fields: {
      candidateCount: "number",
      stopSequences: { list: "string" },
      maxOutputTokens: "number",
      temperature: "number",
      topP: "number",
      topK: "number",
      seed: "number",
      presencePenalty: "number",
      frequencyPenalty: "number",
      responseLogprobs: "bool",
      logprobs: "number",
      enableEnhancedCivicAnswers: "bool",
      responseMimeType: "string",
      responseSchema: "schema",
      responseJsonSchema: "json",
      responseModalities: { list: { enum: ["MODALITY_UNSPECIFIED", "TEXT", "IMAGE", "AUDIO"] } },
      speechConfig: "json",
      thinkingConfig: { message: "ThinkingConfig" },
      imageConfig: { message: "ImageConfig" },
      mediaResolution: "string",
      audioTimestamp: "bool",
    },
  },
  ThinkingConfig: {
    fields: {
      includeThoughts: "bool",
      thinkingBudget: "number",
      thinkingLevel: { enum: ["THINKING_LEVEL_UNSPECIFIED", "MINIMAL", "LOW", "MEDIUM", "HIGH"] },
    },
  },
  // `imageOutputOptions` and `personGeneration` are recorded on Vertex image requests.
  ImageConfig: {
    fields: {
      aspectRatio: "string",
      imageSize: "string",
      imageOutputOptions: "json",
      personGeneration: "string",
    },
  },
};

const DECLARATION_KEYS = new Set([
  "name",
  "description",
  "parameters",
  "parametersJsonSchema",
  "response",
  "responseJsonSchema",
  "behavior",
]);

/** A problem found while reading the payload, already worded as the API words it. */
export interface PayloadIssue {
  path: string;
  message: string;
}

export interface ReadOptions {
  /** Top-level fields a gateway adds to the body (KIE: `stream`). */
  extraTopLevel?: Readonly<Record<string, Scalar>>;
}

/**
 * Reads `body` as a `GenerateContentRequest`. Returns the request in camelCase (schemas and
 * free-form JSON kept as sent) and every payload issue.
 */
export function readRequest(
  body: unknown,
  options: ReadOptions = {},
): { request: Record<string, unknown>; issues: PayloadIssue[] } {
  const issues: PayloadIssue[] = [];
  if (!isRecord(body)) {
    issues.push({
      path: "",
      message: `Invalid JSON payload received. Expected an object at the top level, got ${typeName(body)}.`,
    });
    return { request: {}, issues };
  }
  const spec = MESSAGES.GenerateContentRequest!;
  const withExtras: MessageSpec = options.extraTopLevel
    ? { fields: { ...spec.fields, ...options.extraTopLevel } }
    : spec;
  return { request: readMessage(body, withExtras, "", issues), issues };
}

function readMessage(
  value: Record<string, unknown>,
  spec: MessageSpec,
  path: string,
  issues: PayloadIssue[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let oneofSet: string | undefined;
  for (const [key, fieldValue] of Object.entries(value)) {
    const name = key in spec.fields ? key : snakeToCamel(key);
    const fieldSpec = spec.fields[name];
    if (fieldSpec === undefined) {
      const at = path === "" ? "" : ` at '${path}'`;
      issues.push({
        path,
        message: `Invalid JSON payload received. Unknown name "${key}"${at}: Cannot find field.`,
      });
      continue;
    }
    if (fieldValue === null) continue;
    if (spec.oneof?.includes(name)) {
      if (oneofSet !== undefined) {
        issues.push({
          path,
          message: `Invalid JSON payload received. Oneof field 'data' is already set. Cannot set '${name}' (at '${path}', which already has '${oneofSet}'). A part holds exactly one kind of data.`,
        });
        continue;
      }
      oneofSet = name;
    }
    out[name] = readField(fieldValue, fieldSpec, join(path, camelToSnake(name)), issues);
  }
  return out;
}

function readField(value: unknown, spec: FieldSpec, path: string, issues: PayloadIssue[]): unknown {
  if (typeof spec === "string") {
    switch (spec) {
      case "json":
      case "schema":
        return value;
      case "declaration":
        return isRecord(value) ? camelizeKeys(value, DECLARATION_KEYS) : value;
      case "string":
        if (typeof value !== "string") invalid(path, "TYPE_STRING", value, issues);
        return value;
      case "bool":
        if (typeof value !== "boolean") invalid(path, "TYPE_BOOL", value, issues);
        return value;
      case "number":
        if (typeof value !== "number" && !(typeof value === "string" && Number.isFinite(Number(value)))) {
          invalid(path, "TYPE_NUMBER", value, issues);
        }
        return value;
      case "bytes":
        if (typeof value !== "string" || !isBase64(value)) {
          issues.push({
            path,
            message: `Invalid value at '${path}' (TYPE_BYTES), Base64 decoding failed for ${JSON.stringify(abbreviate(value))}`,
          });
        }
        return value;
    }
  }
  if ("enum" in spec) {
    if (typeof value !== "string" || !spec.enum.includes(value.toUpperCase())) {
      invalid(path, `enum ${spec.enum.join("|")}`, value, issues);
      return value;
    }
    return value;
  }
  if ("list" in spec) {
    if (!Array.isArray(value)) {
      invalid(path, "a JSON array", value, issues);
      return value;
    }
    return value.map((item, i) => readField(item, spec.list, `${path}[${i}]`, issues));
  }
  if (!isRecord(value)) {
    invalid(path, `a JSON object (${spec.message})`, value, issues);
    return value;
  }
  return readMessage(value, MESSAGES[spec.message]!, path, issues);
}

function camelizeKeys(value: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const camel = snakeToCamel(key);
    // Unknown keys stay as sent, so the declaration validator still reports them.
    out[known.has(camel) ? camel : key] = v;
  }
  return out;
}

function invalid(path: string, expected: string, value: unknown, issues: PayloadIssue[]): void {
  issues.push({
    path,
    message: `Invalid value at '${path}' (${expected}), ${JSON.stringify(abbreviate(value))}`,
  });
}

function join(path: string, name: string): string {
  return path === "" ? name : `${path}.${name}`;
}

function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

function abbreviate(value: unknown): unknown {
  return typeof value === "string" && value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** Standard or URL-safe base64, padding optional: what the API's bytes parser accepts. */
export function isBase64(value: string): boolean {
  return /^[A-Za-z0-9+/\-_]*={0,2}$/.test(value) && value.replace(/=+$/, "").length % 4 !== 1;
}
