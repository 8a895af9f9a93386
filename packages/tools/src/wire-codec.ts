// What the model sends is not always what the Zod schema takes: Gemini enums are strings only
// (so `1` travels as `"1"`), and a `z.date()` travels as an ISO 8601 string. The converter
// builds a codec tree beside the Gemini schema, only where something needs decoding; `decode`
// walks the raw arguments with it before Zod sees them and copies only what it changes.
import type { Schema } from "@signet/provider";
import { regexes } from "zod/v4/core";
import { matchesWireSchema } from "./wire-shape.js";

export type EnumLiteral = string | number | boolean | null;

export type WireCodec =
  | { kind: "date" }
  | { kind: "enum"; fromWire: ReadonlyMap<string, EnumLiteral> }
  | { kind: "object"; properties: ReadonlyMap<string, WireCodec> }
  | { kind: "array"; items: WireCodec }
  /** Branches in declaration order; the first whose wire shape fits the value decodes it, as a Zod union would. */
  | { kind: "anyOf"; branches: readonly { schema: Schema; codec: WireCodec | undefined }[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Returned by a strict decode when the value does not fit this codec (e.g. a string that is no date). */
const NO_MATCH: unique symbol = Symbol("no-match");

/** The value as the Zod schema expects it. Never throws: what it cannot decode it leaves for Zod to report. */
export function decodeWire(value: unknown, codec: WireCodec | undefined): unknown {
  return decode(value, codec, false);
}

/** The decoded value, or `undefined` when the value does not fit the codec (a string that is no date). */
export function tryDecodeWire(value: unknown, codec: WireCodec | undefined): { value: unknown } | undefined {
  const decoded = decode(value, codec, true);
  return decoded === NO_MATCH ? undefined : { value: decoded };
}

/**
 * An RFC 3339 date-time with a zone ("Z" or an offset), or a plain date (read as UTC midnight), by
 * Zod's own regexes. Looser parsing would turn a string like "1" into 2001-01-01 in a union.
 */
const ISO_DATE_TIME = regexes.datetime({ offset: true, local: false, precision: null });

function parseIsoDate(value: string): Date | undefined {
  if (!ISO_DATE_TIME.test(value) && !regexes.date.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function decode(value: unknown, codec: WireCodec | undefined, strict: boolean): unknown {
  if (codec === undefined || value === null || value === undefined) return value;
  switch (codec.kind) {
    case "date": {
      const date = typeof value === "string" ? parseIsoDate(value) : undefined;
      if (date !== undefined) return date;
      return strict ? NO_MATCH : value;
    }
    case "enum":
      if (typeof value === "string" && codec.fromWire.has(value)) return codec.fromWire.get(value);
      return strict ? NO_MATCH : value;
    case "object": {
      if (!isPlainObject(value)) return strict ? NO_MATCH : value;
      let out: Record<string, unknown> | undefined;
      for (const [key, child] of codec.properties) {
        if (!(key in value)) continue;
        const decoded = decode(value[key], child, strict);
        if (decoded === NO_MATCH) return NO_MATCH;
        if (decoded !== value[key]) {
          out ??= { ...value };
          out[key] = decoded;
        }
      }
      return out ?? value;
    }
    case "array": {
      if (!Array.isArray(value)) return strict ? NO_MATCH : value;
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const decoded = decode(value[i], codec.items, strict);
        if (decoded === NO_MATCH) return NO_MATCH;
        if (decoded !== value[i]) {
          out ??= value.slice();
          out[i] = decoded;
        }
      }
      return out ?? value;
    }
    case "anyOf": {
      // The first branch the value fits, constraints and decoding included, as a Zod union picks.
      for (const branch of codec.branches) {
        if (!matchesWireSchema(value, branch.schema)) continue;
        const decoded = decode(value, branch.codec, true);
        if (decoded !== NO_MATCH) return decoded;
      }
      if (strict) return NO_MATCH;
      const loose = codec.branches.find((branch) => matchesWireSchema(value, branch.schema));
      return loose === undefined ? value : decode(value, loose.codec, false);
    }
  }
}

/** The wire form of a value (for `default`): the inverse of `decodeWire`. */
export function encodeWire(value: unknown, codec: WireCodec | undefined): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (codec === undefined || value === null || value === undefined) return value;
  switch (codec.kind) {
    case "date":
      return value;
    case "enum":
      for (const [wire, literal] of codec.fromWire) if (Object.is(literal, value)) return wire;
      return value;
    case "object": {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = { ...value };
      for (const [key, child] of codec.properties) if (key in out) out[key] = encodeWire(out[key], child);
      return out;
    }
    case "array":
      return Array.isArray(value) ? value.map((item) => encodeWire(item, codec.items)) : value;
    case "anyOf":
      for (const branch of codec.branches) {
        const encoded = encodeWire(value, branch.codec);
        if (encoded !== value) return encoded;
      }
      return value;
  }
}
