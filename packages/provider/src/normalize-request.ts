// Requests may be written in camelCase or snake_case (`inline_data`, `mime_type`, `function_call`);
// the wire gets camelCase. Keys the user owns (function args, response payloads, schema property
// names, JSON Schemas, labels) are never renamed. An object with nothing to rename is returned as is
// (same reference), so a camelCase request costs one walk and no copies; strings (base64 data,
// signatures) are never copied, only referenced. A content found in wire form is remembered (by
// identity), so an agent resending its history walks only the contents new since its last step.
import { RequestInputError } from "./errors.js";
import type { GenerateContentRequest } from "./wire-types.js";

type SnakeKey<K> = K extends string
  ? K extends `${infer H}${infer T}`
    ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeKey<T>}`
    : K
  : K;

/**
 * The wire type with each object free to use camelCase or snake_case keys (one style per object).
 * Opaque payloads (`args`, `response`, ...) keep whatever keys they have.
 */
export type EitherCase<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? EitherCase<U>[]
    : T extends object
      ? { [K in keyof T]: EitherCase<T[K]> } | { [K in keyof T as SnakeKey<K>]: EitherCase<T[K]> }
      : T;

/** What `generate` and `stream` accept: the wire request, in camelCase or snake_case. */
export type RequestInput = GenerateContentRequest | EitherCase<GenerateContentRequest>;

type Mode = "struct" | "declaration" | "schema";

const SNAKE = /_([a-z0-9])/g;

function camel(key: string): string {
  return key.includes("_") && !key.startsWith("_")
    ? key.replace(SNAKE, (_, c: string) => c.toUpperCase())
    : key;
}

/** Values under these keys (after renaming) are the user's own data: kept untouched. */
const OPAQUE_STRUCT = new Set([
  "args",
  "partialArgs",
  "response",
  "parametersJsonSchema",
  "responseJsonSchema",
  "labels",
]);
const OPAQUE_SCHEMA = new Set(["example", "default", "enum", "required", "propertyOrdering"]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function childMode(
  mode: Mode,
  key: string,
): Mode | "opaque" | "declarations" | "schemaMap" | "schemaList" | "contents" {
  if (mode === "schema") {
    if (key === "properties") return "schemaMap";
    if (key === "items") return "schema";
    if (key === "anyOf") return "schemaList";
    return OPAQUE_SCHEMA.has(key) ? "opaque" : "struct";
  }
  if (mode === "declaration") {
    if (key === "parameters" || key === "response") return "schema";
    return key === "parametersJsonSchema" || key === "responseJsonSchema" ? "opaque" : "struct";
  }
  if (key === "functionDeclarations") return "declarations";
  if (key === "contents") return "contents";
  if (key === "responseSchema") return "schema";
  return OPAQUE_STRUCT.has(key) ? "opaque" : "struct";
}

function mapArray(list: unknown[], fn: (v: unknown) => unknown): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const before = list[i];
    const after = fn(before);
    if (after !== before && !out) out = list.slice(0, i);
    if (out) out.push(after);
  }
  return out ?? list;
}

function convert(value: unknown, mode: Mode): unknown {
  if (Array.isArray(value)) return mapArray(value, (v) => convert(v, mode));
  if (!isPlainObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const name = camel(key);
    const before = value[key];
    const child = childMode(mode, name);
    let after: unknown;
    if (child === "opaque") after = before;
    else if (child === "declarations")
      after = Array.isArray(before) ? mapArray(before, (d) => convert(d, "declaration")) : before;
    else if (child === "schemaList")
      after = Array.isArray(before) ? mapArray(before, (s) => convert(s, "schema")) : before;
    else if (child === "schemaMap") after = isPlainObject(before) ? convertMap(before) : before;
    else if (child === "contents") after = Array.isArray(before) ? mapArray(before, convertContent) : before;
    else after = convert(before, child);
    if ((name !== key || after !== before) && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = value[keys[j]!];
    }
    if (out) {
      if (name !== key && Object.hasOwn(value, name)) {
        throw new RequestInputError(key, `both "${key}" and "${name}" are set; keep one of them.`);
      }
      out[name] = after;
    }
  }
  return out ?? value;
}

/**
 * Contents found already in wire form, with the `parts` array they held and its length then: a
 * content seen again with the same parts (the agent resending its history) is not walked again.
 * Pushing a part or replacing `parts` is noticed; editing a part object in place after it was sent
 * is not (send a new part object instead).
 */
const wireContents = new WeakMap<object, { parts: unknown[]; length: number }>();

function knownWire(content: unknown): boolean {
  if (typeof content !== "object" || content === null) return false;
  const seen = wireContents.get(content);
  return (
    seen !== undefined &&
    seen.parts === (content as { parts?: unknown }).parts &&
    seen.length === seen.parts.length
  );
}

function convertContent(content: unknown): unknown {
  if (!isPlainObject(content) || knownWire(content)) return content;
  const parts = content.parts;
  const out = convert(content, "struct");
  if (out === content && Array.isArray(parts)) wireContents.set(content, { parts, length: parts.length });
  return out;
}

/** Schema `properties`: the keys are property names (kept), the values are schemas. */
function convertMap(map: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const before = map[key];
    const after = convert(before, "schema");
    if (after !== before && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = map[keys[j]!];
    }
    if (out) out[key] = after;
  }
  return out ?? map;
}

/**
 * Returns the request in wire form (camelCase). Throws `RequestInputError` for a request that
 * cannot be one (no `contents` array, a non-object content or part).
 */
export function normalizeRequest(input: RequestInput): GenerateContentRequest {
  if (!isPlainObject(input)) {
    throw new RequestInputError("request", "must be an object with a `contents` array.");
  }
  const contents = (input as { contents?: unknown }).contents;
  if (!Array.isArray(contents)) {
    throw new RequestInputError("request.contents", "must be an array of { role, parts } (got none).");
  }
  for (let i = 0; i < contents.length; i++) {
    const c = contents[i] as { parts?: unknown } | null;
    if (knownWire(c)) continue;
    if (!isPlainObject(c) || !Array.isArray(c.parts)) {
      throw new RequestInputError(`contents[${i}]`, "must be { role, parts: Part[] }.");
    }
    for (let j = 0; j < c.parts.length; j++) {
      if (!isPlainObject(c.parts[j])) {
        throw new RequestInputError(
          `contents[${i}].parts[${j}]`,
          "must be an object such as { text: string }.",
        );
      }
    }
  }
  return convert(input, "struct") as GenerateContentRequest;
}
