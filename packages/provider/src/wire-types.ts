// The Gemini `generateContent` wire, as the API speaks it (lowerCamelCase).
// These types describe what goes on and comes off the wire; nothing here is a view.
// Fields the API may add later are tolerated on responses through the index-free
// `unknown` extras below, never by loosening the known fields.

export type Role = "user" | "model";

/** Base64 bytes with their media type. */
export interface Blob {
  mimeType: string;
  /** Standard base64. Image parts can be megabytes: never log in full. */
  data: string;
}

export interface FileData {
  mimeType?: string;
  fileUri: string;
}

export interface FunctionCall {
  /** Server-issued on some models; clients may set their own and echo it in the response. */
  id?: string;
  name: string;
  args?: Record<string, unknown>;
  /** Vertex-only streamed arguments; kept as received. */
  partialArgs?: unknown[];
  willContinue?: boolean;
}

export interface FunctionResponse {
  /** Echoes `FunctionCall.id` when the call had one. */
  id?: string;
  name: string;
  response: Record<string, unknown>;
  willContinue?: boolean;
  scheduling?: "SCHEDULING_UNSPECIFIED" | "SILENT" | "WHEN_IDLE" | "INTERRUPT";
}

export interface ExecutableCode {
  language: "LANGUAGE_UNSPECIFIED" | "PYTHON";
  code: string;
}

export interface CodeExecutionResult {
  outcome: "OUTCOME_UNSPECIFIED" | "OUTCOME_OK" | "OUTCOME_FAILED" | "OUTCOME_DEADLINE_EXCEEDED";
  output?: string;
}

