// The chunks of a streamed response: SSE, a JSON array, or bare objects (the first non-blank character
// decides), each yielded as soon as it is complete and parsed once. A stream that ends before a chunk
// says it is finished is `stream_interrupted`.
import { bodyText } from "./body-text.js";
import { requestIdFrom } from "./error-mapping.js";
import { ProviderError } from "./errors.js";
import { JsonElementSplitter, JsonSplitError } from "./json-stream.js";
import { malformed, parseChunk } from "./parse-chunk.js";
import type { ReadContext } from "./read-context.js";
import { sseEventData } from "./sse-stream.js";
import { isFinalChunk } from "./stream-finish.js";
import type { GenerateContentResponse } from "./wire-types.js";

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
      if (!finished) finished = isFinalChunk(chunk);
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
