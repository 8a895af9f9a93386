// What goes back to the model as `functionResponse.response`: a tool's result (always a JSON
// object) or an error the model can read and act on (invariant 5).
import type { ArgumentIssue } from "./tool-types.js";
import { formatArgumentPath } from "./zod-parse.js";

export type ToolErrorKind =
  | "invalid_arguments"
  | "execution_failed"
  | "invalid_result"
  | "unknown_tool"
  | "timeout"
  | "aborted";

export interface ToolErrorPayload {
  kind: ToolErrorKind;
  message: string;
  /** For `invalid_arguments`: each issue with its path, e.g. `cities[2].name`. */
  issues?: { path: string; message: string }[];
  /** The thrown error's class name, when it is not plain `Error`. */
  name?: string;
  /** The thrown error's `code`, when it has one. */
  code?: string | number;
}

export interface ToolErrorResponse {
  error: ToolErrorPayload;
  [key: string]: unknown;
}

export type ToolResultResponse =
  | { ok: true; response: Record<string, unknown> }
  /** The result was not JSON: `response` is the error to send instead. */
  | { ok: false; response: ToolErrorResponse };

export function toolErrorResponse(payload: ToolErrorPayload): ToolErrorResponse {
  return { error: payload };
}

/** The model-readable answer to arguments that failed validation (the tool did not run). */
export function invalidArgumentsResponse(
  toolName: string,
  issues: readonly ArgumentIssue[],
): ToolErrorResponse {
  const count = issues.length === 1 ? "1 issue" : `${issues.length} issues`;
  return toolErrorResponse({
    kind: "invalid_arguments",
    message: `The arguments for ${toolName} are invalid (${count}); the tool did not run. Fix them and call it again.`,
    issues: issues.map((issue) => ({ path: formatArgumentPath(issue.path), message: issue.message })),
  });
}

/** A thrown value as a model-readable error: name, message and code, never a stack. */
export function errorToResponse(error: unknown, kind: ToolErrorKind = "execution_failed"): ToolErrorResponse {
  if (error instanceof Error) {
    const payload: ToolErrorPayload = { kind, message: error.message || error.name };
    if (error.name && error.name !== "Error") payload.name = error.name;
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" || typeof code === "number") payload.code = code;
    return toolErrorResponse(payload);
  }
  const message = typeof error === "string" ? error : `the tool threw a non-Error value (${describe(error)})`;
  return toolErrorResponse({ kind, message });
}

/**
 * A tool's return value as `functionResponse.response`: a plain object is sent as is, any other
 * JSON value as `{ output: value }`, `undefined` as `{}`. A value JSON cannot carry exactly
 * (BigInt, a cycle, a Map or Set, NaN or Infinity, a function, undefined in an array) is an
 * `invalid_result` error naming where it is.
 */
export function resultToResponse(value: unknown): ToolResultResponse {
  if (value === undefined) return { ok: true, response: {} };
  const problem = findNonJson(value, "result", new Set(), 0);
  if (problem !== undefined) {
    return {
      ok: false,
      response: toolErrorResponse({
        kind: "invalid_result",
        message: `The tool returned a value that is not JSON: ${problem}. The tool ran, but its result cannot be sent.`,
      }),
    };
  }
  if (isResponseObject(value)) return { ok: true, response: value };
  return { ok: true, response: { output: value } };
}

function isResponseObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

const MAX_DEPTH = 512;

/** Where `value` stops being JSON, as "result.items[3] is a BigInt", or undefined. */
function findNonJson(value: unknown, at: string, ancestors: Set<object>, depth: number): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(value) ? undefined : `${at} is ${value} (JSON has no ${value})`;
    case "bigint":
      return `${at} is a BigInt (convert it to a string or a number)`;
    case "function":
      return `${at} is a function`;
    case "symbol":
      return `${at} is a symbol`;
    case "undefined":
      return undefined; // an object key holding undefined is simply absent; arrays check items below
  }
  if (value === null) return undefined;
  const object = value as object;
  if (depth > MAX_DEPTH) return `${at} is nested more than ${MAX_DEPTH} levels deep`;
  if (object instanceof Date && Number.isNaN(object.getTime()))
    return `${at} is an invalid Date (JSON would send null)`;
  if (typeof (object as { toJSON?: unknown }).toJSON === "function") return undefined; // Date and friends
  if (object instanceof Map || object instanceof Set) {
    return `${at} is a ${object instanceof Map ? "Map (use Object.fromEntries)" : "Set (use an array)"}`;
  }
  if (ancestors.has(object)) return `${at} refers back to one of its parents (a cycle)`;
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      for (let i = 0; i < object.length; i++) {
        // JSON.stringify would turn it into null: a different value, so say so instead.
        if (object[i] === undefined) return `${at}[${i}] is undefined (use null, or leave the item out)`;
        const found = findNonJson(object[i], `${at}[${i}]`, ancestors, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    for (const [key, child] of Object.entries(object)) {
      const found = findNonJson(child, `${at}.${key}`, ancestors, depth + 1);
      if (found) return found;
    }
    return undefined;
  } finally {
    ancestors.delete(object);
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return Object.prototype.toString.call(value);
  return `${typeof value} ${String(value)}`;
}
