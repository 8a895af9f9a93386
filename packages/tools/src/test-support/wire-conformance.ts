// Test oracle: is `value` something Gemini could send for `schema`? Stricter than the decoder's
// `matchesWireSchema` on purpose (no unknown keys, formats checked) and written separately, so a
// property test does not grade the converter with the converter's own code.
import type { Schema } from "@signet/provider";
import { z } from "zod";

const DATE_TIME = z.iso.datetime({ offset: true });

export function wireIssues(value: unknown, schema: Schema, at = "args"): string[] {
  if (value === null) {
    const ok =
      schema.nullable === true ||
      schema.type === "NULL" ||
      (schema.anyOf ?? []).some((s) => wireIssues(null, s).length === 0);
    return ok ? [] : [`${at}: null is not allowed`];
  }
  if (schema.anyOf) {
    return schema.anyOf.some((s) => wireIssues(value, s, at).length === 0)
      ? []
      : [`${at}: fits no anyOf branch`];
  }
  if (schema.enum) {
    return typeof value === "string" && schema.enum.includes(value)
      ? []
      : [`${at}: ${JSON.stringify(value)} is not in the enum`];
  }
  const issues: string[] = [];
  const bad = (message: string) => issues.push(`${at}: ${message}`);
  switch (schema.type) {
    case "STRING":
      if (typeof value !== "string") return [`${at}: not a string`];
      if (schema.minLength !== undefined && value.length < Number(schema.minLength)) bad("too short");
      if (schema.maxLength !== undefined && value.length > Number(schema.maxLength)) bad("too long");
      if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
        bad("does not match the pattern");
      if (schema.format === "date-time" && !DATE_TIME.safeParse(value).success)
        bad("not an RFC 3339 date-time");
      return issues;
    case "INTEGER":
    case "NUMBER":
      if (typeof value !== "number" || !Number.isFinite(value)) return [`${at}: not a finite number`];
      if (schema.type === "INTEGER" && !Number.isInteger(value)) bad("not an integer");
      if (schema.minimum !== undefined && value < schema.minimum) bad("below the minimum");
      if (schema.maximum !== undefined && value > schema.maximum) bad("above the maximum");
      return issues;
    case "BOOLEAN":
      return typeof value === "boolean" ? [] : [`${at}: not a boolean`];
    case "ARRAY":
      if (!Array.isArray(value)) return [`${at}: not an array`];
      if (schema.minItems !== undefined && value.length < Number(schema.minItems)) bad("too few items");
      if (schema.maxItems !== undefined && value.length > Number(schema.maxItems)) bad("too many items");
      value.forEach((item, i) => {
        if (schema.items) issues.push(...wireIssues(item, schema.items, `${at}[${i}]`));
      });
      return issues;
    case "OBJECT": {
      if (typeof value !== "object" || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      for (const key of Object.keys(record)) if (!(key in properties)) bad(`unknown key ${key}`);
      for (const key of schema.required ?? []) if (!(key in record)) bad(`missing ${key}`);
      for (const [key, child] of Object.entries(properties)) {
        if (key in record) issues.push(...wireIssues(record[key], child, `${at}.${key}`));
      }
      return issues;
    }
    default:
      return [`${at}: the schema has no type`];
  }
}
