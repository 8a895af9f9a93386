// Gemini sees a union's branches in wire form, where a Date is a string and the number 1 is "1".
// Two branches can then accept the same wire value yet decode it differently: `z.union([z.string(),
// z.date()])` receives "2025-06-01T00:00:00Z" and cannot tell which was meant. The decoder reads
// such a value as the first branch that fits (as a Zod union picks); this finds where that loses
// a value, so the report can say so.
import type { Schema } from "@signet/provider";
import type { Converted } from "./conversion-context.js";
import { tryDecodeWire, type WireCodec } from "./wire-codec.js";
import { matchesWireSchema } from "./wire-shape.js";

/** A wire string every date codec accepts, to probe whether a STRING branch would take a date too. */
const DATE_PROBE = "2025-01-01T00:00:00Z";

/** True when some wire value fits both branches and decodes differently in each. */
export function decodesAmbiguously(a: Converted, b: Converted): boolean {
  return ambiguous(a.schema, a.codec, b.schema, b.codec);
}

function ambiguous(a: Schema, ca: WireCodec | undefined, b: Schema, cb: WireCodec | undefined): boolean {
  if (ca === undefined && cb === undefined) return false;
  if (a.anyOf) return a.anyOf.some((s, i) => ambiguous(s, branchCodec(ca, i), b, cb));
  if (b.anyOf) return b.anyOf.some((s, i) => ambiguous(a, ca, s, branchCodec(cb, i)));
  if (a.type !== b.type) return false;
  switch (a.type) {
    case "STRING":
      return probes(a, ca, b, cb).some((wire) => decodesDifferently(wire, a, ca, b, cb));
    case "ARRAY":
      // Only a non-empty array can decode differently, and only one whose length both allow.
      return (
        a.items !== undefined &&
        b.items !== undefined &&
        countsOverlap(a, b) &&
        ambiguous(a.items, itemsCodec(ca), b.items, itemsCodec(cb))
      );
    case "OBJECT":
      return objectsAmbiguous(a, ca, b, cb);
    default:
      return false;
  }
}

/** Wire strings worth trying: each enum value, and a date when either side decodes dates. */
function probes(a: Schema, ca: WireCodec | undefined, b: Schema, cb: WireCodec | undefined): string[] {
  const out = [...(a.enum ?? []), ...(b.enum ?? [])];
  if (ca?.kind === "date" || cb?.kind === "date") out.push(DATE_PROBE);
  return out;
}

function decodesDifferently(
  wire: string,
  a: Schema,
  ca: WireCodec | undefined,
  b: Schema,
  cb: WireCodec | undefined,
): boolean {
  if (!matchesWireSchema(wire, a) || !matchesWireSchema(wire, b)) return false;
  const da = tryDecodeWire(wire, ca);
  const db = tryDecodeWire(wire, cb);
  return da !== undefined && db !== undefined && !sameValue(da.value, db.value);
}

function sameValue(x: unknown, y: unknown): boolean {
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  return Object.is(x, y);
}

/** Objects overlap unless a key one of them requires has disjoint schemas (a discriminator). */
function objectsAmbiguous(
  a: Schema,
  ca: WireCodec | undefined,
  b: Schema,
  cb: WireCodec | undefined,
): boolean {
  const pa = a.properties ?? {};
  const pb = b.properties ?? {};
  const shared = Object.keys(pa).filter((key) => key in pb);
  const requiredKey = (key: string) =>
    a.required?.includes(key) === true || b.required?.includes(key) === true;
  if (shared.some((key) => requiredKey(key) && !mayOverlap(pa[key]!, pb[key]!))) return false;
  return shared.some((key) => ambiguous(pa[key]!, propertyCodec(ca, key), pb[key]!, propertyCodec(cb, key)));
}

/** Whether some wire value could fit both (an over-approximation, except for enums and types). */
function mayOverlap(a: Schema, b: Schema): boolean {
  if (a.nullable && b.nullable) return true;
  if (a.anyOf) return a.anyOf.some((s) => mayOverlap(s, b));
  if (b.anyOf) return b.anyOf.some((s) => mayOverlap(a, s));
  if (a.type !== b.type) return false;
  if (a.enum) return a.enum.some((value) => matchesWireSchema(value, b));
  if (b.enum) return b.enum.some((value) => matchesWireSchema(value, a));
  return true;
}

function countsOverlap(a: Schema, b: Schema): boolean {
  const min = Math.max(1, Number(a.minItems ?? 0), Number(b.minItems ?? 0));
  const max = Math.min(
    Number(a.maxItems ?? Number.POSITIVE_INFINITY),
    Number(b.maxItems ?? Number.POSITIVE_INFINITY),
  );
  return min <= max;
}

function branchCodec(codec: WireCodec | undefined, i: number): WireCodec | undefined {
  return codec?.kind === "anyOf" ? codec.branches[i]?.codec : undefined;
}

function itemsCodec(codec: WireCodec | undefined): WireCodec | undefined {
  return codec?.kind === "array" ? codec.items : undefined;
}

function propertyCodec(codec: WireCodec | undefined, key: string): WireCodec | undefined {
  return codec?.kind === "object" ? codec.properties.get(key) : undefined;
}
