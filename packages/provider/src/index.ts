// @signet/provider: the Gemini-native wire for Google, KIE.AI, kkiai and aivideoapi.
export { capabilitiesFor, isGemini3OrLater } from "./capabilities.js";
export { readChunkStream } from "./chunk-stream.js";
export { apiKeyFromEnv, type Env, gatewayFromEnv, providerFromEnv, providerOptionsFromEnv } from "./env.js";
export {
  type ErrorContext,
  type ErrorEnvelopeKind,
  errorFromResponse,
  type GatewayErrorBody,
  type GoogleErrorBody,
  mapGatewayError,
  mapGoogleError,
} from "./error-mapping.js";
export {
  ConfigError,
  type ConfigErrorCode,
  isProviderError,
  ProviderError,
  type ProviderErrorCode,
  type ProviderErrorInit,
  RequestInputError,
  SignetError,
  ToolConflictError,
} from "./errors.js";
export {
  type AuthPlacement,
  buildHttpRequest,
  type CallKind,
  type CustomGatewayConfig,
  GATEWAY_PRESETS,
  type GatewayPreset,
  type HttpRequestSpec,
  isGatewayName,
  type PresetGatewayName,
  resolveGateway,
} from "./gateways.js";
export { JsonElementSplitter } from "./json-stream.js";
export {
  abbreviate,
  abbreviateForLog,
  createLogger,
  type Logger,
  redactHeaders,
  redactUrl,
} from "./logging.js";
export { type EitherCase, normalizeRequest, type RequestInput } from "./normalize-request.js";
export { createProvider, type ProviderOptions, type SignetProvider } from "./provider.js";
export type * from "./provider-types.js";
export { type ReadContext, readJsonResponse } from "./read-response.js";
export { parseRetryAfter, parseRetryDelay, retryDelayFromMessage } from "./retry-after.js";
export {
  DEFAULT_RETRY,
  type RetryOptions,
  type RetryPolicy,
  resolveRetryPolicy,
  retryDelayMs,
} from "./retry-policy.js";
export { sseEventData } from "./sse-stream.js";
export { StreamAccumulator, textOf, toGenerateResult } from "./stream-accumulator.js";
export {
  assertToolsAllowed,
  combinedTools,
  conflictingSearchTools,
  type ExclusiveTools,
  exclusiveTools,
} from "./tool-exclusivity.js";
export { DEFAULT_TIMEOUTS, type TransportTimeouts } from "./transport.js";
export type * from "./wire-types.js";
export { PART_DATA_KEYS, SCHEMA_FIELDS, TOOL_KINDS } from "./wire-types.js";
