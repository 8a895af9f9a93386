// Reading a response body: whole (decoded once), or read by read (chunk-stream.ts). Both honour the
// attempt's deadline: when it passes, the reader is cancelled (which aborts the request) and the read
// ends with `timeout`. Stopping early cancels the body, which releases the socket.
import type { ReadContext } from "./read-context.js";
import { transportError } from "./transport-error.js";

type Reader = ReadableStreamDefaultReader<Uint8Array>;
type ReadResult = Awaited<ReturnType<Reader["read"]>>;

/** The body's reader, cancelled by the attempt's deadline; undefined for a response without body. */
export function bodyReader(response: Response, ctx: ReadContext): Reader | undefined {
  const reader = response.body?.getReader() as Reader | undefined;
  if (reader) ctx.attempt?.onExpire((reason) => reader.cancel(reason).catch(() => {}));
  return reader;
}

/** The next read; a failure or the attempt's deadline becomes a ProviderError. */
export async function nextRead(reader: Reader, ctx: ReadContext, stage: string): Promise<ReadResult> {
  let step: ReadResult;
  try {
    step = await reader.read();
  } catch (error) {
    throw transportError(error, ctx, stage);
  }
  // A cancelled reader ends like a finished body: only the attempt knows it was its deadline.
  if (step.done && ctx.attempt?.didTimeOut) {
    throw transportError(new Error("the attempt's deadline passed"), ctx, stage);
  }
  return step;
}

/** Releases the reader; cancels the body first unless it was read to its end. */
export function releaseReader(reader: Reader, done: boolean): void {
  // Cancelling aborts the request and frees its socket; not awaited, as a body source may be slow
  // to acknowledge and the consumer has already moved on.
  if (!done) reader.cancel().catch(() => {});
  reader.releaseLock();
}

/** The whole body, decoded once (cheaper to decode and to JSON.parse than pieces joined). */
export async function bodyTextWhole(
  response: Response,
  ctx: ReadContext,
  stage = "reading the response",
): Promise<string> {
  const reader = bodyReader(response, ctx);
  if (!reader) return "";
  let done = false;
  const pieces: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const step = await nextRead(reader, ctx, stage);
      if (step.done) break;
      pieces.push(step.value);
      length += step.value.byteLength;
    }
    done = true;
  } finally {
    releaseReader(reader, done);
  }
  if (pieces.length <= 1) return pieces.length === 0 ? "" : new TextDecoder().decode(pieces[0]);
  const all = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    all.set(piece, at);
    at += piece.byteLength;
  }
  return new TextDecoder().decode(all);
}
