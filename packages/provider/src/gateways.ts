// Each gateway's dialect of the Gemini wire: base URL, paths, where the key goes, body quirks,
// error envelope. `baseUrl` replaces only the base; the path stays the gateway's.
import type { ErrorEnvelopeKind } from "./error-mapping.js";
import { ConfigError } from "./errors.js";
import { redactUrl } from "./logging.js";
import type { GatewayName } from "./provider-types.js";

/** Where the API key goes. A gateway may want it in more than one place (kkiai). */
export type AuthPlacement =
  /** `Authorization: Bearer <key>` */
  | { type: "bearer" }
  /** A header holding the bare key, e.g. `x-goog-api-key`. */
  | { type: "header"; name: string }
  /** A query parameter, e.g. `?key=`. */
  | { type: "query"; name: string };

export type CallKind = "generate" | "stream";

export interface GatewayPreset {
  readonly name: GatewayName;
  readonly baseUrl: string;
  /** Path template with `{model}`; `null` when the gateway documents only the stream endpoint. */
  readonly generatePath: string | null;
  /** Path template with `{model}`, including any query the stream needs (`?alt=sse`). */
  readonly streamPath: string;
  readonly auth: readonly AuthPlacement[];
  /** Fields the stream endpoint wants in the body (KIE: `"stream": true`). */
  readonly streamBodyExtras?: Readonly<Record<string, unknown>>;
  readonly errorEnvelope: ErrorEnvelopeKind;
  /** Google with Gemini 3 may combine googleSearch with functionDeclarations. */
  readonly allowsCombinedSearchAndFunctions: boolean;
}

export const GATEWAY_PRESETS = {
  google: {
    name: "google",
    baseUrl: "https://generativelanguage.googleapis.com",
    generatePath: "/v1beta/models/{model}:generateContent",
    streamPath: "/v1beta/models/{model}:streamGenerateContent?alt=sse",
    auth: [{ type: "header", name: "x-goog-api-key" }],
    errorEnvelope: "google",
    allowsCombinedSearchAndFunctions: true,
  },
  kie: {
    name: "kie",
    baseUrl: "https://api.kie.ai",
    generatePath: null,
    streamPath: "/gemini/v1/models/{model}:streamGenerateContent",
    auth: [{ type: "bearer" }],
    streamBodyExtras: { stream: true },
    errorEnvelope: "gateway",
    allowsCombinedSearchAndFunctions: false,
  },
  kkiai: {
    name: "kkiai",
    baseUrl: "https://www.kkiai.com",
    generatePath: "/v1beta/models/{model}:generateContent",
    streamPath: "/v1beta/models/{model}:streamGenerateContent",
    auth: [{ type: "bearer" }, { type: "query", name: "key" }],
    errorEnvelope: "gateway",
    allowsCombinedSearchAndFunctions: false,
  },
  aivideoapi: {
    name: "aivideoapi",
    baseUrl: "https://api.aivideoapi.ai/v1/gemini",
    generatePath: "/v1beta/models/{model}:generateContent",
    streamPath: "/v1beta/models/{model}:streamGenerateContent",
    auth: [{ type: "bearer" }],
    errorEnvelope: "gateway",
    allowsCombinedSearchAndFunctions: false,
  },
} as const satisfies Record<Exclude<GatewayName, "custom">, GatewayPreset>;

export type PresetGatewayName = keyof typeof GATEWAY_PRESETS;

/** A gateway Signet has no preset for: any base URL, path style and auth style. */
export interface CustomGatewayConfig {
  baseUrl: string;
  /** Default `/v1beta/models/{model}:generateContent`; `null` for a stream-only gateway. */
  generatePath?: string | null;
  /** Default `/v1beta/models/{model}:streamGenerateContent?alt=sse`. */
  streamPath?: string;
  /** Default bearer. */
  auth?: readonly AuthPlacement[];
  streamBodyExtras?: Record<string, unknown>;
  /** Default `google`; the body's shape decides when it is unambiguous. */
  errorEnvelope?: ErrorEnvelopeKind;
  /** True only if the endpoint is Google's own (Gemini 3 may then combine search with functions). */
  allowsCombinedSearchAndFunctions?: boolean;
}

