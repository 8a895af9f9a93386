// The credentials each gateway wants, read from its wire table: every placement it documents must
// hold a key, and every key presented must be one the emulator accepts.
import type { IncomingHttpHeaders } from "node:http";
import type { AuthPlacement } from "@signet/provider";
import type { ErrorKind } from "./error-envelopes.js";
import { GATEWAY_WIRE, type GatewayId } from "./gateway-wire.js";

export interface AuthResult {
  /** Why the call is refused, if it is. */
  refusal?: ErrorKind;
  refusalMessage?: string;
}

function describe(place: AuthPlacement): string {
  if (place.type === "bearer") return "Authorization: Bearer <key>";
  return place.type === "header" ? `${place.name}: <key>` : `?${place.name}=<key>`;
}

function keyAt(place: AuthPlacement, headers: IncomingHttpHeaders, url: URL): string | undefined {
  if (place.type === "query") return url.searchParams.get(place.name) || undefined;
  if (place.type === "header") {
    const value = headers[place.name.toLowerCase()];
    return (typeof value === "string" && value.trim()) || undefined;
  }
  const value = headers.authorization;
  const m = typeof value === "string" ? /^Bearer\s+(.+)$/i.exec(value) : null;
  return m?.[1]?.trim() || undefined;
}

/** `accepts` says whether a key is valid (by default any non-empty key is). */
export function checkAuth(
  gateway: GatewayId,
  headers: IncomingHttpHeaders,
  url: URL,
  accepts: (key: string) => boolean,
): AuthResult {
  const wire = GATEWAY_WIRE[gateway];
  const alternative = "queryKeyAlternative" in wire ? url.searchParams.get(wire.queryKeyAlternative) : null;
  const found = wire.auth.map((place) => keyAt(place, headers, url));
  const keys = found.every((k) => k === undefined) && alternative ? [alternative] : found;
  if (keys.some((k) => k === undefined)) {
    // Google without any key is a 403 (an unregistered caller); the gateways answer 401.
    if (gateway === "google") return { refusal: "permission-denied" };
    return {
      refusal: "unauthenticated",
      refusalMessage: `${gateway} wants the key as ${wire.auth.map(describe).join(" and ")}.`,
    };
  }
  const prefix = "keyPrefix" in wire ? wire.keyPrefix : undefined;
  if (prefix && keys.some((k) => !k!.startsWith(prefix))) {
    return { refusal: "api-key-invalid", refusalMessage: `The key does not start with ${prefix}.` };
  }
  return keys.every((k) => accepts(k!)) ? {} : { refusal: "api-key-invalid" };
}
