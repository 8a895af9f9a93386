// A test of a raw value against a Gemini schema: types, enums, required keys and the
// constraints Gemini carries (lengths, bounds, item counts, pattern). Used to pick the union
// branch that decodes a value; constraints only in a description are Zod's alone.
import type { Schema } from "@signet/provider";

export function matchesWireSchema(value: unknown, schema: Schema): boolean {
  if (value === null) {
    return (
      schema.nullable === true ||
      schema.type === "NULL" ||
      (schema.anyOf?.some((s) => matchesWireSchema(value, s)) ?? false)
    );
  }
  if (schema.anyOf) return schema.anyOf.some((s) => matchesWireSchema(value, s));
  if (schema.enum) return typeof value === "string" && schema.enum.includes(value);
  switch (schema.type) {
    case "STRING":
      return (
        typeof value === "string" &&
        withinCount(value.length, schema.minLength, schema.maxLength) &&
        matchesPattern(value, schema.pattern)
      );
    case "NUMBER":
      return typeof value === "number" && Number.isFinite(value) && withinBounds(value, schema);
    case "INTEGER":
      return typeof value === "number" && Number.isInteger(value) && withinBounds(value, schema);
    case "BOOLEAN":
      return typeof value === "boolean";
    case "NULL":
      return false;
    case "ARRAY": {
      const items = schema.items;
      return (
        Array.isArray(value) &&
        withinCount(value.length, schema.minItems, schema.maxItems) &&
        (items === undefined || value.every((item) => matchesWireSchema(item, items)))
      );
    }
    case "OBJECT": {
      if (typeof value !== "object" || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (!(key in record)) return false;
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (key in record && record[key] !== undefined && !matchesWireSchema(record[key], child))
          return false;
      }
      return true;
    }
    default:
      return true;
  }
}

function withinCount(n: number, min: string | number | undefined, max: string | number | undefined): boolean {
  return (min === undefined || n >= Number(min)) && (max === undefined || n <= Number(max));
}

function withinBounds(n: number, schema: Schema): boolean {
  return (
    (schema.minimum === undefined || n >= schema.minimum) &&
    (schema.maximum === undefined || n <= schema.maximum)
  );
}

function matchesPattern(value: string, pattern: string | undefined): boolean {
  if (pattern === undefined) return true;
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return true; // a pattern JavaScript cannot compile here is Zod's to check
  }
}
