// Which data field a part holds. Parts come from JSON (saved states, user input), so the
// compile-time union is checked again at runtime here.
import { PART_DATA_KEYS, type Part, type PartDataKey } from "@signet/provider";

/** The single data key of a part, or `undefined` when it has none or more than one. */
export function partKind(part: Part): PartDataKey | undefined {
  let found: PartDataKey | undefined;
  const record = part as unknown as Record<string, unknown>;
  for (const key of PART_DATA_KEYS) {
    if (record[key] === undefined) continue;
    if (found !== undefined) return undefined;
    found = key;
  }
  return found;
}

export function isFunctionCallPart(part: Part): part is Extract<Part, { functionCall: unknown }> {
  return (part as { functionCall?: unknown }).functionCall !== undefined;
}

export function isFunctionResponsePart(part: Part): part is Extract<Part, { functionResponse: unknown }> {
  return (part as { functionResponse?: unknown }).functionResponse !== undefined;
}

export function isTextPart(part: Part): part is Extract<Part, { text: string }> {
  return typeof (part as { text?: unknown }).text === "string";
}
