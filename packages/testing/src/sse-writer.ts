// Writes responses the way the real endpoints frame them, and breaks them on purpose for faults.
//   sse:        `data: <json>\r\n\r\n` per chunk, no `event:` lines, no [DONE]
//   json-array: `[{...}\n,\n{...}\n]`, pretty-printed like Google's (streamGenerateContent without alt=sse)
//   json:       one response body
import type { ServerResponse } from "node:http";
import type { GenerateContentResponse } from "@signet/provider";
import type { TransportFault } from "./faults.js";
import type { WireFormat } from "./gateway-routes.js";

export interface WriteOptions {
  format: WireFormat;
  fault?: TransportFault | undefined;
  /** Pause between stream chunks (0 by default: tests stay fast). */
  chunkDelayMs?: number;
  extraHeaders?: Record<string, string>;
}

export type WriteOutcome = "complete" | "reset" | "truncated";

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

export async function writeChunks(
  res: ServerResponse,
  chunks: readonly GenerateContentResponse[],
  options: WriteOptions,
): Promise<WriteOutcome> {
  const { format, fault } = options;
  let pieces = framePieces(format, chunks);
  if (fault?.type === "reset-before-first-chunk") {
    reset(res);
    return "reset";
  }
  if (fault?.type === "slow-headers") await sleep(fault.delayMs);
  if (format === "json" && (fault?.type === "slow-body" || fault?.type === "reset-after-first-chunk")) {
    // A one-piece body still has a "first chunk": its first half.
    const body = pieces[0]!;
    pieces = [body.slice(0, Math.floor(body.length / 2)), body.slice(Math.floor(body.length / 2))];
  }
  if (fault?.type === "malformed-event") pieces = malform(format, pieces);

  if (res.destroyed) return "reset";
  res.writeHead(200, {
    "content-type": CONTENT_TYPE[format],
    ...(format === "sse" ? { "cache-control": "no-cache" } : {}),
    ...options.extraHeaders,
  });
  res.flushHeaders();

  if (fault?.type === "truncated-stream") {
    const keep = pieces.length > 1 ? pieces.slice(0, -1) : [];
    const cut = pieces.at(-1)!;
    for (const piece of keep) await write(res, piece, options.chunkDelayMs);
    await write(res, cut.slice(0, Math.max(1, Math.floor(cut.length / 2))), options.chunkDelayMs);
    res.end();
    return "truncated";
  }
  for (let i = 0; i < pieces.length; i++) {
    const delay = fault?.type === "slow-body" ? fault.delayMs : i === 0 ? 0 : options.chunkDelayMs;
    await write(res, pieces[i]!, delay);
    if (fault?.type === "reset-after-first-chunk") {
      // Let the first chunk reach the client before the reset.
      await sleep(5);
      reset(res);
      return "reset";
    }
  }
  res.end();
  return "complete";
}

function malform(format: WireFormat, pieces: string[]): string[] {
  const broken = '{"candidates": [{"content": {"parts": [{"text": "oops"}]}}]'; // missing brace
  if (format === "sse") return [...pieces.slice(0, 1), `data: ${broken}\r\n\r\n`, ...pieces.slice(1)];
  if (format === "json") return [broken];
  return [`[${broken}\n]`];
}

async function write(res: ServerResponse, piece: string, delayMs = 0): Promise<void> {
  if (delayMs > 0) await sleep(delayMs);
  if (res.destroyed) return;
  await new Promise<void>((resolve) => {
    res.write(piece, () => resolve());
  });
}

/** An abrupt TCP reset (RST), as a dropped connection looks to the client. */
function reset(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
