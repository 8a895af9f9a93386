// Zod 4 to JSON Schema with Zod's own `toJSONSchema`, on the input side (what the model writes),
// plus Signet's markers, and every type with no JSON form collected with its path.
import * as z4 from "zod/v4/core";
import { DATE_NODE, type JsonSchemaNode } from "./json-schema-node.js";
import { type SchemaProblem, throwProblems } from "./schema-errors.js";
import { schemaPathFromJsonPath } from "./schema-path.js";
import { markDateTimeZone, markFlaggedRegexes } from "./string-check-markers.js";
import { UNSUPPORTED_ZOD4 } from "./unsupported-zod-types.js";

interface StringFormatDef {
  check?: string;
  format?: string;
  pattern?: RegExp;
  offset?: boolean;
  local?: boolean;
}

export function zod4ToJsonSchema(schema: z4.$ZodType): JsonSchemaNode {
  const found: { jsonPath: string; problem: SchemaProblem }[] = [];
  const json = z4.toJSONSchema(schema, {
    target: "draft-2020-12",
    // The model writes the input: before transforms and pipes, defaults optional.
    io: "input",
    // Collect every unrepresentable type with its path instead of stopping at the first.
    unrepresentable: "any",
    // Recursive schemas become `$ref`s, which the Gemini converter unrolls to a bound.
    cycles: "ref",
    reused: "inline",
    override: ({ zodSchema, jsonSchema, path }) => {
      const node = jsonSchema as JsonSchemaNode;
      const def = zodSchema._zod.def;
      if (def.type === "date") {
        Object.assign(node, DATE_NODE);
        return;
      }
      const reason = UNSUPPORTED_ZOD4[def.type];
      if (reason !== undefined) {
        found.push({
          jsonPath: JSON.stringify(path),
          problem: { code: "unsupported_type", path: schemaPathFromJsonPath(path), message: reason },
        });
        return;
      }
      if (def.type === "string") markStringChecks(node, zodSchema);
      if (def.type === "object") dropOptionalInputs(node, (def as z4.$ZodObjectDef).shape);
    },
  });
  if (found.length > 0) {
    // Zod visits siblings in no useful order: report problems in declaration order.
    const order = documentOrder(json);
    found.sort((a, b) => (order.get(a.jsonPath) ?? 0) - (order.get(b.jsonPath) ?? 0));
    throwProblems(found.map((f) => f.problem));
  }
  return json as JsonSchemaNode;
}

function markStringChecks(node: JsonSchemaNode, schema: z4.$ZodType): void {
  const def = schema._zod.def as StringFormatDef & { checks?: z4.$ZodCheck[] };
  const formats: StringFormatDef[] = [
    def,
    ...(def.checks ?? []).map((c) => c._zod.def as StringFormatDef),
  ].filter((d) => d.check === "string_format");
  markFlaggedRegexes(
    node,
    formats.flatMap((d) => (d.format === "regex" && d.pattern instanceof RegExp ? [d.pattern] : [])),
  );
  const dateTime = formats.find((d) => d.format === "datetime");
  if (dateTime !== undefined) markDateTimeZone(node, dateTime);
}

/**
 * A key whose schema accepts absence on the input side (Zod's own `optin`) is not required.
 * `toJSONSchema` lists `.catch()` keys as required although a missing one parses to the catch value.
 */
function dropOptionalInputs(node: JsonSchemaNode, shape: Readonly<Record<string, z4.$ZodType>>): void {
  if (!Array.isArray(node.required)) return;
  const required = (node.required as string[]).filter((key) => shape[key]?._zod.optin !== "optional");
  if (required.length > 0) node.required = required;
  else delete node.required;
}

/** Each location of a JSON document (as a JSON-encoded path) with its position in document order. */
function documentOrder(root: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (value: unknown, path: (string | number)[]): void => {
    order.set(JSON.stringify(path), order.size);
    if (typeof value !== "object" || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      visit(child, [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  visit(root, []);
  return order;
}
