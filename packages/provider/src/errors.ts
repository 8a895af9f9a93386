// Typed errors. Every failure a user can meet carries a normalized `code` and a message that says
// what to do next; provider failures also carry the HTTP facts (status, request id, raw body).
import { redactKey, redactKeyInError } from "./key-redaction.js";
import type { GatewayName } from "./provider-types.js";

/** Base of every error Signet raises. Other packages extend it with their own codes. */
export class SignetError<C extends string = string> extends Error {
  readonly code: C;
  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SignetError";
    this.code = code;
  }
}

/** Normalized codes for a failed call, whatever the gateway's own envelope says. */
export type ProviderErrorCode =
  | "invalid_request"
  | "invalid_api_key"
  | "permission_denied"
  | "ip_not_allowed"
  | "insufficient_credits"
  | "model_not_found"
  | "task_not_found"
  | "not_found"
  | "request_timeout"
  | "rate_limit_exceeded"
  | "quota_exhausted"
  | "spend_limit_exceeded"
  | "internal_error"
  | "upstream_error"
  | "unavailable"
  | "deadline_exceeded"
  | "http_error"
  | "unexpected_redirect"
  | "network_error"
  | "timeout"
  | "aborted"
  | "stream_interrupted"
  | "malformed_response";

export interface ProviderErrorInit {
  code: ProviderErrorCode;
  message: string;
  gateway: GatewayName;
  /** HTTP status; undefined when no response arrived (network error, timeout, abort). */
  status?: number | undefined;
  retryable: boolean;
  retryAfterMs?: number | undefined;
  requestId?: string | undefined;
  /** The response body as received (error bodies are small JSON). */
  rawBody?: string | undefined;
  cause?: unknown;
  /**
   * The call's API key: redacted from `message`, `rawBody` and the `cause` chain should a server or
   * the runtime echo it. Never stored.
   */
  secret?: string | undefined;
}

/** A failed provider call. `retryable` follows invariant 4; the retry policy reads it. */
export class ProviderError extends SignetError<ProviderErrorCode> {
  readonly gateway: GatewayName;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;
  readonly rawBody: string | undefined;
  constructor(init: ProviderErrorInit) {
    const key = init.secret;
    super(
      init.code,
      redactKey(init.message, key),
      init.cause === undefined ? undefined : { cause: redactKeyInError(init.cause, key) },
    );
    this.name = "ProviderError";
    this.gateway = init.gateway;
    this.status = init.status;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.requestId = init.requestId;
    this.rawBody = init.rawBody === undefined ? undefined : redactKey(init.rawBody, key);
  }
}

/** googleSearch together with functionDeclarations where the gateway/model refuses it (invariant 3). */
export class ToolConflictError extends SignetError<"tool_conflict"> {
  readonly gateway: GatewayName;
  readonly model: string;
  /** The built-in tool kinds that clash with function declarations. */
  readonly searchTools: readonly string[];
  constructor(gateway: GatewayName, model: string, searchTools: readonly string[], message: string) {
    super("tool_conflict", message);
    this.name = "ToolConflictError";
    this.gateway = gateway;
    this.model = model;
    this.searchTools = searchTools;
  }
}

export type ConfigErrorCode = "missing_api_key" | "unknown_gateway" | "invalid_config";

/** A provider that cannot be built from the given options or environment. */
export class ConfigError extends SignetError<ConfigErrorCode> {
  constructor(code: ConfigErrorCode, message: string) {
    super(code, message);
    this.name = "ConfigError";
  }
}

/** A request the caller wrote that cannot be sent as is (caught before any I/O). */
export class RequestInputError extends SignetError<"invalid_request_input"> {
  /** Where in the request, e.g. `contents[1].parts[0]`. */
  readonly path: string;
  constructor(path: string, message: string) {
    super("invalid_request_input", `${path}: ${message}`);
    this.name = "RequestInputError";
    this.path = path;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
