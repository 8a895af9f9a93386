// Writes a response the way the real endpoints frame it, and breaks it on purpose for faults.
//   sse:        `data: <json>\r\n\r\n` per chunk, no `event:` lines, no [DONE]
//   json-array: `[{...}\n,\n{...}\n]`, pretty-printed like Google's (streamGenerateContent without alt=sse)
//   json:       one body (a response, or an error: errors are plain JSON even on stream endpoints)
// A transport fault applies to whatever goes out, an error body included, so it is never lost.
import type { ServerResponse } from "node:http";
import type { GenerateContentResponse } from "@signet/provider";
import type { ChunkHook } from "./chunk-gate.js";
import type { TransportFault } from "./faults.js";
import type { WireFormat } from "./gateway-routes.js";

export interface OutgoingResponse {
  status: number;
  format: WireFormat;
  /** The body in the pieces that go out one at a time (see `framePieces`). */
  pieces: string[];
  headers?: Record<string, string>;
}

export interface WriteOptions {
  fault?: TransportFault | undefined;
  /** Pause between stream chunks (0 by default: tests stay fast). */
  chunkDelayMs?: number | undefined;
  /**
   * Awaited before each piece is written, after the headers (a piece is a chunk, unless a transport
   * fault reshaped the body); given up when the client goes away.
   */
  beforeChunk?: ChunkHook | undefined;
  /** Called once the status line and headers are out. */
  onHeaders?: (status: number) => void;
}

/** `client-closed`: the client went away before the response was complete. */
export type WriteOutcome = "complete" | "reset" | "truncated" | "client-closed";

const CONTENT_TYPE: Record<WireFormat, string> = {
  sse: "text/event-stream",
  "json-array": "application/json; charset=UTF-8",
  json: "application/json; charset=UTF-8",
};

/** The body split into the pieces that go out one at a time. */
export function framePieces(format: WireFormat, chunks: readonly GenerateContentResponse[]): string[] {
  if (format === "sse") return chunks.map((c) => `data: ${JSON.stringify(c)}\r\n\r\n`);
  if (format === "json") return [JSON.stringify(chunks[0] ?? {})];
  return chunks.map(
    (c, i) =>
      `${i === 0 ? "[" : "\n,\n"}${JSON.stringify(c, null, 2)}${i === chunks.length - 1 ? "\n]" : ""}`,
  );
}

export async function writeResponse(
  res: ServerResponse,
  out: OutgoingResponse,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  const { fault } = options;
  let pieces = out.pieces;
  if (fault?.type === "reset-before-first-chunk") {
    reset(res);
    return "reset";
  }
  if (fault?.type === "slow-headers") await pause(res, fault.delayMs);
  if (pieces.length === 1 && (fault?.type === "slow-body" || fault?.type === "reset-after-first-chunk")) {
    // A one-piece body still has a "first chunk": its first half.
    const body = pieces[0]!;
    pieces = [body.slice(0, Math.floor(body.length / 2)), body.slice(Math.floor(body.length / 2))];
  }
  if (fault?.type === "malformed-event") pieces = malform(out.format, pieces);

  if (gone(res)) return "client-closed";
  res.writeHead(out.status, {
    "content-type": CONTENT_TYPE[out.format],
    ...(out.format === "sse" ? { "cache-control": "no-cache" } : {}),
    ...out.headers,
  });
  res.flushHeaders();
  options.onHeaders?.(out.status);

  if (fault?.type === "truncated-stream") {
    const cut = pieces.at(-1)!;
    pieces = [...pieces.slice(0, -1), cut.slice(0, Math.max(1, Math.floor(cut.length / 2)))];
  }
  for (let i = 0; i < pieces.length; i++) {
    await pause(res, fault?.type === "slow-body" ? fault.delayMs : i === 0 ? 0 : (options.chunkDelayMs ?? 0));
    if (options.beforeChunk) await hold(res, options.beforeChunk, i);
    if (gone(res)) return "client-closed";
    await new Promise<void>((resolve) => res.write(pieces[i]!, () => resolve()));
    if (fault?.type === "reset-after-first-chunk") {
      // Let the client read the first chunk before the reset lands.
      await pause(res, 5);
      reset(res);
      return "reset";
    }
  }
  res.end();
  return fault?.type === "truncated-stream" ? "truncated" : "complete";
}

function malform(format: WireFormat, pieces: string[]): string[] {
  const broken = '{"candidates": [{"content": {"parts": [{"text": "oops"}]}}]'; // missing brace
  if (format === "sse") return [...pieces.slice(0, 1), `data: ${broken}\r\n\r\n`, ...pieces.slice(1)];
  if (format === "json") return [broken];
  return [`[${broken}\n]`];
}

/** An abrupt TCP reset (RST), as a dropped connection looks to the client. */
function reset(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

/** Waits `ms`, or less if the client goes away first: a slow fault never outlives its client. */
function pause(res: ServerResponse, ms: number): Promise<void> {
  if (ms <= 0 || gone(res)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off("close", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.once("close", done);
  });
}

/** Runs the hook for piece `index`; stops waiting (and tells the hook) when the client goes away. */
async function hold(res: ServerResponse, hook: ChunkHook, index: number): Promise<void> {
  if (gone(res)) return;
  const controller = new AbortController();
  const leave = () => controller.abort(new Error("the client went away"));
  res.once("close", leave);
  try {
    await Promise.race([
      hook(index, controller.signal),
      new Promise<void>((resolve) => controller.signal.addEventListener("abort", () => resolve())),
    ]);
  } finally {
    res.off("close", leave);
  }
}

function gone(res: ServerResponse): boolean {
  return res.destroyed || (res.socket?.destroyed ?? true);
}
