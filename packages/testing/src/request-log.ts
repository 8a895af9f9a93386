// Every request the emulator served, for tests to assert on. An entry is added as the request
// arrives and filled in as the answer goes out. Keys are masked wherever they were sent (a key
// header, Authorization, `?key=`): a log is something people paste into issues.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { GatewayId, RpcMethod } from "./gateway-wire.js";

export interface RecordedRequest {
  /** 0-based, in arrival order. */
  index: number;
  method: string;
  /** The URL path and query, with `key=` (and any other credential parameter) masked. */
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
  /** The HTTP status sent, or `undefined` while in flight or when the connection was reset before any. */
  status: number | undefined;
  /** The error message sent back, when the request was refused. */
  error: string | undefined;
  /** The chunks sent (one for generateContent). */
  responses: unknown[];
  /**
   * How the response ended: `in-flight` until it does; `error` for a refusal; `reset` / `truncated`
   * for those faults; `client-closed` when the client went away first.
   */
  outcome: "in-flight" | "complete" | "reset" | "truncated" | "client-closed" | "error";
  startedAt: number;
  durationMs: number;
}

const SECRET_HEADER = /^(?:authorization|proxy-authorization|cookie)$|key|token|secret/i;
const SECRET_QUERY = /^(?:key|api_?key|access_token|token)$/i;

/** `sk-abcdef123456` -> `***3456`: enough to tell keys apart, useless to anyone else. */
export function maskKey(key: string): string {
  return key.length <= 8 ? "***" : `***${key.slice(-4)}`;
}

export function maskHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    if (!SECRET_HEADER.test(name)) out[name] = text;
    else {
      const scheme = /^(Bearer|Basic)\s+(.*)$/i.exec(text);
      out[name] = scheme ? `${scheme[1]} ${maskKey(scheme[2]!)}` : maskKey(text);
    }
  }
  return out;
}

/** The path and query with every credential parameter's value masked. */
export function maskUrl(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf("?");
  if (q === -1) return pathAndQuery;
  const query = pathAndQuery
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq === -1 ? pair : pair.slice(0, eq);
      if (eq === -1 || !SECRET_QUERY.test(safeDecode(name))) return pair;
      return `${name}=${maskKey(safeDecode(pair.slice(eq + 1)))}`;
    })
    .join("&");
  return `${pathAndQuery.slice(0, q)}?${query}`;
}

/** A malformed escape (`%zz`) must not crash the log: the raw text is masked instead. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

export class RequestLog {
  readonly #entries: RecordedRequest[] = [];
  #next = 0;

  /** `limit`: the most entries kept (a long-running emulator must not grow forever). */
  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  /** Logs a request as it arrives; the handler fills in the rest. */
  open(req: IncomingMessage, rawBody: string, startedAt: number): RecordedRequest {
    let body: unknown;
    try {
      body = rawBody === "" ? undefined : JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
    const entry: RecordedRequest = {
      index: this.#next++,
      method: req.method ?? "GET",
      url: maskUrl(req.url ?? "/"),
      gateway: undefined,
      model: undefined,
      rpc: undefined,
      stream: false,
      headers: maskHeaders(req.headers),
      body,
      rawBody,
      status: undefined,
      error: undefined,
      responses: [],
      outcome: "in-flight",
      startedAt,
      durationMs: 0,
    };
    this.#entries.push(entry);
    if (this.#entries.length > this.limit) this.#entries.splice(0, this.#entries.length - this.limit);
    return entry;
  }

  get entries(): readonly RecordedRequest[] {
    return this.#entries;
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
