// Plausible values for a schema, so the generic model can call any declared tool. Reads both the
// Gemini Schema (uppercase types) and plain JSON Schema (`parametersJsonSchema`, lowercase types).
import { isRecord } from "./field-names.js";

export interface SynthesisHints {
  /** A place or name taken from the question, used for location-like string fields. */
  entity?: string | undefined;
}

const LOCATION_FIELD = /city|location|place|town|country|region|where|address|destination/i;

/** True when a string property named `name` looks like it wants a place. */
export function isLocationField(name: string): boolean {
  return LOCATION_FIELD.test(name);
}

export function synthesizeValue(schema: unknown, name = "value", hints: SynthesisHints = {}): unknown {
  if (!isRecord(schema)) return `sample ${name}`;
  const enumValues = schema.enum;
  if (Array.isArray(enumValues) && enumValues.length > 0) return enumValues[0];
  if ("const" in schema) return schema.const;
  const union = (schema.anyOf ?? schema.any_of ?? schema.oneOf) as unknown;
  if (Array.isArray(union) && union.length > 0) {
    const pick = union.find((s) => !(isRecord(s) && String(s.type).toUpperCase() === "NULL")) ?? union[0];
    return synthesizeValue(pick, name, hints);
  }
  switch (typeOf(schema)) {
    case "STRING":
      return synthString(schema, name, hints);
    case "INTEGER":
      return typeof schema.minimum === "number" ? Math.ceil(schema.minimum) : 1;
    case "NUMBER":
      return typeof schema.minimum === "number" ? schema.minimum : 1.5;
    case "BOOLEAN":
      return true;
    case "NULL":
      return null;
    case "ARRAY": {
      const min = Number(schema.minItems ?? schema.min_items ?? 1);
      const count = Math.max(1, Number.isFinite(min) ? min : 1);
      return Array.from({ length: count }, () => synthesizeValue(schema.items, name, hints));
    }
    default:
      return synthObject(schema, hints);
  }
}

/** Arguments for a declaration's parameters: required properties, or all when none are required. */
export function synthesizeArgs(parameters: unknown, hints: SynthesisHints = {}): Record<string, unknown> {
  const value = parameters === undefined ? {} : synthesizeValue(parameters, "args", hints);
  return isRecord(value) ? value : {};
}

function synthObject(schema: Record<string, unknown>, hints: SynthesisHints): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(properties);
  const out: Record<string, unknown> = {};
  for (const key of required) {
    if (key in properties) out[key] = synthesizeValue(properties[key], key, hints);
  }
  return out;
}

function synthString(schema: Record<string, unknown>, name: string, hints: SynthesisHints): string {
  const format = typeof schema.format === "string" ? schema.format : "";
  if (format === "date") return "2025-06-01";
  if (format === "date-time") return "2025-06-01T12:00:00Z";
  if (isLocationField(name)) return hints.entity ?? "Paris";
  return `sample ${name}`;
}

function typeOf(schema: Record<string, unknown>): string {
  const type = Array.isArray(schema.type)
    ? schema.type.find((t) => String(t).toUpperCase() !== "NULL")
    : schema.type;
  if (type === undefined) return isRecord(schema.properties) ? "OBJECT" : "STRING";
  return String(type).toUpperCase();
}
