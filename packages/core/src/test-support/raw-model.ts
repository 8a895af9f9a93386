// A loopback model for the two things the @signet/testing emulator cannot express:
//   - a response without candidates, carrying `promptFeedback.blockReason` (the emulator always
//     answers with a candidate);
//   - a stream held open between chunks until the test releases it, which proves that events reach
//     the consumer mid-response without relying on timing.
// Everything else runs against the emulator. Request bodies are kept for exact assertions.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { GenerateContentRequest, GenerateContentResponse } from "@signet/provider";

export interface RawReply {
  /** Written as SSE events (streams) or, for generateContent, the first one as the whole body. */
  chunks: GenerateContentResponse[];
  /** Streams: awaited before chunk `index` is written. */
  beforeChunk?: (index: number) => Promise<void>;
}

export interface RawModel {
  baseUrl: string;
  bodies: GenerateContentRequest[];
  close(): Promise<void>;
}

export async function startRawModel(replies: RawReply[]): Promise<RawModel> {
  const queue = replies.slice();
  const bodies: GenerateContentRequest[] = [];
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    bodies.push(JSON.parse(raw) as GenerateContentRequest);
    const reply = queue.shift();
    if (!reply) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ error: { code: 500, message: "raw model: no reply left", status: "INTERNAL" } }),
      );
      return;
    }
    if (!req.url?.includes(":streamGenerateContent")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(reply.chunks[0]));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.flushHeaders();
    for (let i = 0; i < reply.chunks.length; i++) {
      await reply.beforeChunk?.(i);
      res.write(`data: ${JSON.stringify(reply.chunks[i])}\r\n\r\n`);
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
