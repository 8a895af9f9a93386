// A scripted Gemini endpoint on loopback HTTP for end-to-end tests: the real provider transport,
// SSE parser and agent loop run; only the network edge is scripted. Every request body is kept
// so tests can assert exactly what was sent.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { GenerateContentRequest, GenerateContentResponse } from "@signet/provider";

export interface ScriptedTurn {
  /** For `generateContent`, the first chunk is the whole response; for streams, one SSE event each. */
  chunks?: GenerateContentResponse[];
  /** An error reply: status and JSON body. */
  status?: number;
  body?: unknown;
  /** Streams only: awaited before writing chunk `index` (hold the stream open to observe ordering). */
  beforeChunk?: (index: number) => Promise<void>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  body: GenerateContentRequest;
  headers: IncomingMessage["headers"];
}

export interface ScriptedModel {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Turns not consumed yet. */
  remaining(): number;
  close(): Promise<void>;
}

export async function startScriptedModel(turns: ScriptedTurn[]): Promise<ScriptedModel> {
  const queue = turns.slice();
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.statusCode = 599;
      res.end(String(error));
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as GenerateContentRequest;
    requests.push({ method: req.method ?? "", url: req.url ?? "", body, headers: req.headers });
    const turn = queue.shift();
    if (!turn) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: 500, message: "script exhausted", status: "INTERNAL" } }));
      return;
    }
    if (turn.status !== undefined) {
      res.writeHead(turn.status, { "content-type": "application/json" });
      res.end(JSON.stringify(turn.body ?? {}));
      return;
    }
    const chunks = turn.chunks ?? [];
    if (!req.url?.includes(":streamGenerateContent")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(chunks[0] ?? {}));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.flushHeaders();
    for (let i = 0; i < chunks.length; i++) {
      await turn.beforeChunk?.(i);
      res.write(`data: ${JSON.stringify(chunks[i])}\r\n\r\n`);
    }
    res.end();
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    remaining: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A whole response with one candidate. */
export function reply(
  parts: GenerateContentResponse extends never ? never : object[],
  extra: {
    finishReason?: string;
    finishMessage?: string;
    usage?: Record<string, number>;
    [key: string]: unknown;
  } = {},
): GenerateContentResponse {
  const { finishReason, finishMessage, usage, ...rest } = extra;
  // `finishReason: undefined` given explicitly means a mid-stream chunk with none.
  const candidate: Record<string, unknown> = { content: { role: "model", parts }, index: 0 };
  if (!("finishReason" in extra)) candidate.finishReason = "STOP";
  else if (finishReason !== undefined) candidate.finishReason = finishReason;
  if (finishMessage) candidate.finishMessage = finishMessage;
  return {
    candidates: [candidate],
    usageMetadata: usage ?? { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
    modelVersion: "test",
    ...rest,
  } as GenerateContentResponse;
}
