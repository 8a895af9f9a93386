// The Gemini `Schema` subset, checked as strictly as the real API checks it. Messages follow the
// API's own wording ("should be non-empty for OBJECT type", "property is not defined", ...) so a
// test failing here reads like the 400 it would have earned.
import { SCHEMA_FIELDS, type SchemaType } from "@signet/provider";
import { camelToSnake, isRecord, joinPath, snakeToCamel } from "./field-names.js";

export type SchemaIssueCode =
  | "unknown-field"
  | "duplicate-field"
  | "not-a-schema"
  | "invalid-type"
  | "invalid-value"
  | "empty-properties"
  | "undefined-property"
  | "enum-not-string"
  | "enum-without-string-type"
  | "missing-items";

export interface SchemaIssue {
  /** Where, in the API's notation: `properties[city].items`, `anyOf[1]`. */
  path: string;
  message: string;
  code: SchemaIssueCode;
  /** For `unknown-field`: the name as written. */
  field?: string;
}

/**
 * - `signet` (default): Signet's design rules. Uppercase `Type` values and camelCase field names
 *   only, `null` is not a value, and an `OBJECT` always has properties (omit `parameters` for a
 *   function without arguments).
 * - `api`: exactly what the real API accepts, as recorded traffic shows: snake_case field names
 *   (`property_ordering`), lowercase type names (`"integer"`), `null` meaning "absent".
 */
export type SchemaDialect = "signet" | "api";

export interface SchemaValidationOptions {
  dialect?: SchemaDialect;
  /**
   * Accept `{type: OBJECT, properties: {}}` at the top level. The real API accepts it for a
   * function's `parameters` (recorded with 200) while refusing it anywhere nested.
   */
  allowEmptyTopLevelObject?: boolean;
}

const SCHEMA_TYPES: readonly SchemaType[] = [
  "TYPE_UNSPECIFIED",
  "STRING",
  "NUMBER",
  "INTEGER",
  "BOOLEAN",
  "ARRAY",
  "OBJECT",
  "NULL",
];
const KNOWN_FIELDS: ReadonlySet<string> = new Set(SCHEMA_FIELDS);
const COUNT_FIELDS = ["maxItems", "minItems", "minProperties", "maxProperties", "minLength", "maxLength"];
const STRING_FIELDS = ["format", "title", "description", "pattern"];
const BOUND_FIELDS = ["minimum", "maximum"];

/** Every issue in `schema`, depth first; empty when the API would accept it. */
export function validateSchema(
  schema: unknown,
  path = "",
  options: SchemaValidationOptions = {},
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const top = options.allowEmptyTopLevelObject === true ? "top-allow-empty" : "top";
  checkSchema(schema, path, options.dialect ?? "signet", top, issues);
  return issues;
}

/**
 * Reads a message-shaped object the way the API's JSON parser does: each key resolved to its
 * camelCase field (snake_case accepted in the `api` dialect), unknown and doubled keys reported.
 * In the `api` dialect a `null` value counts as absent.
 */
export function readFields(
  value: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: string,
  dialect: SchemaDialect,
  issues: SchemaIssue[],
): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [key, fieldValue] of Object.entries(value)) {
    const name = known.has(key) ? key : dialect === "api" ? snakeToCamel(key) : key;
    if (!known.has(name)) {
      issues.push({
        path,
        code: "unknown-field",
        field: key,
        message: `Unknown name "${key}": Cannot find field.`,
      });
      continue;
    }
    if (fields.has(name)) {
      issues.push({
        path: joinPath(path, fieldPath(name, dialect)),
        code: "duplicate-field",
        message: `Field "${name}" is set twice (camelCase and snake_case spellings name the same field).`,
      });
      continue;
    }
    if (fieldValue === null && dialect === "api") continue;
    fields.set(name, fieldValue);
  }
  return fields;
}

/** How a field is named in a path: the API prints proto (snake_case) names. */
export function fieldPath(name: string, dialect: SchemaDialect): string {
  return dialect === "api" ? camelToSnake(name) : name;
}

