// Logging through pino: silent unless asked, keys never written (headers, Authorization, ?key=),
// signatures and inline data abbreviated. Callers check the level before building a log object, so
// logging costs nothing when it is off.
import { type Logger, pino } from "pino";
import { ConfigError } from "./errors.js";
import { redactKey } from "./key-redaction.js";

export type { Logger };

const REDACTED = "[redacted]";
const SECRET_QUERY = /([?&](?:key|api_key|apikey|access_token|token)=)[^&#]*/gi;
const SECRET_HEADER =
  /^(authorization|x-goog-api-key|api-key|x-api-key|proxy-authorization)$|key|token|secret/i;

/** A silent logger, or a pino logger at `level` writing JSON lines to stderr. */
export function createLogger(level: string = "silent"): Logger {
  if (level === "silent") return pino({ level: "silent" });
  if (!Object.hasOwn(pino.levels.values, level)) {
    throw new ConfigError(
      "invalid_config",
      `Log level "${level}" is not a pino level. Use one of: silent, ${Object.keys(pino.levels.values).join(", ")} (SIGNET_LOG_LEVEL).`,
    );
  }
  return pino(
    {
      name: "signet",
      level,
      // Belt and braces: these paths never carry a key in what Signet logs, but a caller's own
      // bindings might.
      redact: { paths: ["apiKey", "headers.authorization", 'headers["x-goog-api-key"]'], censor: REDACTED },
    },
    pino.destination(2),
  );
}

/**
 * The URL with any key-like query parameter replaced, and `apiKey` wherever else it appears (a
 * custom gateway may put it under any query name).
 */
export function redactUrl(url: string, apiKey?: string): string {
  return redactKey(url.replace(SECRET_QUERY, `$1${REDACTED}`), apiKey);
}

/**
 * Headers with every credential replaced (`Authorization: Bearer [redacted]`): credential-like names,
 * and any header holding `apiKey` (a custom gateway may use any header name).
 */
export function redactHeaders(headers: Record<string, string>, apiKey?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const secret =
      SECRET_HEADER.test(name) || (!!apiKey && (value === apiKey || value === `Bearer ${apiKey}`));
    if (!secret) out[name] = value;
    else out[name] = /^bearer\s/i.test(value) ? `Bearer ${REDACTED}` : REDACTED;
  }
  return out;
}

/** `abcdefgh…[123456 chars]` for long opaque strings. */
export function abbreviate(value: string, keep = 12): string {
  return value.length <= keep * 2 ? value : `${value.slice(0, keep)}…[${value.length} chars]`;
}

const OPAQUE_KEYS = new Set(["thoughtSignature", "thought_signature", "data"]);
const LONG_STRING = 2000;

/** A copy for logging: signatures and inline data abbreviated, any huge string cut. Debug paths only. */
export function abbreviateForLog(value: unknown, key?: string): unknown {
  if (typeof value === "string") {
    if (key && OPAQUE_KEYS.has(key)) return abbreviate(value);
    return value.length > LONG_STRING ? abbreviate(value, 200) : value;
  }
  if (Array.isArray(value)) return value.map((v) => abbreviateForLog(v));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = abbreviateForLog(v, k);
    return out;
  }
  return value;
}
