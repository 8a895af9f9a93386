// Which gateway, model and method a request is for. One server hosts all four gateways: Google at
// the root (so any client pointed at the emulator's URL just works), each other gateway under its
// own mount followed by its own paths, so `baseUrlFor(gateway)` is a drop-in base URL.
import {
  GATEWAY_IDS,
  GATEWAY_WIRE,
  type GatewayId,
  type GatewayWire,
  type RpcMethod,
} from "./gateway-wire.js";

export { GATEWAY_BASE_PATH, GATEWAY_IDS, type GatewayId, type RpcMethod } from "./gateway-wire.js";

/** `sse`: `data: {...}\r\n\r\n` events; `json-array`: one JSON array of chunks; `json`: one response. */
export type WireFormat = "sse" | "json-array" | "json";

export interface Route {
  gateway: GatewayId;
  model: string;
  method: RpcMethod;
  /** For KIE the body's `stream` flag decides, so this is settled after the body is read. */
  format: WireFormat | "by-body";
}

interface PathPattern {
  gateway: GatewayId;
  method: RpcMethod;
  regex: RegExp;
}

/** `/v1beta/models/{model}:generateContent?alt=sse` -> a regex on the path, capturing the model. */
function compile(gateway: GatewayId, template: string): PathPattern {
  const path = `${GATEWAY_WIRE[gateway].mount}${template.split("?")[0]}`;
  const method: RpcMethod = path.endsWith(":streamGenerateContent")
    ? "streamGenerateContent"
    : "generateContent";
  const [before, after] = path.split("{model}") as [string, string];
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return { gateway, method, regex: new RegExp(`^${literal(before)}([^/:]+)${literal(after)}$`) };
}

// Every documented path of every gateway, longest mount first.
const PATTERNS: readonly PathPattern[] = [...GATEWAY_IDS]
  .sort((a, b) => GATEWAY_WIRE[b].mount.length - GATEWAY_WIRE[a].mount.length)
  .flatMap((gateway) => {
    const wire: GatewayWire = GATEWAY_WIRE[gateway];
    const templates = [wire.generatePath, wire.streamPath, ...(wire.alsoServes ?? [])];
    return templates.flatMap((t) => (t === null ? [] : [compile(gateway, t)]));
  });

export function matchRoute(url: URL): Route | undefined {
  for (const pattern of PATTERNS) {
    const m = pattern.regex.exec(url.pathname);
    if (!m) continue;
    return {
      gateway: pattern.gateway,
      model: decodeURIComponent(m[1]!),
      method: pattern.method,
      format: formatFor(pattern.gateway, pattern.method, url),
    };
  }
  return undefined;
}

function formatFor(gateway: GatewayId, method: RpcMethod, url: URL): Route["format"] {
  if (method === "generateContent") return "json";
  switch (GATEWAY_WIRE[gateway].streamFraming) {
    case "by-body":
      return "by-body";
    case "sse":
      return "sse";
    case "alt-sse":
      return url.searchParams.get("alt") === "sse" ? "sse" : "json-array";
  }
}

/** The gateway whose mount a path is under (Google's for anything else), for the 404 envelope. */
export function gatewayFromPath(path: string): GatewayId {
  return (
    GATEWAY_IDS.find((g) => GATEWAY_WIRE[g].mount !== "" && path.startsWith(`${GATEWAY_WIRE[g].mount}/`)) ??
    "google"
  );
}
