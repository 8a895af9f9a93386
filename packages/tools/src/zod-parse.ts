// Validation with the user's own Zod schema, whichever Zod major it comes from, as a result
// that never throws: a throwing refinement or transform becomes an issue, not a crash. Issues
// are written for a model to act on: each with its path, a failed union with why each option
// failed, and an encoded value with what to send instead.
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

/** A hint for the value at a path (e.g. "send one of "1", "2""), when there is one. */
export type IssueHint = (path: readonly (string | number)[]) => string | undefined;

interface RawIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  /** Zod 4: the issues of each option of a failed union. */
  errors?: readonly (readonly RawIssue[])[];
  /** Zod 3: the same, as one error per option. */
  unionErrors?: readonly { issues: readonly RawIssue[] }[];
}

/** Issue codes that mean "not a value of this type/option", where a wire hint helps. */
const WRONG_VALUE_CODES = new Set([
  "invalid_type",
  "invalid_value",
  "invalid_enum_value",
  "invalid_literal",
  "invalid_date",
]);

export function safeParseZod<T>(
  schema: z4.$ZodType | Zod3Type,
  value: unknown,
  hint?: IssueHint,
): ZodParseResult<T> {
  try {
    const result = isZod4Schema(schema) ? z4.safeParse(schema, value) : schema.safeParse(value);
    if (result.success) return { success: true, data: result.data as T };
    return { success: false, issues: toArgumentIssues(result.error.issues as readonly RawIssue[], hint) };
  } catch (error) {
    // e.g. an async refinement (parsing is synchronous) or a refinement that throws.
    const message = error instanceof Error ? error.message : String(error);
    return { success: false, issues: [{ path: [], message: `validation could not run: ${message}` }] };
  }
}

function toArgumentIssues(issues: readonly RawIssue[], hint: IssueHint | undefined): ArgumentIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === "number" ? key : String(key)));
    let message = describeIssue(issue);
    const wire = issue.code !== undefined && WRONG_VALUE_CODES.has(issue.code) ? hint?.(path) : undefined;
    if (wire !== undefined) message += `; ${wire}`;
    return { path, message };
  });
}

/** A failed union says why each option failed; Zod's own message is only "Invalid input". */
function describeIssue(issue: RawIssue): string {
  const options = issue.errors ?? issue.unionErrors?.map((error) => error.issues);
  if (issue.code !== "invalid_union" || options === undefined || options.length === 0) return issue.message;
  const reasons = options.map((optionIssues, i) => {
    const text = optionIssues
      .map((inner) => {
        const at = inner.path.length > 0 ? `${formatArgumentPath(inner.path.map(pathKey))}: ` : "";
        return `${at}${describeIssue(inner)}`;
      })
      .join(", ");
    return `option ${i + 1}: ${text}`;
  });
  return `${issue.message}: no option fits (${reasons.join("; ")})`;
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === "number" ? key : String(key);
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
