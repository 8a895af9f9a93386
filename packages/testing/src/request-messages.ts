// The request messages of the Gemini API as its JSON parser knows them: each message's fields (by
// their JSON names) and what each holds. Anything else in a request is an unknown name.
import { PART_DATA_KEYS } from "@signet/provider";

export type Scalar = "string" | "bool" | "number" | "bytes" | "json";
export type FieldSpec =
  | Scalar
  | { enum: readonly string[] }
  | { message: string }
  | { list: FieldSpec }
  /** Kept as sent; checked later by the schema / declaration validators. */
  | "schema"
  | "declaration";

export interface MessageSpec {
  fields: Record<string, FieldSpec>;
  /** Members of the `data` oneof: at most one may be set. */
  oneof?: readonly string[];
}

export const MESSAGES: Record<string, MessageSpec> = {
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
    oneof: PART_DATA_KEYS,
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

/** The fields of a `FunctionDeclaration` (its schemas are checked by the declaration validator). */
export const DECLARATION_FIELDS: ReadonlySet<string> = new Set([
  "name",
  "description",
  "parameters",
  "parametersJsonSchema",
  "response",
  "responseJsonSchema",
  "behavior",
]);
