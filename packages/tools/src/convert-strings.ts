// Strings: lengths, regexes and formats. Gemini accepts only `date-time` (and `enum`) as a STRING
// format; every other format is stated in the description. One `pattern` is carried; further
// regexes, and regexes with flags `pattern` cannot express, are described.
import type { Schema } from "@signet/provider";
import {
  type ConversionContext,
  type Converted,
  dropUnhandled,
  moveToDescription,
} from "./conversion-context.js";
import {
  CODEC_KEYWORD,
  FORMAT_HINT_KEYWORD,
  finiteNumber,
  isNode,
  type JsonSchemaNode,
  REGEX_FLAGS_KEYWORD,
} from "./json-schema-node.js";
import type { SchemaPath } from "./schema-path.js";
import type { WireCodec } from "./wire-codec.js";

/** STRING formats the API accepts (it answers 400 to others, e.g. `email`). */
const GEMINI_STRING_FORMATS: readonly string[] = ["date-time"];

const FORMAT_HINTS: Record<string, string> = {
  email: "an email address",
  uri: "a URL",
  url: "a URL",
  uuid: "a UUID",
  guid: "a GUID",
  date: "a date as YYYY-MM-DD",
  time: "a time as HH:MM[:SS[.s]]",
  duration: "an ISO 8601 duration",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  cidrv4: "an IPv4 CIDR range",
  cidrv6: "an IPv6 CIDR range",
  base64: "base64-encoded",
  base64url: "base64url-encoded",
};

export function convertString(ctx: ConversionContext, node: JsonSchemaNode, path: SchemaPath): Converted {
  const schema: Schema = { type: "STRING" };
  const codec: WireCodec | undefined = node[CODEC_KEYWORD] === "date" ? { kind: "date" } : undefined;
  const minLength = finiteNumber(node.minLength);
  const maxLength = finiteNumber(node.maxLength);
  if (minLength !== undefined) schema.minLength = minLength;
  if (maxLength !== undefined) schema.maxLength = maxLength;

  const format = typeof node.format === "string" ? node.format : undefined;
  const encoding = typeof node.contentEncoding === "string" ? node.contentEncoding : undefined;
  if (encoding !== undefined) {
    moveToDescription(ctx, schema, path, "contentEncoding", `must be ${encoding}-encoded`);
  }
  // Zod 4 writes base64 as both `format` and `contentEncoding`; Zod 3 as the encoding alone.
  if (format !== undefined && format !== encoding) {
    if (GEMINI_STRING_FORMATS.includes(format)) schema.format = format;
    else
      moveToDescription(
        ctx,
        schema,
        path,
        "format",
        `must be ${FORMAT_HINTS[format] ?? `in the format "${format}"`}`,
      );
  }
  if (typeof node[FORMAT_HINT_KEYWORD] === "string") {
    moveToDescription(ctx, schema, path, "format", `must be ${node[FORMAT_HINT_KEYWORD]}`);
  }
  if (codec !== undefined) {
    ctx.note(
      path,
      "date",
      "encoded",
      "a Date is sent as an ISO 8601 date-time string and decoded back to a Date",
    );
  }

  const flags = isNode(node[REGEX_FLAGS_KEYWORD])
    ? (node[REGEX_FLAGS_KEYWORD] as Record<string, string>)
    : {};
  // With a format, `pattern` is the regex Zod implements that format with (Zod 3 writes none): the
  // format, carried or described, already states it.
  const patterns: string[] = format === undefined && typeof node.pattern === "string" ? [node.pattern] : [];
  // Zod writes several regexes on one string as `allOf: [{pattern}, {pattern}]`.
  for (const extra of Array.isArray(node.allOf) ? node.allOf : []) {
    if (isNode(extra) && typeof extra.pattern === "string") patterns.push(extra.pattern);
  }
  for (const pattern of patterns) {
    const patternFlags = flags[pattern];
    if (patternFlags !== undefined) {
      moveToDescription(ctx, schema, path, "pattern", `must match /${pattern}/${patternFlags}`);
    } else if (schema.pattern === undefined) {
      schema.pattern = pattern;
    } else {
      moveToDescription(ctx, schema, path, "pattern", `must also match /${pattern}/`);
    }
  }
  dropUnhandled(
    ctx,
    node,
    ["type", "minLength", "maxLength", "format", "pattern", "allOf", "contentEncoding", FORMAT_HINT_KEYWORD],
    path,
  );
  return { schema, codec };
}
