// Invariant 7: an API key never reaches an error message, a raw body, an error's cause or a log line.
// A key travels in two forms (as is in a header, URL-encoded in `?key=`); both are replaced wherever
// a server or the runtime could echo them back: an error body, a fetch or undici error message, a
// JSON.parse error quoting the body.

const REDACTED = "[redacted]";
/** Shorter strings are test stand-ins, not keys; replacing them would mangle ordinary words. */
const MIN_KEY_LENGTH = 4;
/** How deep a cause chain is followed. */
const MAX_DEPTH = 8;

function formsOf(apiKey: string | undefined): string[] {
  if (!apiKey || apiKey.length < MIN_KEY_LENGTH) return [];
  const encoded = encodeURIComponent(apiKey);
  return encoded === apiKey ? [apiKey] : [apiKey, encoded];
}

function scrub(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}

/** `text` with every form of the key replaced by `[redacted]`. */
export function redactKey(text: string, apiKey: string | undefined): string {
  return scrub(text, formsOf(apiKey));
}

function mentions(value: unknown, forms: readonly string[], depth: number): boolean {
  if (typeof value === "string") return forms.some((f) => value.includes(f));
  if (!(value instanceof Error) || depth > MAX_DEPTH) return false;
  if (mentions(value.message, forms, depth) || mentions(value.stack, forms, depth)) return true;
  if (value instanceof AggregateError && value.errors.some((e) => mentions(e, forms, depth + 1))) return true;
  return mentions(value.cause, forms, depth + 1);
}

function copy(value: unknown, forms: readonly string[], depth: number): unknown {
  if (typeof value === "string") return scrub(value, forms);
  if (!(value instanceof Error) || depth > MAX_DEPTH || !mentions(value, forms, depth)) return value;
  const cause = value.cause === undefined ? undefined : { cause: copy(value.cause, forms, depth + 1) };
  const out =
    value instanceof AggregateError
      ? new AggregateError(
          value.errors.map((e) => copy(e, forms, depth + 1)),
          scrub(value.message, forms),
          cause,
        )
      : new Error(scrub(value.message, forms), cause);
  out.name = value.name;
  if (value.stack !== undefined) out.stack = scrub(value.stack, forms);
  const code = (value as { code?: unknown }).code;
  if (code !== undefined) Object.assign(out, { code });
  return out;
}

/**
 * The error unchanged when no link of its cause chain mentions the key; otherwise a copy of the
 * chain (name, message, stack, `code`, `cause`) with the key redacted. Used for `ProviderError.cause`.
 */
export function redactKeyInError(error: unknown, apiKey: string | undefined): unknown {
  const forms = formsOf(apiKey);
  return forms.length === 0 ? error : copy(error, forms, 0);
}
