// What the model should send instead, in wire terms, for an issue on an encoded value: Zod says
// "expected one of 1|2" or "expected date", but the model can only send the strings Gemini's
// schema allows. The hint names those.
import type { WireCodec } from "./wire-codec.js";

/** The hint for the value at `path`, when the codec there is a date or a non-string enum. */
export function wireHintAt(
  codec: WireCodec | undefined,
  path: readonly (string | number)[],
): string | undefined {
  let current = codec;
  for (const segment of path) {
    if (current?.kind === "object" && typeof segment === "string") current = current.properties.get(segment);
    else if (current?.kind === "array" && typeof segment === "number") current = current.items;
    else return undefined; // through a union the branch is unknown: no hint rather than a wrong one
  }
  if (current?.kind === "date")
    return 'send an ISO 8601 date-time with a time zone, e.g. "2025-06-01T12:00:00Z"';
  if (current?.kind === "enum") {
    return `send one of ${[...current.fromWire.keys()].map((wire) => JSON.stringify(wire)).join(", ")} (a string)`;
  }
  return undefined;
}
