// Each gateway's wire as the server side documents it (DESIGN.md's gateway table, the seeds). It is
// written out here rather than taken from @signet/provider's GATEWAY_PRESETS on purpose: the presets
// are the client's belief about the servers, and an emulator built from them would serve whatever a
// wrong preset sends, so every end-to-end test would pass. `gateway-wire.test.ts` fails when the
// two tables disagree.
import type { AuthPlacement } from "@signet/provider";

export type GatewayId = "google" | "kie" | "kkiai" | "aivideoapi";
export type RpcMethod = "generateContent" | "streamGenerateContent";

/**
 * How a stream endpoint frames its answer:
 * - `alt-sse`: SSE with `?alt=sse`, one JSON array of chunks without it (Google, and kkiai passing it through);
 * - `sse`: always SSE (aivideoapi documents SSE whatever the query says);
 * - `by-body`: SSE when the body says `"stream": true`, one JSON response otherwise (KIE).
 */
export type StreamFraming = "alt-sse" | "sse" | "by-body";

export interface GatewayWire {
  /** Where the emulator mounts the gateway, after its origin; the gateway's own paths follow. */
  mount: string;
  /** `{model}` templates as documented; `null` where only the stream endpoint exists. */
  generatePath: string | null;
  /** The documented stream path, with the query it needs. */
  streamPath: string;
  /** Other paths the real service also answers (Google's `v1`). */
  alsoServes?: readonly string[];
  /** Every place the key must be sent (kkiai wants two). */
  auth: readonly AuthPlacement[];
  /** A query parameter accepted instead of `auth` (Google takes `?key=`). */
  queryKeyAlternative?: string;
  /** Keys must start with this (aivideoapi's `sk-`). */
  keyPrefix?: string;
  /** What the stream endpoint wants in the body. */
  streamBodyExtras?: Readonly<Record<string, unknown>>;
  streamFraming: StreamFraming;
}

export const GATEWAY_WIRE = {
  google: {
    mount: "",
    generatePath: "/v1beta/models/{model}:generateContent",
    streamPath: "/v1beta/models/{model}:streamGenerateContent?alt=sse",
    alsoServes: ["/v1/models/{model}:generateContent", "/v1/models/{model}:streamGenerateContent"],
    auth: [{ type: "header", name: "x-goog-api-key" }],
    queryKeyAlternative: "key",
    streamFraming: "alt-sse",
  },
  kie: {
    mount: "/kie",
    generatePath: null,
    streamPath: "/gemini/v1/models/{model}:streamGenerateContent",
    auth: [{ type: "bearer" }],
    streamBodyExtras: { stream: true },
    streamFraming: "by-body",
  },
  kkiai: {
    mount: "/kkiai",
    generatePath: "/v1beta/models/{model}:generateContent",
    streamPath: "/v1beta/models/{model}:streamGenerateContent",
    auth: [{ type: "bearer" }, { type: "query", name: "key" }],
    streamFraming: "alt-sse",
  },
  aivideoapi: {
    // The documented base URL ends in /v1/gemini; the emulator keeps that tail under its mount.
    mount: "/aivideoapi/v1/gemini",
    generatePath: "/v1beta/models/{model}:generateContent",
    streamPath: "/v1beta/models/{model}:streamGenerateContent",
    auth: [{ type: "bearer" }],
    keyPrefix: "sk-",
    streamFraming: "sse",
  },
} as const satisfies Record<GatewayId, GatewayWire>;

export const GATEWAY_IDS: readonly GatewayId[] = ["google", "kie", "kkiai", "aivideoapi"];

/** The part of the base URL after the emulator's origin; the gateway's own path follows it. */
export const GATEWAY_BASE_PATH: Readonly<Record<GatewayId, string>> = {
  google: GATEWAY_WIRE.google.mount,
  kie: GATEWAY_WIRE.kie.mount,
  kkiai: GATEWAY_WIRE.kkiai.mount,
  aivideoapi: GATEWAY_WIRE.aivideoapi.mount,
};
