// A response body as decoded text pieces, one per network read (multi-byte characters split across
// reads are decoded correctly). Stopping early cancels the body, which releases the socket.
import type { ReadContext } from "./read-context.js";
import { transportError } from "./transport-error.js";

/** The body as text pieces; cancels the body if the consumer stops early (releases the socket). */
export async function* bodyText(response: Response, ctx: ReadContext): AsyncGenerator<string> {
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
        throw transportError(error, ctx, "reading the response");
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
