// The chunks of a streamed response: SSE, a JSON array, or bare objects (the first non-blank character
// decides), each handed out as soon as it is complete and parsed once. A stream that ends before a
// chunk says it is finished is `stream_interrupted`.
//
// One object per stream reads the bytes, decodes them, frames them (eventsource-parser or the JSON
// splitter) and parses each payload when it is asked for: no generator or string per layer per chunk.
import type { EventSourceParser } from "eventsource-parser";
import { bodyReader, nextRead, releaseReader } from "./body-text.js";
import { requestIdFrom } from "./error-mapping.js";
import { ProviderError } from "./errors.js";
import { JsonElementSplitter, JsonSplitError } from "./json-stream.js";
import { malformed, parseChunk } from "./parse-chunk.js";
import type { ReadContext } from "./read-context.js";
import { sseParser } from "./sse-stream.js";
import { isFinalChunk } from "./stream-finish.js";
import type { GenerateContentResponse } from "./wire-types.js";

/** Reads one streamed response chunk by chunk. `cancel()` when stopping early (releases the socket). */
export class ChunkReader {
  readonly #response: Response;
  readonly #ctx: ReadContext;
  readonly #reader: ReturnType<typeof bodyReader>;
  readonly #decoder = new TextDecoder();
  /** Text read before the first non-blank character says which framing this is. */
  #head = "";
  #sse: EventSourceParser | undefined;
  #json: JsonElementSplitter | undefined;
  /** Payloads framed but not handed out yet, from `#taken` on. */
  readonly #ready: string[] = [];
  #taken = 0;
  #chunks = 0;
  #finished = false;
  #bodyEnded = false;
  #released = false;

  constructor(response: Response, ctx: ReadContext) {
    this.#response = response;
    this.#ctx = ctx;
    this.#reader = bodyReader(response, ctx);
  }

  /**
   * The next chunk, or undefined after the last. Throws `stream_interrupted` when the stream ended
   * before a chunk carried a finishReason (or a prompt block), `malformed_response` for data that is
   * not a chunk, a mapped error for an error object in the stream.
   */
  async next(): Promise<GenerateContentResponse | undefined> {
    for (;;) {
      const ready = this.#ready;
      while (this.#taken < ready.length) {
        const data = ready[this.#taken++]!;
        if (data === "[DONE]") continue;
        const chunk = parseChunk(data, this.#ctx, this.#response);
        this.#chunks++;
        if (!this.#finished) this.#finished = isFinalChunk(chunk);
        return chunk;
      }
      ready.length = 0;
      this.#taken = 0;
      if (this.#bodyEnded || !this.#reader) return this.#end();
      const step = await nextRead(this.#reader, this.#ctx, "reading the response");
      if (step.done) {
        this.#bodyEnded = true;
        this.#release();
        this.#feed(this.#decoder.decode());
      } else {
        this.#feed(this.#decoder.decode(step.value, { stream: true }));
      }
    }
  }

  /** Stops reading: cancels the body unless it was read to its end. Safe to call more than once. */
  cancel(): void {
    this.#release();
  }

  #release(): void {
    if (this.#released || !this.#reader) return;
    this.#released = true;
    releaseReader(this.#reader, this.#bodyEnded);
  }

  #feed(text: string): void {
    if (text === "") return;
    if (this.#sse) this.#sse.feed(text);
    else if (this.#json) this.#split(text);
    else this.#sniff(text);
  }

  /** Finds whether the stream is SSE or JSON from its first non-blank character, keeping all text. */
  #sniff(text: string): void {
    const head = this.#head + text;
    const lead = firstNonBlank(head);
    if (lead === undefined) {
      this.#head = head;
      return;
    }
    this.#head = "";
    if (lead === "[" || lead === "{") {
      this.#json = new JsonElementSplitter();
      this.#split(head);
    } else {
      const ready = this.#ready;
      this.#sse = sseParser((data) => ready.push(data));
      this.#sse.feed(head);
    }
  }

  #split(text: string): void {
    let elements: string[];
    try {
      elements = this.#json!.push(text);
    } catch (error) {
      if (error instanceof JsonSplitError) throw malformed(this.#ctx, this.#response, error.message, error);
      throw error;
    }
    for (const element of elements) this.#ready.push(element);
    // A half element or a missing `]` means the stream was cut: the missing finishReason reports it.
  }

  #end(): undefined {
    if (this.#finished) return undefined;
    const chunks = this.#chunks;
    throw new ProviderError({
      code: "stream_interrupted",
      message: `The stream from ${this.#ctx.gateway} ended before the model finished (no finishReason after ${chunks} chunk${chunks === 1 ? "" : "s"}). Retry the call; if it keeps happening, check proxies or timeouts (bodyMs) between you and the gateway.`,
      gateway: this.#ctx.gateway,
      status: this.#response.status,
      retryable: true,
      requestId: requestIdFrom(this.#response.headers),
    });
  }
}

/** The first character that is not blank (space, tab, CR, LF), if any. */
function firstNonBlank(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return text[i];
  }
  return undefined;
}

/** The chunks of a stream as an async generator (see `ChunkReader`). */
export async function* readChunkStream(
  response: Response,
  ctx: ReadContext,
): AsyncGenerator<GenerateContentResponse> {
  const chunks = new ChunkReader(response, ctx);
  try {
    for (;;) {
      const chunk = await chunks.next();
      if (chunk === undefined) return;
      yield chunk;
    }
  } finally {
    chunks.cancel();
  }
}
