// A cheap structural test of a raw value against a Gemini schema: types, enums, required keys.
// Used to pick the union branch that decodes a value (constraints such as lengths are Zod's job).
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
      return typeof value === "string";
    case "NUMBER":
      return typeof value === "number" && Number.isFinite(value);
    case "INTEGER":
      return typeof value === "number" && Number.isInteger(value);
    case "BOOLEAN":
      return typeof value === "boolean";
    case "NULL":
      return false;
    case "ARRAY": {
      const items = schema.items;
      return (
        Array.isArray(value) && (items === undefined || value.every((item) => matchesWireSchema(item, items)))
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
