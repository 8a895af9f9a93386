// Zod 3 (`zod/v3`) to JSON Schema with zod-to-json-schema, on the input side, plus the same
// Signet markers and the same collection of types with no JSON form as the Zod 4 route.
import { ZodError as Zod3Error, type ZodTypeAny as Zod3Type } from "zod/v3";
import { ignoreOverride, zodToJsonSchema } from "zod-to-json-schema";
import { DATE_NODE, type JsonSchemaNode } from "./json-schema-node.js";
import { type SchemaProblem, throwProblems } from "./schema-errors.js";
import { schemaPathFromJsonPath } from "./schema-path.js";
import { markDateTimeZone, markFlaggedRegexes } from "./string-check-markers.js";
import { UNSUPPORTED_ZOD3 } from "./unsupported-zod-types.js";

interface Zod3Def {
  typeName?: string;
  checks?: { kind: string; regex?: RegExp; offset?: boolean; local?: boolean }[];
  catchValue?: (ctx: { error: Zod3Error; input: unknown }) => unknown;
}

export function zod3ToJsonSchema(schema: Zod3Type): JsonSchemaNode {
  const problems: SchemaProblem[] = [];
  const json = zodToJsonSchema(schema, {
    target: "jsonSchema7",
    $refStrategy: "root",
    effectStrategy: "input",
    pipeStrategy: "input",
    override: (def, refs) => {
      const typeName = (def as Zod3Def).typeName ?? "";
      if (typeName === "ZodDate") return { ...DATE_NODE } as never;
      const reason = UNSUPPORTED_ZOD3[typeName];
      if (reason !== undefined) {
        problems.push({
          code: "unsupported_type",
          path: schemaPathFromJsonPath(refs.currentPath),
          message: reason,
        });
        return {} as never;
      }
      return ignoreOverride;
    },
    postProcess: (jsonSchema, def) => {
      if (jsonSchema === undefined) return jsonSchema;
      const node = jsonSchema as JsonSchemaNode;
      const d = def as Zod3Def;
      if (d.typeName === "ZodString" && d.checks) {
        markFlaggedRegexes(
          node,
          d.checks.flatMap((c) => (c.kind === "regex" && c.regex ? [c.regex] : [])),
        );
        const dateTime = d.checks.find((c) => c.kind === "datetime");
        if (dateTime !== undefined) markDateTimeZone(node, dateTime);
      }
      if (d.typeName === "ZodCatch" && node.default === undefined) addCatchDefault(node, d);
      return jsonSchema;
    },
  });
  throwProblems(problems);
  return json as JsonSchemaNode;
}

/** What a missing value parses to, shown as `default` as Zod 4's generator does for `.catch(v)`. */
function addCatchDefault(node: JsonSchemaNode, def: Zod3Def): void {
  try {
    const value = def.catchValue?.({ error: new Zod3Error([]), input: undefined });
    if (value !== undefined) node.default = value;
  } catch {
    // A catch function that needs a real error has no static default to show.
  }
}
