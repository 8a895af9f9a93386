// msw at the network edge: the real transport (globalThis.fetch + undici Agent dispatcher), parser and
// retry loop run; only the HTTP exchange is scripted. Unhandled requests fail the test (no internet).
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

export function useMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

const encoder = new TextEncoder();

/** A body delivered as exactly these reads (each string one network read). */
export function bodyOf(pieces: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[i++];
      if (piece === undefined) controller.close();
      else controller.enqueue(typeof piece === "string" ? encoder.encode(piece) : piece);
    },
  });
}

/** A body the test writes to while the consumer reads: proves chunks arrive before the end. */
export function controlledBody() {
  let ctl!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      ctl = controller;
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    stream,
    push: (text: string) => ctl.enqueue(encoder.encode(text)),
    close: () => ctl.close(),
    get cancelled() {
      return cancelled;
    },
  };
}

/** `data: <json>\r\n\r\n` for each chunk, as Google frames SSE. */
export function sse(...chunks: unknown[]): string {
  return chunks.map((c) => `data: ${JSON.stringify(c)}\r\n\r\n`).join("");
}

export function textChunk(text: string, finishReason?: string, extra: Record<string, unknown> = {}) {
  return {
    candidates: [
      {
        content: { role: "model", parts: [{ text, ...extra }] },
        ...(finishReason ? { finishReason } : {}),
        index: 0,
      },
    ],
  };
}
