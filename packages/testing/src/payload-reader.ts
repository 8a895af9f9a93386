// The first stage of the real API: reading the JSON payload into the request message. Unknown
// names, wrong JSON types, bad base64, two members of a oneof and unknown enum values fail here,
// with the parser's own wording. Both field spellings (camelCase, snake_case) are accepted and the
// result is returned in camelCase so later stages read one spelling.
import { camelToSnake, isRecord, snakeToCamel } from "./field-names.js";
import {
  DECLARATION_FIELDS,
  type FieldSpec,
  MESSAGES,
  type MessageSpec,
  type Scalar,
} from "./request-messages.js";

/** A problem found while reading the payload, already worded as the API words it. */
export interface PayloadIssue {
  path: string;
  message: string;
}

export interface ReadOptions {
  /** Top-level fields a gateway adds to the body (KIE: `stream`). */
  extraTopLevel?: Readonly<Record<string, Scalar>>;
}

/**
 * Reads `body` as a `GenerateContentRequest`. Returns the request in camelCase (schemas and
 * free-form JSON kept as sent) and every payload issue.
 */
export function readRequest(
  body: unknown,
  options: ReadOptions = {},
): { request: Record<string, unknown>; issues: PayloadIssue[] } {
  const issues: PayloadIssue[] = [];
  if (!isRecord(body)) {
    issues.push({
      path: "",
      message: `Invalid JSON payload received. Expected an object at the top level, got ${typeName(body)}.`,
    });
    return { request: {}, issues };
  }
  const spec = MESSAGES.GenerateContentRequest!;
  const withExtras: MessageSpec = options.extraTopLevel
    ? { fields: { ...spec.fields, ...options.extraTopLevel } }
    : spec;
  return { request: readMessage(body, withExtras, "", issues), issues };
}

function readMessage(
  value: Record<string, unknown>,
  spec: MessageSpec,
  path: string,
  issues: PayloadIssue[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let oneofSet: string | undefined;
  for (const [key, fieldValue] of Object.entries(value)) {
    const name = key in spec.fields ? key : snakeToCamel(key);
    const fieldSpec = spec.fields[name];
    if (fieldSpec === undefined) {
      const at = path === "" ? "" : ` at '${path}'`;
      issues.push({
        path,
        message: `Invalid JSON payload received. Unknown name "${key}"${at}: Cannot find field.`,
      });
      continue;
    }
    if (fieldValue === null) continue;
    if (spec.oneof?.includes(name)) {
      if (oneofSet !== undefined) {
        issues.push({
          path,
          message: `Invalid JSON payload received. Oneof field 'data' is already set. Cannot set '${name}' (at '${path}', which already has '${oneofSet}'). A part holds exactly one kind of data.`,
        });
        continue;
      }
      oneofSet = name;
    }
    out[name] = readField(fieldValue, fieldSpec, join(path, camelToSnake(name)), issues);
  }
  return out;
}

function readField(value: unknown, spec: FieldSpec, path: string, issues: PayloadIssue[]): unknown {
  if (typeof spec === "string") {
    switch (spec) {
      case "json":
      case "schema":
        return value;
      case "declaration":
        return isRecord(value) ? camelizeKeys(value, DECLARATION_FIELDS) : value;
      case "string":
        if (typeof value !== "string") invalid(path, "TYPE_STRING", value, issues);
        return value;
      case "bool":
        if (typeof value !== "boolean") invalid(path, "TYPE_BOOL", value, issues);
        return value;
      case "number":
        if (typeof value !== "number" && !(typeof value === "string" && Number.isFinite(Number(value)))) {
          invalid(path, "TYPE_NUMBER", value, issues);
        }
        return value;
      case "bytes":
        if (typeof value !== "string" || !isBase64(value)) {
          issues.push({
            path,
            message: `Invalid value at '${path}' (TYPE_BYTES), Base64 decoding failed for ${JSON.stringify(abbreviate(value))}`,
          });
        }
        return value;
    }
  }
  if ("enum" in spec) {
    if (typeof value !== "string" || !spec.enum.includes(value.toUpperCase())) {
      invalid(path, `enum ${spec.enum.join("|")}`, value, issues);
      return value;
    }
    return value;
  }
  if ("list" in spec) {
    if (!Array.isArray(value)) {
      invalid(path, "a JSON array", value, issues);
      return value;
    }
    return value.map((item, i) => readField(item, spec.list, `${path}[${i}]`, issues));
  }
  if (!isRecord(value)) {
    invalid(path, `a JSON object (${spec.message})`, value, issues);
    return value;
  }
  return readMessage(value, MESSAGES[spec.message]!, path, issues);
}

function camelizeKeys(value: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const camel = snakeToCamel(key);
    // Unknown keys stay as sent, so the declaration validator still reports them.
    out[known.has(camel) ? camel : key] = v;
  }
  return out;
}

function invalid(path: string, expected: string, value: unknown, issues: PayloadIssue[]): void {
  issues.push({
    path,
    message: `Invalid value at '${path}' (${expected}), ${JSON.stringify(abbreviate(value))}`,
  });
}

function join(path: string, name: string): string {
  return path === "" ? name : `${path}.${name}`;
}

function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

function abbreviate(value: unknown): unknown {
  return typeof value === "string" && value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** Standard or URL-safe base64, padding optional: what the API's bytes parser accepts. */
export function isBase64(value: string): boolean {
  return /^[A-Za-z0-9+/\-_]*={0,2}$/.test(value) && value.replace(/=+$/, "").length % 4 !== 1;
}
