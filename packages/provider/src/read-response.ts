// Reads a non-streamed response: one JSON answer, or an error response mapped to its ProviderError.
import { bodyTextWhole } from "./body-text.js";
import { errorFromResponse } from "./error-mapping.js";
import { ProviderError } from "./errors.js";
import { malformed, parseChunk } from "./parse-chunk.js";
import type { ReadContext } from "./read-context.js";
import type { SeenRedirect } from "./redirect-watch.js";
import { transportError } from "./transport-error.js";
import type { GenerateContentResponse } from "./wire-types.js";

export type { ReadContext };

/** Reads an error response (any status >= 400) into the mapped ProviderError. */
export async function errorFromHttp(response: Response, ctx: ReadContext): Promise<ProviderError> {
  let rawBody = "";
  try {
    rawBody = await bodyTextWhole(response, ctx, "reading the error body");
  } catch (error) {
    return transportError(error, ctx, "reading the error body");
  }
  return errorFromResponse(
    {
      gateway: ctx.gateway,
      status: response.status,
      model: ctx.model,
      headers: response.headers,
      rawBody,
      apiKey: ctx.apiKey,
    },
    ctx.envelope,
  );
}

/**
 * A redirect fetch refused (never followed: the key would go along), with its status and target when
 * the dispatcher saw it (not when something above the dispatcher, such as msw, answered).
 */
export function errorFromRedirect(seen: SeenRedirect | undefined, ctx: ReadContext): ProviderError {
  if (seen) {
    const { status, headers } = seen;
    return errorFromResponse(
      { gateway: ctx.gateway, status, model: ctx.model, headers, rawBody: "", apiKey: ctx.apiKey },
      ctx.envelope,
    );
  }
  return new ProviderError({
    code: "unexpected_redirect",
    message: `${ctx.gateway} answered with a redirect. Signet does not follow redirects, so the key never goes to another address: if you trust the new address, set it as the base URL (baseUrl / SIGNET_BASE_URL).`,
    gateway: ctx.gateway,
    retryable: false,
  });
}

/** A whole JSON answer (generateContent). */
export async function readJsonResponse(
  response: Response,
  ctx: ReadContext,
): Promise<GenerateContentResponse> {
  const text = await bodyTextWhole(response, ctx);
  if (isBlank(text)) throw malformed(ctx, response, "empty body");
  return parseChunk(text, ctx, response);
}

/** True for an empty or all-whitespace body; looks at the first characters only, copies nothing. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}
