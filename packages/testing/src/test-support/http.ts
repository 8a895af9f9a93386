// Helpers for this package's own tests: plain fetch over loopback, nothing mocked.
import { GATEWAY_WIRE, type GatewayId, type GatewayWire } from "../gateway-wire.js";
import type { Emulator } from "../server.js";

export interface Posted {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body (for SSE: the parsed events; for JSON: the value). */
  json: unknown;
  /** Google's `error.message` (or the gateway's message) when refused. */
  errorMessage: string | undefined;
}

export interface PostOptions {
  gateway?: GatewayId;
  model?: string;
  stream?: "sse" | "json-array";
  key?: string;
}

/** The gateway's documented path for `model` (stream: framed as asked where the gateway lets you choose). */
export function pathFor(gateway: GatewayId, model: string, stream?: "sse" | "json-array"): string {
  const wire: GatewayWire = GATEWAY_WIRE[gateway];
  const template = stream || wire.generatePath === null ? wire.streamPath.split("?")[0]! : wire.generatePath;
  const query = stream === "sse" && wire.streamFraming === "alt-sse" ? "?alt=sse" : "";
  return template.replace("{model}", encodeURIComponent(model)) + query;
}

/** Headers and query carrying `key` wherever the gateway wants it. */
function credentials(gateway: GatewayId, key: string): { headers: Record<string, string>; query: string } {
  const headers: Record<string, string> = {};
  const query: string[] = [];
  for (const place of GATEWAY_WIRE[gateway].auth) {
    if (place.type === "bearer") headers.authorization = `Bearer ${key}`;
    else if (place.type === "header") headers[place.name] = key;
    else query.push(`${place.name}=${encodeURIComponent(key)}`);
  }
  return { headers, query: query.join("&") };
}

export async function post(emulator: Emulator, body: unknown, options: PostOptions = {}): Promise<Posted> {
  const gateway = options.gateway ?? "google";
  const auth = credentials(gateway, options.key ?? "sk-test-key-0001");
  let url =
    emulator.baseUrlFor(gateway) + pathFor(gateway, options.model ?? "gemini-2.5-flash", options.stream);
  if (auth.query) url += `${url.includes("?") ? "&" : "?"}${auth.query}`;
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    json = text
      .split("\r\n\r\n")
      .filter((e) => e.startsWith("data: "))
      .map((e) => JSON.parse(e.slice("data: ".length)));
  } else {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  const error = (json as { error?: { message?: string } } | undefined)?.error;
  const msg = (json as { msg?: string } | undefined)?.msg;
  return { status: res.status, headers: res.headers, text, json, errorMessage: error?.message ?? msg };
}

export const userText = (text: string) => ({ role: "user", parts: [{ text }] });

export const weatherTool = {
  functionDeclarations: [
    {
      name: "get_weather",
      description: "Get the current weather for a city",
      parameters: { type: "OBJECT", properties: { city: { type: "STRING" } }, required: ["city"] },
    },
  ],
};
