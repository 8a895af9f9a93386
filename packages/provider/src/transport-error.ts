// Whatever fetch or a body read threw, as a typed ProviderError. The runtime's messages can quote the
// request (a header value, the URL with `?key=`): the key is redacted from the message and the cause.
import type { AttemptSignal } from "./attempt-signal.js";
import { ProviderError } from "./errors.js";
import type { GatewayName } from "./provider-types.js";

export interface TransportErrorContext {
  gateway: GatewayName;
  attempt?: AttemptSignal | undefined;
  /** Redacted from the message and the cause chain. */
  apiKey?: string | undefined;
}

const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

function causeCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns whatever fetch or a body read threw into a ProviderError: `aborted` (caller), `timeout`
 * (our timer or an undici timeout) or `network_error`. ProviderErrors pass through.
 */
export function transportError(error: unknown, ctx: TransportErrorContext, stage: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const { gateway, attempt, apiKey: secret } = ctx;
  if (attempt?.callerAborted) {
    return new ProviderError({
      code: "aborted",
      message: `The call to ${gateway} was aborted by the caller (${stage}).`,
      gateway,
      retryable: false,
      cause: attempt.callerReason ?? error,
      secret,
    });
  }
  const code = causeCode(error);
  if (attempt?.didTimeOut || (code && TIMEOUT_CODES.has(code))) {
    return new ProviderError({
      code: "timeout",
      message: `${gateway} did not answer in time (${stage}${code ? `, ${code}` : ""}). Retry, or raise timeouts (attemptMs / headersMs / bodyMs) for slow models.`,
      gateway,
      retryable: true,
      cause: error,
      secret,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderError({
    code: "network_error",
    message: `Could not reach ${gateway} (${stage}: ${code ?? detail}). Check the network and the base URL (SIGNET_BASE_URL); the call is retried within bounds.`,
    gateway,
    retryable: true,
    cause: error,
    secret,
  });
}
