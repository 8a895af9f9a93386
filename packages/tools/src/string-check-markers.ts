// What JSON Schema loses from a Zod string check, kept as Signet markers for step 2: flags on a
// regex (`pattern` has none), and the time-zone rule of a date-time check (RFC 3339 allows any
// offset; Zod's default accepts only "Z").
import { FORMAT_HINT_KEYWORD, type JsonSchemaNode, REGEX_FLAGS_KEYWORD } from "./json-schema-node.js";

export function markFlaggedRegexes(node: JsonSchemaNode, regexes: readonly RegExp[]): void {
  const flagged: Record<string, string> = {};
  let any = false;
  for (const regex of regexes) {
    // `g` and `y` change nothing for a single test of a whole string; the others change meaning.
    const flags = regex.flags.replace(/[gyd]/g, "");
    if (flags !== "") {
      flagged[regex.source] = flags;
      any = true;
    }
  }
  if (any) node[REGEX_FLAGS_KEYWORD] = flagged;
}

export interface DateTimeCheck {
  offset?: boolean | undefined;
  local?: boolean | undefined;
}

export function markDateTimeZone(node: JsonSchemaNode, check: DateTimeCheck): void {
  if (check.offset === true) return;
  node[FORMAT_HINT_KEYWORD] =
    check.local === true ? 'in UTC (ending in "Z") or without a time zone' : 'in UTC, ending in "Z"';
}
