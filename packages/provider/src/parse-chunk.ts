// One chunk (or one whole answer) from its JSON text: parsed exactly once. An `{"error":...}` object
// in place of a chunk is mapped to its ProviderError; anything that is not a JSON object is a typed
// `malformed_response`, never a crash. The body excerpt in that message has the key redacted.
import { errorFromResponse, requestIdFrom } from "./error-mapping.js";
import { ProviderError } from "./errors.js";
import { redactKey } from "./key-redaction.js";
import type { ReadContext } from "./read-context.js";
import type { GenerateContentResponse } from "./wire-types.js";

/** The start of a body for a message: redacted before it is cut, so no piece of a key survives. */
function excerpt(text: string, apiKey: string): string {
  const safe = redactKey(text, apiKey);
  const t = safe.length > 160 ? `${safe.slice(0, 160)}… (${text.length} chars)` : safe;
  return JSON.stringify(t);
}

export function malformed(
  ctx: ReadContext,
  response: Response,
  what: string,
  cause?: unknown,
): ProviderError {
  return new ProviderError({
    code: "malformed_response",
    message: `${ctx.gateway} sent data Signet cannot read (${what}). Check that the base URL points at a Gemini-protocol endpoint; report it if it persists.`,
    gateway: ctx.gateway,
    status: response.status,
    retryable: false,
    requestId: requestIdFrom(response.headers),
    cause,
    secret: ctx.apiKey,
  });
}

export function parseChunk(text: string, ctx: ReadContext, response: Response): GenerateContentResponse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Not kept as the cause: V8's message quotes the text around the bad token, which could be a
    // piece of an echoed key too short to recognise. The position is all it adds.
    const at = error instanceof Error ? /position \d+/.exec(error.message)?.[0] : undefined;
    throw malformed(ctx, response, `invalid JSON${at ? ` at ${at}` : ""}: ${excerpt(text, ctx.apiKey)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw malformed(ctx, response, `expected a JSON object, got ${excerpt(text, ctx.apiKey)}`);
  }
  const obj = value as GenerateContentResponse & { error?: { code?: unknown } };
  // An error can arrive inside a 200 stream or as a JSON body on a stream endpoint.
  if (obj.error && typeof obj.error === "object" && !obj.candidates) {
    const code = obj.error.code;
    throw errorFromResponse(
      {
        gateway: ctx.gateway,
        status: typeof code === "number" ? code : response.status >= 400 ? response.status : 500,
        model: ctx.model,
        headers: response.headers,
        rawBody: text,
        apiKey: ctx.apiKey,
      },
      ctx.envelope,
    );
  }
  return obj;
}
