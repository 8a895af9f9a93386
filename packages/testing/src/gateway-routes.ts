// Where each gateway lives on the emulator and how it authenticates. One server hosts all four:
// Google at the root (so any client pointed at the emulator's URL just works), each gateway under
// its own prefix followed by the gateway's own path, so `baseUrlFor(gateway)` is a drop-in base URL.
import type { IncomingHttpHeaders } from "node:http";
import type { ErrorKind } from "./error-envelopes.js";

export type GatewayId = "google" | "kie" | "kkiai" | "aivideoapi";
export const GATEWAY_IDS: readonly GatewayId[] = ["google", "kie", "kkiai", "aivideoapi"];

/** The part of the base URL after the emulator's origin; the gateway's own path follows it. */
export const GATEWAY_BASE_PATH: Readonly<Record<GatewayId, string>> = {
  google: "",
  kie: "/kie",
  kkiai: "/kkiai",
  aivideoapi: "/aivideoapi/v1/gemini",
};

export type RpcMethod = "generateContent" | "streamGenerateContent";
/** `sse`: `data: {...}\r\n\r\n` events; `json-array`: one JSON array of chunks; `json`: one response. */
export type WireFormat = "sse" | "json-array" | "json";

export interface Route {
  gateway: GatewayId;
  model: string;
  method: RpcMethod;
  /** For KIE the body's `stream` flag decides, so this is settled after the body is read. */
  format: WireFormat | "by-body";
}

const GOOGLE_PATH = /^\/(?:v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
const KIE_PATH = /^\/gemini\/v1\/models\/([^/:]+):(streamGenerateContent)$/;
const PATHS: Record<GatewayId, RegExp> = {
  google: GOOGLE_PATH,
  kie: KIE_PATH,
  kkiai: /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/,
  aivideoapi: /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/,
};

export function matchRoute(url: URL): Route | undefined {
  const path = url.pathname;
  for (const gateway of ["kie", "kkiai", "aivideoapi", "google"] as const) {
    const prefix = GATEWAY_BASE_PATH[gateway];
    if (prefix !== "" && !path.startsWith(`${prefix}/`)) continue;
    const m = PATHS[gateway].exec(path.slice(prefix.length));
    if (!m) continue;
    const method = m[2] as RpcMethod;
    return { gateway, model: decodeURIComponent(m[1]!), method, format: formatFor(gateway, method, url) };
  }
  return undefined;
}

function formatFor(gateway: GatewayId, method: RpcMethod, url: URL): Route["format"] {
  if (method === "generateContent") return "json";
  if (gateway === "kie") return "by-body";
  // aivideoapi documents SSE from the stream endpoint whatever the query says.
  if (gateway === "aivideoapi") return "sse";
  return url.searchParams.get("alt") === "sse" ? "sse" : "json-array";
}

export interface AuthResult {
  /** The key the caller presented (first found), for the accepted-key check and masking. */
  key: string | undefined;
  /** Why the call is refused, if it is. */
  refusal?: ErrorKind;
  refusalMessage?: string;
}

function bearer(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  const m = typeof value === "string" ? /^Bearer\s+(.+)$/i.exec(value) : null;
  return m?.[1]?.trim() || undefined;
}

/**
 * Checks the credentials each gateway wants. `accepts` says whether a key is valid (by default any
 * non-empty key is).
 */
export function checkAuth(
  gateway: GatewayId,
  headers: IncomingHttpHeaders,
  url: URL,
  accepts: (key: string) => boolean,
): AuthResult {
  const queryKey = url.searchParams.get("key") || undefined;
  switch (gateway) {
    case "google": {
      const header = headers["x-goog-api-key"];
      const key = (typeof header === "string" && header) || queryKey;
      if (!key) return { key, refusal: "permission-denied" };
      return accepts(key) ? { key } : { key, refusal: "api-key-invalid" };
    }
    case "kkiai": {
      const token = bearer(headers);
      if (!token || !queryKey) {
        return {
          key: token ?? queryKey,
          refusal: "unauthenticated",
          refusalMessage: "kkiai wants the key twice: Authorization: Bearer <key> and ?key=<key>.",
        };
      }
      return accepts(token) && accepts(queryKey)
        ? { key: token }
        : { key: token, refusal: "api-key-invalid" };
    }
    case "kie":
    case "aivideoapi": {
      const token = bearer(headers);
      if (!token) return { key: undefined, refusal: "unauthenticated" };
      if (gateway === "aivideoapi" && !token.startsWith("sk-")) {
        return { key: token, refusal: "api-key-invalid", refusalMessage: "The key does not start with sk-." };
      }
      return accepts(token) ? { key: token } : { key: token, refusal: "api-key-invalid" };
    }
  }
}