function checkSchema(
  schema: unknown,
  path: string,
  dialect: SchemaDialect,
  level: "top" | "top-allow-empty" | "nested",
  issues: SchemaIssue[],
): void {
  if (!isRecord(schema)) {
    issues.push({ path, code: "not-a-schema", message: "must be a Schema object (a JSON object)." });
    return;
  }
  const fields = readFields(schema, KNOWN_FIELDS, path, dialect, issues);
  const at = (name: string) => joinPath(path, fieldPath(name, dialect));

  const type = readType(fields.get("type"), at("type"), dialect, issues);

  for (const name of STRING_FIELDS) {
    const v = fields.get(name);
    if (v !== undefined && typeof v !== "string") {
      issues.push({ path: at(name), code: "invalid-value", message: "must be a string." });
    }
  }
  const nullable = fields.get("nullable");
  if (nullable !== undefined && typeof nullable !== "boolean") {
    issues.push({ path: at("nullable"), code: "invalid-value", message: "must be a boolean." });
  }
  for (const name of COUNT_FIELDS) {
    const v = fields.get(name);
    if (v !== undefined && !isCount(v)) {
      issues.push({
        path: at(name),
        code: "invalid-value",
        message: "must be a non-negative integer (a number, or a decimal string as int64 allows).",
      });
    }
  }
  for (const name of BOUND_FIELDS) {
    const v = fields.get(name);
    const ok = typeof v === "number" ? Number.isFinite(v) : dialect === "api" && isNumericString(v);
    if (v !== undefined && !ok) {
      issues.push({ path: at(name), code: "invalid-value", message: "must be a finite number." });
    }
  }

  const enumValues = fields.get("enum");
  if (enumValues !== undefined) {
    if (!Array.isArray(enumValues)) {
      issues.push({ path: at("enum"), code: "invalid-value", message: "must be an array of strings." });
    } else {
      enumValues.forEach((v, i) => {
        if (typeof v !== "string") {
          issues.push({
            path: `${at("enum")}[${i}]`,
            code: "enum-not-string",
            message: `enum values must be strings; got ${JSON.stringify(v)}. Write numbers as strings.`,
          });
        }
      });
      if (type !== "STRING") {
        issues.push({
          path: at("enum"),
          code: "enum-without-string-type",
          message: "only allowed for STRING type.",
        });
      }
    }
  }

  const propertyNames = checkProperties(fields.get("properties"), at("properties"), dialect, issues);
  if (type === "OBJECT" && propertyNames.size === 0 && level !== "top-allow-empty") {
    issues.push({
      path: at("properties"),
      code: "empty-properties",
      message: "should be non-empty for OBJECT type.",
    });
  }
  checkNames(fields.get("required"), at("required"), propertyNames, issues);
  checkNames(fields.get("propertyOrdering"), at("propertyOrdering"), propertyNames, issues);

  const items = fields.get("items");
  if (items !== undefined) checkSchema(items, at("items"), dialect, "nested", issues);
  else if (type === "ARRAY") {
    issues.push({ path: at("items"), code: "missing-items", message: "missing field." });
  }

  const anyOf = fields.get("anyOf");
  if (anyOf !== undefined) {
    if (!Array.isArray(anyOf) || anyOf.length === 0) {
      issues.push({
        path: at("anyOf"),
        code: "invalid-value",
        message: "must be a non-empty array of Schemas.",
      });
    } else {
      anyOf.forEach((s, i) => {
        checkSchema(s, `${at("anyOf")}[${i}]`, dialect, "nested", issues);
      });
    }
  }
}

function readType(
  value: unknown,
  path: string,
  dialect: SchemaDialect,
  issues: SchemaIssue[],
): SchemaType | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") {
    if (SCHEMA_TYPES.includes(value as SchemaType) && (dialect === "api" || value !== "TYPE_UNSPECIFIED")) {
      return value as SchemaType;
    }
    const upper = value.toUpperCase() as SchemaType;
    if (dialect === "api" && SCHEMA_TYPES.includes(upper)) return upper;
    if (SCHEMA_TYPES.includes(upper) && upper !== "TYPE_UNSPECIFIED") {
      issues.push({
        path,
        code: "invalid-type",
        message: `Type values are uppercase: write "${upper}", not "${value}".`,
      });
      return upper;
    }
  }
  issues.push({
    path,
    code: "invalid-type",
    message: `Invalid value ${JSON.stringify(value)}: expected one of STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT, NULL.`,
  });
  return undefined;
}

function checkProperties(
  value: unknown,
  path: string,
  dialect: SchemaDialect,
  issues: SchemaIssue[],
): Set<string> {
  const names = new Set<string>();
  if (value === undefined) return names;
  if (!isRecord(value)) {
    issues.push({ path, code: "invalid-value", message: "must be an object mapping names to Schemas." });
    return names;
  }
  for (const [name, sub] of Object.entries(value)) {
    names.add(name);
    checkSchema(sub, `${path}[${name}]`, dialect, "nested", issues);
  }
  return names;
}

/** `required` and `propertyOrdering`: strings, each naming a defined property. */
function checkNames(value: unknown, path: string, defined: Set<string>, issues: SchemaIssue[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push({ path, code: "invalid-value", message: "must be an array of property names." });
    return;
  }
  value.forEach((name, i) => {
    if (typeof name !== "string") {
      issues.push({ path: `${path}[${i}]`, code: "invalid-value", message: "must be a string." });
    } else if (!defined.has(name)) {
      issues.push({
        path: `${path}[${i}]`,
        code: "undefined-property",
        message: `property is not defined: "${name}" is not in \`properties\`.`,
      });
    }
  });
}

function isCount(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0;
  return typeof v === "string" && /^\d+$/.test(v);
}

function isNumericString(v: unknown): boolean {
  return typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v));
}
