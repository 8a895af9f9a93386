// Plausible values for a schema, so the generic model can call any declared tool with arguments
// that pass the tool's own validation. Reads the Gemini Schema (uppercase types, `nullable`) and
// plain JSON Schema (`parametersJsonSchema`: lowercase types, type arrays, `$ref` into `$defs`).
// Only required properties are filled (all of them when none is marked required), as a model does.
import { isRecord } from "./field-names.js";

export interface SynthesisHints {
  /** A place or name taken from the question, used for location-like string fields. */
  entity?: string | undefined;
}

const LOCATION_FIELD = /city|location|place|town|country|region|where|address|destination/i;
const STRING_FORMATS: Readonly<Record<string, string>> = {
  date: "2025-06-01",
  "date-time": "2025-06-01T12:00:00Z",
  time: "12:00:00",
  email: "someone@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  uuid: "123e4567-e89b-42d3-a456-426614174000",
};
/** `$ref` cycles (a tree of nodes) stop here: deeper optional levels are left out. */
const MAX_DEPTH = 8;

/** True when a string property named `name` looks like it wants a place. */
export function isLocationField(name: string): boolean {
  return LOCATION_FIELD.test(name);
}

export function synthesizeValue(schema: unknown, name = "value", hints: SynthesisHints = {}): unknown {
  return new Synthesizer(schema, hints).value(schema, name, 0);
}

/** Arguments for a declaration's parameters (always an object). */
export function synthesizeArgs(parameters: unknown, hints: SynthesisHints = {}): Record<string, unknown> {
  const value = parameters === undefined ? {} : synthesizeValue(parameters, "args", hints);
  return isRecord(value) ? value : {};
}

class Synthesizer {
  constructor(
    private readonly root: unknown,
    private readonly hints: SynthesisHints,
  ) {}

  value(input: unknown, name: string, depth: number): unknown {
    const schema = this.resolve(input);
    // A cycle of required properties has no finite value: stop rather than recurse forever.
    if (!isRecord(schema) || depth > MAX_DEPTH * 4) return `sample ${name}`;
    if ("const" in schema) return schema.const;
    const choices = schema.enum;
    if (Array.isArray(choices) && choices.length > 0) return choices.find((c) => c !== null) ?? choices[0];
    const union = schema.anyOf ?? schema.any_of ?? schema.oneOf ?? schema.one_of;
    if (Array.isArray(union) && union.length > 0) {
      const pick = union.find((s) => typeOf(this.resolve(s)) !== "NULL") ?? union[0];
      return this.value(pick, name, depth + 1);
    }
    switch (typeOf(schema)) {
      case "STRING":
        return this.string(schema, name);
      case "INTEGER":
        return within(schema, 1, true);
      case "NUMBER":
        return within(schema, 1.5, false);
      case "BOOLEAN":
        return true;
      case "NULL":
        return null;
      case "ARRAY": {
        const min = count(schema.minItems ?? schema.min_items) ?? 1;
        const max = count(schema.maxItems ?? schema.max_items) ?? Number.POSITIVE_INFINITY;
        const n = Math.min(Math.max(1, min), max);
        return Array.from({ length: n }, () => this.value(schema.items, name, depth + 1));
      }
      default:
        return this.object(schema, depth);
    }
  }

  private object(schema: Record<string, unknown>, depth: number): Record<string, unknown> {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required)
      ? schema.required.filter((k) => typeof k === "string")
      : [];
    const keys = required.length > 0 || depth >= MAX_DEPTH ? required : Object.keys(properties);
    const out: Record<string, unknown> = {};
    for (const key of keys) if (key in properties) out[key] = this.value(properties[key], key, depth + 1);
    return out;
  }

  private string(schema: Record<string, unknown>, name: string): string {
    const format = typeof schema.format === "string" ? STRING_FORMATS[schema.format] : undefined;
    let text = format ?? (isLocationField(name) ? (this.hints.entity ?? "Paris") : `sample ${name}`);
    const min = count(schema.minLength ?? schema.min_length);
    const max = count(schema.maxLength ?? schema.max_length);
    if (min !== undefined && text.length < min) text = text.padEnd(min, "x");
    if (max !== undefined && text.length > max) text = text.slice(0, max);
    return text;
  }

  /** Follows a local `$ref` (`#`, `#/$defs/X`, `#/definitions/X`) to the schema it names. */
  private resolve(schema: unknown): unknown {
    let current = schema;
    for (let hops = 0; hops < 16 && isRecord(current) && typeof current.$ref === "string"; hops++) {
      const path = current.$ref.replace(/^#\/?/, "");
      let target: unknown = this.root;
      for (const segment of path === "" ? [] : path.split("/")) {
        target = isRecord(target) ? target[segment.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
      }
      current = target;
    }
    return current;
  }
}

/** A number inside `minimum` / `maximum` (and the exclusive bounds), near `preferred` when it fits. */
function within(schema: Record<string, unknown>, preferred: number, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" ? Number(v) : undefined);
  const exclusiveMin = num(schema.exclusiveMinimum);
  const exclusiveMax = num(schema.exclusiveMaximum);
  const lowBound = num(schema.minimum) ?? (exclusiveMin === undefined ? undefined : exclusiveMin + step);
  const highBound = num(schema.maximum) ?? (exclusiveMax === undefined ? undefined : exclusiveMax - step);
  let value = preferred;
  if (lowBound !== undefined && value < lowBound) value = integer ? Math.ceil(lowBound) : lowBound;
  if (highBound !== undefined && value > highBound) value = integer ? Math.floor(highBound) : highBound;
  return value;
}

function count(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The schema's type in Gemini's uppercase spelling (a nullable type array reads as its non-null type). */
function typeOf(schema: unknown): string {
  if (!isRecord(schema)) return "STRING";
  const type = Array.isArray(schema.type)
    ? schema.type.find((t) => String(t).toUpperCase() !== "NULL")
    : schema.type;
  if (type === undefined)
    return isRecord(schema.properties) ? "OBJECT" : "items" in schema ? "ARRAY" : "STRING";
  return String(type).toUpperCase();
}
