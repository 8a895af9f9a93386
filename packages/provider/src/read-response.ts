// Reads a response body: one JSON answer, or a stream of chunks (SSE, a JSON array, or bare objects:
// the first non-blank character decides). Every failure is a typed ProviderError; the body is
// cancelled (its socket released) whenever the reader stops early.
import type { ErrorEnvelopeKind } from "./error-mapping.js";
import { errorFromResponse, requestIdFrom } from "./error-mapping.js";
import { ProviderError } from "./errors.js";
import { JsonElementSplitter, JsonSplitError } from "./json-stream.js";
import type { GatewayName } from "./provider-types.js";
import { sseEventData } from "./sse-stream.js";
import type { AttemptSignal } from "./transport.js";
import { transportError } from "./transport.js";
import type { GenerateContentResponse } from "./wire-types.js";

export interface ReadContext {
  gateway: GatewayName;
  model: string;
  apiKey: string;
  envelope: ErrorEnvelopeKind;
  attempt?: AttemptSignal | undefined;
}

function excerpt(text: string): string {
  const t = text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
  return JSON.stringify(t);
}

function malformed(ctx: ReadContext, response: Response, what: string, cause?: unknown): ProviderError {
  return new ProviderError({
    code: "malformed_response",
    message: `${ctx.gateway} sent data Signet cannot read (${what}). Check that the base URL points at a Gemini-protocol endpoint; report it if it persists.`,
    gateway: ctx.gateway,
    status: response.status,
    retryable: false,
    requestId: requestIdFrom(response.headers),
    cause,
  });
}

/** The body as text pieces; cancels the body if the consumer stops early (releases the socket). */
async function* bodyText(response: Response, ctx: ReadContext): AsyncGenerator<string> {
  const body = response.body;
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let done = false;
  try {
    for (;;) {
      let step: Awaited<ReturnType<typeof reader.read>>;
      try {
        step = await reader.read();
      } catch (error) {
        done = true;
        throw transportError(error, ctx.gateway, ctx.attempt, "reading the response");
      }
      if (step.done) {
        done = true;
        const tail = decoder.decode();
        if (tail) yield tail;
        return;
      }
      yield decoder.decode(step.value, { stream: true });
    }
  } finally {
    // Cancelling aborts the request and frees its socket; not awaited, as a body source may be slow
    // to acknowledge and the consumer has already moved on.
    if (!done) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** Reads an error response (any status >= 400) into the mapped ProviderError. */
export async function errorFromHttp(response: Response, ctx: ReadContext): Promise<ProviderError> {
  let rawBody = "";
  try {
    rawBody = await response.text();
  } catch (error) {
    return transportError(error, ctx.gateway, ctx.attempt, "reading the error body");
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

function parseChunk(text: string, ctx: ReadContext, response: Response): GenerateContentResponse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformed(ctx, response, `invalid JSON ${excerpt(text)}`, error);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw malformed(ctx, response, `expected a JSON object, got ${excerpt(text)}`);
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

/** A whole JSON answer (generateContent). */
export async function readJsonResponse(
  response: Response,
  ctx: ReadContext,
): Promise<GenerateContentResponse> {
  let text = "";
  for await (const piece of bodyText(response, ctx)) text += piece;
  if (text.trim() === "") throw malformed(ctx, response, "empty body");
  return parseChunk(text, ctx, response);
}

/** Finds whether the stream is SSE or JSON from its first non-blank character, keeping all text. */
async function* sniffed(text: AsyncIterator<string>, first: string): AsyncGenerator<string> {
  if (first) yield first;
  for (;;) {
    const step = await text.next();
    if (step.done) return;
    yield step.value;
  }
}

/**
 * The chunks of a stream, each yielded as soon as it is complete. Throws `stream_interrupted` when the
 * stream ends before a chunk carried a finishReason (or a prompt block), `malformed_response` for data
 * that is not a chunk.
 */
export async function* readChunkStream(
  response: Response,
  ctx: ReadContext,
): AsyncGenerator<GenerateContentResponse> {
  const text = bodyText(response, ctx);
  let chunks = 0;
  let finished = false;
  try {
    let head = "";
    for (;;) {
      const step = await text.next();
      if (step.done) break;
      head += step.value;
      if (head.trimStart() !== "") break;
    }
    const lead = head.trimStart()[0];
    const pieces = sniffed(text, head);
    const payloads: AsyncIterable<string> =
      lead === "[" || lead === "{" ? jsonElements(pieces, ctx, response) : sseEventData(pieces);
    for await (const data of payloads) {
      if (data === "[DONE]") continue;
      const chunk = parseChunk(data, ctx, response);
      chunks++;
      if (chunk.promptFeedback?.blockReason) finished = true;
      if (chunk.candidates?.some((c) => c.finishReason)) finished = true;
      yield chunk;
    }
  } finally {
    await text.return(undefined);
  }
  if (!finished) {
    throw new ProviderError({
      code: "stream_interrupted",
      message: `The stream from ${ctx.gateway} ended before the model finished (no finishReason after ${chunks} chunk${chunks === 1 ? "" : "s"}). Retry the call; if it keeps happening, check proxies or timeouts (bodyMs) between you and the gateway.`,
      gateway: ctx.gateway,
      status: response.status,
      retryable: true,
      requestId: requestIdFrom(response.headers),
    });
  }
}

async function* jsonElements(
  pieces: AsyncIterable<string>,
  ctx: ReadContext,
  response: Response,
): AsyncGenerator<string> {
  const splitter = new JsonElementSplitter();
  for await (const piece of pieces) {
    let elements: string[];
    try {
      elements = splitter.push(piece);
    } catch (error) {
      if (error instanceof JsonSplitError) throw malformed(ctx, response, error.message, error);
      throw error;
    }
    for (const element of elements) yield element;
  }
  // A half element or a missing `]` means the stream was cut: the missing finishReason reports it.
}