export function isGatewayName(value: string): value is GatewayName {
  return value === "custom" || Object.hasOwn(GATEWAY_PRESETS, value);
}

function stripSlash(url: string): string {
  return url.endsWith("/") ? url.slice(0, -1) : url;
}

/** The preset for a gateway, with `baseUrl` (or the custom config) applied. */
export function resolveGateway(
  gateway: GatewayName,
  options: { baseUrl?: string | undefined; custom?: CustomGatewayConfig | undefined } = {},
): GatewayPreset {
  if (gateway === "custom") {
    const c = options.custom;
    const baseUrl = options.baseUrl ?? c?.baseUrl;
    if (!baseUrl) {
      throw new ConfigError(
        "invalid_config",
        'The "custom" gateway needs a base URL: pass custom: { baseUrl } (or baseUrl / SIGNET_BASE_URL).',
      );
    }
    return {
      name: "custom",
      baseUrl: stripSlash(checkUrl(baseUrl)),
      generatePath: c?.generatePath === undefined ? "/v1beta/models/{model}:generateContent" : c.generatePath,
      streamPath: c?.streamPath ?? "/v1beta/models/{model}:streamGenerateContent?alt=sse",
      auth: c?.auth ?? [{ type: "bearer" }],
      ...(c?.streamBodyExtras ? { streamBodyExtras: c.streamBodyExtras } : {}),
      errorEnvelope: c?.errorEnvelope ?? "google",
      allowsCombinedSearchAndFunctions: c?.allowsCombinedSearchAndFunctions ?? false,
    };
  }
  const preset: GatewayPreset | undefined = GATEWAY_PRESETS[gateway];
  if (!preset) {
    throw new ConfigError(
      "unknown_gateway",
      `Unknown gateway "${String(gateway)}". Use one of: google, kie, kkiai, aivideoapi, custom.`,
    );
  }
  return options.baseUrl ? { ...preset, baseUrl: stripSlash(checkUrl(options.baseUrl)) } : preset;
}

function checkUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("protocol");
    return url;
  } catch {
    throw new ConfigError(
      "invalid_config",
      `Base URL "${redactUrl(url)}" is not an http(s) URL. Pass e.g. https://example.com (SIGNET_BASE_URL or baseUrl).`,
    );
  }
}

/** A request ready for fetch. `body` is serialized once, here. */
export interface HttpRequestSpec {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
  /** The object `body` was serialized from (trace logging reads it instead of parsing `body` again). */
  payload?: object;
  /** How to read the response: `stream` also for `generate` on a stream-only gateway. */
  read: "json" | "stream";
}

/** Model ids may come as `models/gemini-2.5-flash`; the path wants the bare id. */
export function modelPathSegment(model: string): string {
  const id = model.startsWith("models/") ? model.slice("models/".length) : model;
  if (!id) throw new ConfigError("invalid_config", "The model name is empty: pass e.g. gemini-2.5-flash.");
  return encodeURIComponent(id);
}

/**
 * Builds URL, headers and body for one call. The key goes where the gateway wants it and
 * nowhere else. `body` is the request already in wire form (camelCase).
 */
export function buildHttpRequest(
  preset: GatewayPreset,
  model: string,
  kind: CallKind,
  apiKey: string,
  body: object,
): HttpRequestSpec {
  const generatePath = kind === "generate" ? preset.generatePath : null;
  const useStream = generatePath === null;
  const template = generatePath ?? preset.streamPath;
  let url = preset.baseUrl + template.replace("{model}", modelPathSegment(model));
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (useStream && preset.streamPath.includes("alt=sse")) headers.accept = "text/event-stream";
  for (const place of preset.auth) {
    if (place.type === "bearer") headers.authorization = `Bearer ${apiKey}`;
    else if (place.type === "header") headers[place.name.toLowerCase()] = apiKey;
    else
      url += `${url.includes("?") ? "&" : "?"}${encodeURIComponent(place.name)}=${encodeURIComponent(apiKey)}`;
  }
  const extras = useStream ? preset.streamBodyExtras : undefined;
  // A shallow spread keeps large parts shared; the body is serialized exactly once.
  const payload = extras ? { ...extras, ...body } : body;
  return {
    url,
    method: "POST",
    headers,
    body: JSON.stringify(payload),
    payload,
    read: useStream ? "stream" : "json",
  };
}
