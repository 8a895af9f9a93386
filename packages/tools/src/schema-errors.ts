// Typed errors raised at definition time. Each is a `SignetError` with a stable snake_case
// `code`, the path into the schema, and a message that says what to change.
import { SignetError } from "@signet/provider";
import { formatSchemaPath, type SchemaPath } from "./schema-path.js";

export type SchemaConversionCode =
  /** bigint, function, promise, map, set, symbol, undefined, void, NaN, never, custom. */
  | "unsupported_type"
  /** any/unknown, or an array without item schema: Gemini needs a type. */
  | "untyped_value"
  /** Records, maps and catchalls whose keys the schema does not list. */
  | "free_keys"
  | "tuple"
  | "recursion_limit"
  /** Two enum values that would read the same once sent as strings (`1` and `"1"`). */
  | "enum_collision"
  /** An object with no properties where a value is required (Gemini refuses it). */
  | "empty_object"
  /** JSON Schema keywords with no Gemini form: `not`, `if`/`then`, an `allOf` that does not merge. */
  | "unsupported_keyword"
  /** Not a Zod schema, or a root that cannot hold tool arguments. */
  | "invalid_schema";

export interface SchemaProblem {
  code: SchemaConversionCode;
  path: SchemaPath;
  message: string;
}

export class SchemaConversionError extends SignetError<SchemaConversionCode> {
  readonly path: SchemaPath;
  /** Every problem found; the first is `code`/`path`. */
  readonly problems: readonly [SchemaProblem, ...SchemaProblem[]];
  /** Set when the schema belongs to a tool (`defineTool`). */
  readonly toolName: string | undefined;

  constructor(problems: readonly [SchemaProblem, ...SchemaProblem[]], context: { toolName?: string } = {}) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : "";
    const owner = context.toolName === undefined ? "" : `Tool "${context.toolName}": `;
    super(
      first.code,
      `${owner}Cannot convert the schema at ${formatSchemaPath(first.path)}: ${first.message}${more}`,
    );
    this.name = "SchemaConversionError";
    this.path = first.path;
    this.problems = problems;
    this.toolName = context.toolName;
  }
}

export type ToolDefinitionCode =
  | "invalid_tool_name"
  | "missing_description"
  | "invalid_parameters"
  | "invalid_option";

export class ToolDefinitionError extends SignetError<ToolDefinitionCode> {
  /** The tool's name as given (possibly the invalid one). */
  readonly toolName: string;

  constructor(code: ToolDefinitionCode, toolName: string, message: string) {
    super(code, message);
    this.name = "ToolDefinitionError";
    this.toolName = toolName;
  }
}

/** Throws one `SchemaConversionError` listing every problem, when there is any. */
export function throwProblems(problems: readonly SchemaProblem[]): void {
  const [first, ...rest] = problems;
  if (first !== undefined) throw new SchemaConversionError([first, ...rest]);
}
