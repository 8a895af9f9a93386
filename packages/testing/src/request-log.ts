// Every request the emulator served, for tests to assert on. Keys are masked wherever they were
// sent (header, Authorization, `?key=`): a log is something people paste into issues.
import type { IncomingHttpHeaders } from "node:http";
import type { GatewayId, RpcMethod } from "./gateway-routes.js";

export interface RecordedRequest {
  /** 0-based, in arrival order. */
  index: number;
  method: string;
  /** The URL path and query, with `key=` masked. */
  url: string;
  gateway: GatewayId | undefined;
  model: string | undefined;
  rpc: RpcMethod | undefined;
  stream: boolean;
  /** Lower-case header names; credentials masked. */
  headers: Record<string, string>;
  /** The parsed JSON body as sent (undefined when it was not JSON). */
  body: unknown;
  rawBody: string;
  /** The HTTP status sent, or `undefined` when the connection was reset before any. */
  status: number | undefined;
  /** The error message sent back, when the request was refused. */
  error: string | undefined;
  /** The chunks sent (one for generateContent). */
  responses: unknown[];
  /** How the response ended. */
  outcome: "complete" | "reset" | "truncated" | "error";
  startedAt: number;
  durationMs: number;
}

const SECRET_HEADERS = new Set(["x-goog-api-key", "authorization", "api-key", "x-api-key"]);

/** `sk-abcdef123456` -> `***3456`: enough to tell keys apart, useless to anyone else. */
export function maskKey(key: string): string {
  return key.length <= 8 ? "***" : `***${key.slice(-4)}`;
}

export function maskHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    if (!SECRET_HEADERS.has(name)) out[name] = text;
    else {
      const m = /^(Bearer\s+)(.*)$/i.exec(text);
      out[name] = m ? `${m[1]}${maskKey(m[2]!)}` : maskKey(text);
    }
  }
  return out;
}

export function maskUrl(pathAndQuery: string): string {
  return pathAndQuery.replace(
    /([?&]key=)([^&]*)/g,
    (_m, head: string, key: string) => head + maskKey(decodeURIComponent(key)),
  );
}

export class RequestLog {
  readonly #entries: RecordedRequest[] = [];
  #next = 0;

  nextIndex(): number {
    return this.#next++;
  }

  add(entry: RecordedRequest): void {
    this.#entries.push(entry);
  }

  get entries(): readonly RecordedRequest[] {
    return this.#entries;
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
