// Helpers for this package's own tests: plain fetch over loopback, nothing mocked.
import type { GatewayId } from "../gateway-routes.js";
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

const AUTH: Record<GatewayId, (key: string) => { headers: Record<string, string>; query: string }> = {
  google: (key) => ({ headers: { "x-goog-api-key": key }, query: "" }),
  kie: (key) => ({ headers: { authorization: `Bearer ${key}` }, query: "" }),
  kkiai: (key) => ({ headers: { authorization: `Bearer ${key}` }, query: `key=${encodeURIComponent(key)}` }),
  aivideoapi: (key) => ({ headers: { authorization: `Bearer ${key}` }, query: "" }),
};

export function pathFor(gateway: GatewayId, model: string, stream?: "sse" | "json-array"): string {
  if (gateway === "kie") return `/gemini/v1/models/${model}:streamGenerateContent`;
  const method = stream ? "streamGenerateContent" : "generateContent";
  return `/v1beta/models/${model}:${method}${stream === "sse" && gateway !== "aivideoapi" ? "?alt=sse" : ""}`;
}

export async function post(emulator: Emulator, body: unknown, options: PostOptions = {}): Promise<Posted> {
  const gateway = options.gateway ?? "google";
  const auth = AUTH[gateway](options.key ?? "sk-test-key-0001");
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
