export { capabilitiesFor, isGemini3OrLater } from "./capabilities.js";
export {
  type ErrorContext,
  type ErrorEnvelopeKind,
  errorFromResponse,
  type GatewayErrorBody,
  type GoogleErrorBody,
  mapGatewayError,
  mapGoogleError,
  parseRetryAfter,
  parseRetryDelay,
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
export { type EitherCase, normalizeRequest, type RequestInput } from "./normalize-request.js";
export type * from "./provider-types.js";
export {
  assertToolsAllowed,
  combinedTools,
  conflictingSearchTools,
  type ExclusiveTools,
  exclusiveTools,
} from "./tool-exclusivity.js";
export type * from "./wire-types.js";
export { PART_DATA_KEYS, SCHEMA_FIELDS, TOOL_KINDS } from "./wire-types.js";
