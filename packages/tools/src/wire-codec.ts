// What the model sends is not always what the Zod schema takes: Gemini enums are strings only
// (so `1` travels as `"1"`), and a `z.date()` travels as an ISO 8601 string. The converter
// builds a codec tree beside the Gemini schema, only where something needs decoding; `decode`
// walks the raw arguments with it before Zod sees them and copies only what it changes.
import type { Schema } from "@signet/provider";
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

/** The value as the Zod schema expects it. Never throws: what it cannot decode it leaves for Zod to report. */
export function decodeWire(value: unknown, codec: WireCodec | undefined): unknown {
  if (codec === undefined || value === null || value === undefined) return value;
  switch (codec.kind) {
    case "date": {
      if (typeof value !== "string") return value;
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date;
    }
    case "enum":
      return typeof value === "string" && codec.fromWire.has(value) ? codec.fromWire.get(value) : value;
    case "object": {
      if (!isPlainObject(value)) return value;
      let out: Record<string, unknown> | undefined;
      for (const [key, child] of codec.properties) {
        if (!(key in value)) continue;
        const decoded = decodeWire(value[key], child);
        if (decoded !== value[key]) {
          out ??= { ...value };
          out[key] = decoded;
        }
      }
      return out ?? value;
    }
    case "array": {
      if (!Array.isArray(value)) return value;
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const decoded = decodeWire(value[i], codec.items);
        if (decoded !== value[i]) {
          out ??= value.slice();
          out[i] = decoded;
        }
      }
      return out ?? value;
    }
    case "anyOf": {
      for (const branch of codec.branches) {
        if (matchesWireSchema(value, branch.schema)) return decodeWire(value, branch.codec);
      }
      return value;
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
