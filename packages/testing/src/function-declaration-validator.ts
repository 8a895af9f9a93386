// A `FunctionDeclaration` as the API checks it: the name rule, one parameter form, valid schemas.
import { isRecord, joinPath } from "./field-names.js";
import { DECLARATION_FIELDS } from "./request-messages.js";
import {
  fieldPath,
  readFields,
  type SchemaIssue,
  type SchemaValidationOptions,
  validateSchema,
} from "./schema-validator.js";

/** The API's rule for function names: a letter or `_` first, then up to 63 of `A-Za-z0-9_.:-`. */
export const FUNCTION_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

const BEHAVIORS = ["UNSPECIFIED", "BLOCKING", "NON_BLOCKING"];

export function validateFunctionDeclaration(
  declaration: unknown,
  path = "",
  options: Pick<SchemaValidationOptions, "dialect"> = {},
): SchemaIssue[] {
  const dialect = options.dialect ?? "signet";
  const issues: SchemaIssue[] = [];
  if (!isRecord(declaration)) {
    issues.push({ path, code: "not-a-schema", message: "must be a FunctionDeclaration object." });
    return issues;
  }
  const fields = readFields(declaration, DECLARATION_FIELDS, path, dialect, issues);
  const at = (name: string) => joinPath(path, fieldPath(name, dialect));

  const name = fields.get("name");
  if (typeof name !== "string" || !FUNCTION_NAME_PATTERN.test(name)) {
    issues.push({
      path: at("name"),
      code: "invalid-value",
      message:
        name === undefined
          ? "missing field."
          : `Invalid function name ${JSON.stringify(name)}. Must start with a letter or an underscore. ` +
            "Must be alphameric (a-z, A-Z, 0-9), underscores (_), dots (.), colons (:), or dashes (-), " +
            "with a maximum length of 64.",
    });
  }
  const description = fields.get("description");
  if (description !== undefined && typeof description !== "string") {
    issues.push({ path: at("description"), code: "invalid-value", message: "must be a string." });
  }
  const behavior = fields.get("behavior");
  if (behavior !== undefined && !BEHAVIORS.includes(behavior as string)) {
    issues.push({
      path: at("behavior"),
      code: "invalid-value",
      message: `must be one of ${BEHAVIORS.join(", ")}.`,
    });
  }

  checkPair(fields, "parameters", "parametersJsonSchema", at, dialect, issues);
  checkPair(fields, "response", "responseJsonSchema", at, dialect, issues);
  return issues;
}

/** A Schema field and its JSON Schema alternative: at most one, each well-formed. */
function checkPair(
  fields: Map<string, unknown>,
  schemaField: string,
  jsonField: string,
  at: (name: string) => string,
  dialect: "signet" | "api",
  issues: SchemaIssue[],
): void {
  const schema = fields.get(schemaField);
  const json = fields.get(jsonField);
  if (schema !== undefined && json !== undefined) {
    issues.push({
      path: at(jsonField),
      code: "invalid-value",
      message: `\`${schemaField}\` and \`${jsonField}\` cannot both be set: use one.`,
    });
  }
  if (schema !== undefined) {
    // The API accepts `{type: OBJECT, properties: {}}` for a whole parameter list (recorded 200s).
    const top = `${at(schemaField)}.properties`;
    for (const issue of validateSchema(schema, at(schemaField), {
      dialect,
      allowEmptyTopLevelObject: dialect === "api",
    })) {
      const hint = issue.code === "empty-properties" && issue.path === top && schemaField === "parameters";
      issues.push(
        hint
          ? { ...issue, message: `${issue.message} For a function without arguments, omit \`parameters\`.` }
          : issue,
      );
    }
  }
  // JSON Schema proper (`$defs`, `additionalProperties`, lowercase types) is accepted as is.
  if (json !== undefined && !isRecord(json) && typeof json !== "boolean") {
    issues.push({ path: at(jsonField), code: "invalid-value", message: "must be a JSON Schema object." });
  }
}
