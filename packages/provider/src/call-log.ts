// The debug / trace lines for one HTTP attempt. Each returns at once when its level is off, so nothing
// is built, redacted or abbreviated then: logging is free when it is off. Keys are redacted by name
// and by value; signatures and inline data are abbreviated.
import type { ProviderError } from "./errors.js";
import type { CallKind, HttpRequestSpec } from "./gateways.js";
import { abbreviateForLog, type Logger, redactHeaders, redactUrl } from "./logging.js";
import type { GatewayName } from "./provider-types.js";

export interface CallLog {
  logger: Logger;
  gateway: GatewayName;
  model: string;
  kind: CallKind;
  apiKey: string;
}

export function logRequest(log: CallLog, spec: HttpRequestSpec, attempt: number): void {
  if (!log.logger.isLevelEnabled("debug")) return;
  const entry: Record<string, unknown> = {
    gateway: log.gateway,
    model: log.model,
    kind: log.kind,
    attempt,
    url: redactUrl(spec.url, log.apiKey),
    headers: redactHeaders(spec.headers, log.apiKey),
    bodyChars: spec.body.length,
  };
  if (log.logger.isLevelEnabled("trace"))
    entry.body = abbreviateForLog(spec.payload ?? JSON.parse(spec.body));
  log.logger.debug(entry, "Gemini request");
}

export function logResponse(log: CallLog, status: number, startedAt: number): void {
  if (!log.logger.isLevelEnabled("debug")) return;
  log.logger.debug(
    { gateway: log.gateway, model: log.model, status, ms: Math.round(performance.now() - startedAt) },
    "Gemini response headers",
  );
}

export function logHttpError(log: CallLog, error: ProviderError): void {
  if (!log.logger.isLevelEnabled("debug")) return;
  log.logger.debug(
    { gateway: log.gateway, model: log.model, code: error.code, status: error.status },
    "Gemini error",
  );
}
