// @signet/testing: a strict local Gemini emulator for tests, with scripted and generic models.
export type { BlockedPrompt, BlockReason } from "./blocked-prompt.js";
export { type ChunkGate, type ChunkGateOptions, type ChunkHook, chunkGate } from "./chunk-gate.js";
export { type EmulatorCliIo, runEmulatorCli } from "./cli.js";
export { type ErrorKind, renderError } from "./error-envelopes.js";
export type { Fault, HttpFault, TransportFault } from "./faults.js";
export {
  FUNCTION_NAME_PATTERN,
  validateFunctionDeclaration,
} from "./function-declaration-validator.js";
export { GATEWAY_BASE_PATH, GATEWAY_IDS, type GatewayId } from "./gateway-routes.js";
export { TINY_PNG_BASE64 } from "./generic-model.js";
export type { ModelReply } from "./model-reply.js";
export { type ModelFamily, type ModelTraits, modelTraits } from "./model-traits.js";
export type { RecordedRequest } from "./request-log.js";
export { type ValidationContext, type ValidationResult, validateRequest } from "./request-validator.js";
export {
  type SchemaDialect,
  type SchemaIssue,
  type SchemaIssueCode,
  type SchemaValidationOptions,
  validateSchema,
} from "./schema-validator.js";
export type {
  BlockedTurn,
  CallsTurn,
  ContentTurn,
  Delivery,
  EmulatedRequest,
  ErrorTurn,
  FaultTurn,
  PartsTurn,
  ScriptedCall,
  ScriptedTurn,
  ScriptStep,
  TextTurn,
} from "./scripted-model.js";
export { createEmulator, type Emulator, type EmulatorOptions } from "./server.js";
export { type ForeignSignaturePolicy, SIGNATURE_SENTINELS } from "./signature-ledger.js";
