// Validation with the user's own Zod schema, whichever Zod major it comes from, as a result
// that never throws: a throwing refinement or transform becomes an issue, not a crash.
import type { ZodTypeAny as Zod3Type } from "zod/v3";
import * as z4 from "zod/v4/core";
import type { ArgumentIssue } from "./tool-types.js";
import { isZod4Schema } from "./zod-schema-kind.js";

/** The type a Zod 4 or Zod 3 schema produces. */
export type InferOutput<S> = S extends z4.$ZodType
  ? z4.output<S>
  : S extends { _output: infer O }
    ? O
    : never;

export type ZodParseResult<T> = { success: true; data: T } | { success: false; issues: ArgumentIssue[] };

interface RawIssue {
  path: readonly PropertyKey[];
  message: string;
}

export function safeParseZod<T>(schema: z4.$ZodType | Zod3Type, value: unknown): ZodParseResult<T> {
  try {
    const result = isZod4Schema(schema) ? z4.safeParse(schema, value) : schema.safeParse(value);
    if (result.success) return { success: true, data: result.data as T };
    return { success: false, issues: toArgumentIssues(result.error.issues as readonly RawIssue[]) };
  } catch (error) {
    // e.g. an async refinement (parseArgs is synchronous) or a refinement that throws.
    const message = error instanceof Error ? error.message : String(error);
    return { success: false, issues: [{ path: [], message: `validation could not run: ${message}` }] };
  }
}

function toArgumentIssues(issues: readonly RawIssue[]): ArgumentIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === "number" ? key : String(key))),
    message: issue.message,
  }));
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["cities", 2, "name"]` -> `cities[2].name`, the form a model reads best. */
export function formatArgumentPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === "" ? "(arguments)" : out;
}