/** A server-side tool invocation (Gemini 3 with `includeServerSideToolInvocations`). Kept verbatim. */
export interface ServerToolCall {
  id?: string;
  toolType?: string;
  args?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface ServerToolResponse {
  id?: string;
  toolType?: string;
  response?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface VideoMetadata {
  startOffset?: string;
  endOffset?: string;
  fps?: number;
}

/** Fields any part may carry beside its data. */
interface PartMeta {
  /** True for a thought summary. Kept in history as received. */
  thought?: boolean;
  /** Opaque, base64; must return on the same part it arrived on (invariant 1). */
  thoughtSignature?: string;
  videoMetadata?: VideoMetadata;
  mediaResolution?: { level?: string };
}

/** The data-bearing keys of a part; exactly one is present. */
export const PART_DATA_KEYS = [
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
export type PartDataKey = (typeof PART_DATA_KEYS)[number];

/** Every data key but `K`, forbidden: a second data field on a part is a type error. */
type NoOtherData<K extends PartDataKey> = { [O in Exclude<PartDataKey, K>]?: never };

/**
 * A part holds exactly one kind of data, as the API requires: each member names its data key and
 * forbids the others, so `{ text, inlineData }` does not compile. As every member names every data
 * key, `"text" in part` no longer narrows the type: test `part.text !== undefined` instead.
 * `{ text: "", thoughtSignature }` is a valid signature carrier.
 */
export type Part =
  | (PartMeta & { text: string } & NoOtherData<"text">)
  | (PartMeta & { inlineData: Blob } & NoOtherData<"inlineData">)
  | (PartMeta & { fileData: FileData } & NoOtherData<"fileData">)
  | (PartMeta & { functionCall: FunctionCall } & NoOtherData<"functionCall">)
  | (PartMeta & { functionResponse: FunctionResponse } & NoOtherData<"functionResponse">)
  | (PartMeta & { executableCode: ExecutableCode } & NoOtherData<"executableCode">)
  | (PartMeta & { codeExecutionResult: CodeExecutionResult } & NoOtherData<"codeExecutionResult">)
  | (PartMeta & { toolCall: ServerToolCall } & NoOtherData<"toolCall">)
  | (PartMeta & { toolResponse: ServerToolResponse } & NoOtherData<"toolResponse">);

/** The part whose data field is `K`: `PartOf<"functionCall">["functionCall"]` is a `FunctionCall`. */
export type PartOf<K extends PartDataKey> = Extract<Part, { [P in K]: unknown }>;

export interface Content {
  /** Optional on the wire for single-turn requests; Signet always sets it. */
  role?: Role;
  parts: Part[];
}

// ---- Schema (the OpenAPI subset Gemini accepts) ----

export type SchemaType =
  | "TYPE_UNSPECIFIED"
  | "STRING"
  | "NUMBER"
  | "INTEGER"
  | "BOOLEAN"
  | "ARRAY"
  | "OBJECT"
  | "NULL";

export interface Schema {
  type?: SchemaType;
  format?: string;
  title?: string;
  description?: string;
  nullable?: boolean;
  /** Strings only. */
  enum?: string[];
  maxItems?: string | number;
  minItems?: string | number;
  properties?: Record<string, Schema>;
  required?: string[];
  minProperties?: string | number;
  maxProperties?: string | number;
  minLength?: string | number;
  maxLength?: string | number;
  pattern?: string;
  example?: unknown;
  anyOf?: Schema[];
  propertyOrdering?: string[];
  default?: unknown;
  items?: Schema;
  minimum?: number;
  maximum?: number;
}

/** Every field the API accepts on a `Schema`; anything else earns a 400. */
export const SCHEMA_FIELDS = [
  "type",
  "format",
  "title",
  "description",
  "nullable",
  "enum",
  "maxItems",
  "minItems",
  "properties",
  "required",
  "minProperties",
  "maxProperties",
  "minLength",
  "maxLength",
  "pattern",
  "example",
  "anyOf",
  "propertyOrdering",
  "default",
  "items",
  "minimum",
  "maximum",
] as const satisfies readonly (keyof Schema)[];

// ---- Tools ----

export interface FunctionDeclaration {
  name: string;
  description?: string;
  /** OpenAPI-subset schema with uppercase types. Omit for a function with no arguments. */
  parameters?: Schema;
  /** Alternative to `parameters`: plain JSON Schema (lowercase types). */
  parametersJsonSchema?: unknown;
  response?: Schema;
  responseJsonSchema?: unknown;
  behavior?: "UNSPECIFIED" | "BLOCKING" | "NON_BLOCKING";
}

export interface GoogleSearch {
  timeRangeFilter?: { startTime: string; endTime: string };
  excludeDomains?: string[];
}

export interface GoogleSearchRetrieval {
  dynamicRetrievalConfig?: { mode?: "MODE_UNSPECIFIED" | "MODE_DYNAMIC"; dynamicThreshold?: number };
}

export const TOOL_KINDS = [
  "functionDeclarations",
  "googleSearch",
  "googleSearchRetrieval",
  "urlContext",
  "codeExecution",
  "googleMaps",
  "fileSearch",
  "computerUse",
] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

/** Every tool kind but `K`, forbidden: two kinds in one `Tool` object is a type error. */
type NoOtherKind<K extends ToolKind> = { [O in Exclude<ToolKind, K>]?: never };

/**
 * One kind of tool per `Tool` object, as the API requires: each member forbids the other kinds, so
 * `{ functionDeclarations, googleSearch }` does not compile. Several `Tool` objects go in `tools[]`.
 * Narrow with `tool.googleSearch !== undefined` (`"googleSearch" in tool` does not narrow the type).
 */
export type Tool =
  | ({ functionDeclarations: FunctionDeclaration[] } & NoOtherKind<"functionDeclarations">)
  | ({ googleSearch: GoogleSearch } & NoOtherKind<"googleSearch">)
  | ({ googleSearchRetrieval: GoogleSearchRetrieval } & NoOtherKind<"googleSearchRetrieval">)
  | ({ urlContext: Record<string, never> } & NoOtherKind<"urlContext">)
  | ({ codeExecution: Record<string, never> } & NoOtherKind<"codeExecution">)
  | ({ googleMaps: Record<string, unknown> } & NoOtherKind<"googleMaps">)
  | ({ fileSearch: Record<string, unknown> } & NoOtherKind<"fileSearch">)
  | ({ computerUse: Record<string, unknown> } & NoOtherKind<"computerUse">);

export type FunctionCallingMode = "MODE_UNSPECIFIED" | "AUTO" | "ANY" | "NONE" | "VALIDATED";

export interface ToolConfig {
  functionCallingConfig?: {
    mode?: FunctionCallingMode;
    allowedFunctionNames?: string[];
  };
  /** Gemini 3 on Google: lets built-in tools (googleSearch) run beside function declarations. */
  includeServerSideToolInvocations?: boolean;
  retrievalConfig?: { latLng?: { latitude: number; longitude: number }; languageCode?: string };
}

// ---- Generation config ----

export type ThinkingLevel =
  | "THINKING_LEVEL_UNSPECIFIED"
  | "MINIMAL"
  | "LOW"
  | "MEDIUM"
  | "HIGH"
  | "minimal"
  | "low"
  | "medium"
  | "high";

/** `thinkingLevel` and `thinkingBudget` are mutually exclusive (the API refuses both). */
export type ThinkingConfig =
  | { includeThoughts?: boolean; thinkingLevel?: ThinkingLevel; thinkingBudget?: never }
  | { includeThoughts?: boolean; thinkingBudget?: number; thinkingLevel?: never };

export type Modality = "TEXT" | "IMAGE" | "AUDIO" | "Text" | "Image" | "Audio";

export interface ImageConfig {
  /** e.g. "1:1", "16:9", "9:16", "4:3", "3:4". */
  aspectRatio?: string;
  /** e.g. "1K", "2K", "4K" (Gemini 3 image models). */
  imageSize?: string;
}

export interface GenerationConfig {
  temperature?: number;
  topP?: number;
  topK?: number;
  candidateCount?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  presencePenalty?: number;
  frequencyPenalty?: number;
  seed?: number;
  responseMimeType?: string;
  responseSchema?: Schema;
  responseJsonSchema?: unknown;
  responseModalities?: Modality[];
  responseLogprobs?: boolean;
  logprobs?: number;
  thinkingConfig?: ThinkingConfig;
  imageConfig?: ImageConfig;
  mediaResolution?: string;
  speechConfig?: Record<string, unknown>;
}

export interface SafetySetting {
  category: string;
  threshold: string;
}

export interface GenerateContentRequest {
  contents: Content[];
  systemInstruction?: Content;
  tools?: Tool[];
  toolConfig?: ToolConfig;
  generationConfig?: GenerationConfig;
  safetySettings?: SafetySetting[];
  cachedContent?: string;
  labels?: Record<string, string>;
}

// ---- Response ----

export type FinishReason =
  | "FINISH_REASON_UNSPECIFIED"
  | "STOP"
  | "MAX_TOKENS"
  | "SAFETY"
  | "RECITATION"
  | "LANGUAGE"
  | "OTHER"
  | "BLOCKLIST"
  | "PROHIBITED_CONTENT"
  | "SPII"
  | "MALFORMED_FUNCTION_CALL"
  | "IMAGE_SAFETY"
  | "IMAGE_PROHIBITED_CONTENT"
  | "IMAGE_OTHER"
  | "NO_IMAGE"
  | "IMAGE_RECITATION"
  | "UNEXPECTED_TOOL_CALL"
  | "TOO_MANY_TOOL_CALLS"
  | "MISSING_THOUGHT_SIGNATURE";

export interface SafetyRating {
  category: string;
  probability?: string;
  blocked?: boolean;
  [extra: string]: unknown;
}

export interface GroundingMetadata {
  webSearchQueries?: string[];
  searchEntryPoint?: { renderedContent?: string; sdkBlob?: string };
  groundingChunks?: { web?: { uri?: string; title?: string; domain?: string }; [extra: string]: unknown }[];
  groundingSupports?: {
    segment?: { startIndex?: number; endIndex?: number; text?: string; partIndex?: number };
    groundingChunkIndices?: number[];
    confidenceScores?: number[];
  }[];
  retrievalMetadata?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface Candidate {
  content?: { role?: Role; parts?: Part[] };
  finishReason?: FinishReason | (string & {});
  finishMessage?: string;
  index?: number;
  safetyRatings?: SafetyRating[];
  citationMetadata?: Record<string, unknown>;
  groundingMetadata?: GroundingMetadata;
  urlContextMetadata?: Record<string, unknown>;
  tokenCount?: number;
  avgLogprobs?: number;
  logprobsResult?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface ModalityTokenCount {
  modality: string;
  tokenCount?: number;
}

export interface UsageMetadata {
  promptTokenCount?: number;
  cachedContentTokenCount?: number;
  candidatesTokenCount?: number;
  toolUsePromptTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount?: number;
  promptTokensDetails?: ModalityTokenCount[];
  candidatesTokensDetails?: ModalityTokenCount[];
  cacheTokensDetails?: ModalityTokenCount[];
  toolUsePromptTokensDetails?: ModalityTokenCount[];
  trafficType?: string;
}

export interface PromptFeedback {
  blockReason?:
    | "BLOCK_REASON_UNSPECIFIED"
    | "SAFETY"
    | "OTHER"
    | "BLOCKLIST"
    | "PROHIBITED_CONTENT"
    | "IMAGE_SAFETY"
    | (string & {});
  blockReasonMessage?: string;
  safetyRatings?: SafetyRating[];
}

export interface GenerateContentResponse {
  candidates?: Candidate[];
  promptFeedback?: PromptFeedback;
  usageMetadata?: UsageMetadata;
  modelVersion?: string;
  responseId?: string;
  createTime?: string;
  /** KIE.AI adds the credits a call cost. */
  credits_consumed?: number;
  [extra: string]: unknown;
}
