// The intermediate form between Zod and Gemini: plain JSON Schema as Zod's generators write it,
// plus two Signet markers the first step adds for the second.

/** A JSON Schema node as the generators produce it. */
export type JsonSchemaNode = { [keyword: string]: unknown };

/** Marks a node whose wire value must be decoded: `"date"` = ISO date-time string to `Date`. */
export const CODEC_KEYWORD = "x-signet-codec";
/** Regex sources whose flags JSON Schema's `pattern` cannot carry: source -> flags. */
export const REGEX_FLAGS_KEYWORD = "x-signet-regex-flags";
/** A rule of the string's format that the format name alone does not state (text for the description). */
export const FORMAT_HINT_KEYWORD = "x-signet-format-hint";

/** What a `z.date()` becomes: the wire form is an ISO 8601 date-time string. */
export const DATE_NODE: Readonly<JsonSchemaNode> = {
  type: "string",
  format: "date-time",
  [CODEC_KEYWORD]: "date",
};

export function isNode(value: unknown): value is JsonSchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A keyword's value when it is a finite number (bounds, counts), else undefined. */
export function finiteNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export type JsonType = "string" | "number" | "integer" | "boolean" | "null" | "object" | "array";

/** Keywords that belong to one JSON type, for splitting `type: ["string", "number"]` into branches. */
export const TYPE_KEYWORDS: Readonly<Record<JsonType, readonly string[]>> = {
  string: [
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "contentEncoding",
    "contentMediaType",
    CODEC_KEYWORD,
    REGEX_FLAGS_KEYWORD,
    FORMAT_HINT_KEYWORD,
  ],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"],
  integer: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"],
  boolean: [],
  null: [],
  object: [
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
  ],
  array: ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"],
};
