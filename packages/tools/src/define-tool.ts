// `defineTool`: a tool whose declaration is computed once, whose arguments are validated and
// decoded before `execute` ever sees them, and whose mistakes surface at definition time.
import type { FunctionDeclaration } from "@signet/provider";
import type { ZodTypeAny as Zod3Type } from "zod/v3";
import type * as z4 from "zod/v4/core";
import type { ConversionReport } from "./conversion-report.js";
import { type ConvertSchemaOptions, convertParameters, type ParametersConversion } from "./convert-schema.js";
import { SchemaConversionError, ToolDefinitionError } from "./schema-errors.js";
import type { ApprovalRule, ParseArgsResult, SignetTool, ToolContext } from "./tool-types.js";
import type { InferOutput } from "./zod-parse.js";
import { isZod3Schema, isZod4Schema } from "./zod-schema-kind.js";

/** Gemini's rule for function names. */
export const TOOL_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

/** A Zod object schema (Zod 4, or `zod/v3`); refinements on it are fine. */
export type ToolParameters = z4.$ZodType<object, unknown> | Zod3Type;

export interface ToolSpec<S extends ToolParameters, Result> {
  name: string;
  /** What the tool does and when to call it: the model reads this to decide. Required. */
  description: string;
  parameters: S;
  execute(args: InferOutput<S>, ctx: ToolContext): Result | Promise<Result>;
  sequential?: boolean;
  timeoutMs?: number;
  needsApproval?: ApprovalRule<InferOutput<S>>;
  /** Options for the schema conversion (e.g. `maxRecursionDepth`). */
  schema?: ConvertSchemaOptions;
}

export interface DefinedTool<Args, Result> extends SignetTool<Args, Result> {
  /** What the conversion softened, moved into descriptions or encoded, with paths. */
  readonly report: ConversionReport;
}

export function defineTool<S extends ToolParameters, Result>(
  spec: ToolSpec<S, Result>,
): DefinedTool<InferOutput<S>, Result> {
  type Args = InferOutput<S>;
  const { name, description, parameters, execute } = spec;
  checkSpec(spec);
  let conversion: ParametersConversion;
  try {
    conversion = convertParameters(parameters, spec.schema);
  } catch (error) {
    if (error instanceof SchemaConversionError)
      throw new SchemaConversionError(error.problems, { toolName: name });
    throw error;
  }
  // Frozen all the way down: every request of every agent sends this same object.
  const declaration: FunctionDeclaration = deepFreeze(
    conversion.parameters === undefined
      ? { name, description }
      : { name, description, parameters: conversion.parameters },
  );
  const { parse } = conversion;

  const tool: DefinedTool<Args, Result> = {
    name,
    description,
    declaration,
    report: conversion.report,
    // A model calls a function without arguments with no `args` at all.
    parseArgs: (raw) => parse(raw === undefined || raw === null ? {} : raw) as ParseArgsResult<Args>,
    execute,
  };
  return Object.freeze({
    ...tool,
    ...(spec.sequential === undefined ? {} : { sequential: spec.sequential }),
    ...(spec.timeoutMs === undefined ? {} : { timeoutMs: spec.timeoutMs }),
    ...(spec.needsApproval === undefined ? {} : { needsApproval: spec.needsApproval }),
  });
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

function checkSpec(spec: ToolSpec<ToolParameters, unknown>): void {
  const name = typeof spec.name === "string" ? spec.name : String(spec.name);
  if (typeof spec.name !== "string" || !TOOL_NAME_PATTERN.test(spec.name)) {
    throw new ToolDefinitionError(
      "invalid_tool_name",
      name,
      `Tool name ${JSON.stringify(spec.name)} is not accepted by Gemini: it must start with a letter or underscore, ` +
        "then use only letters, digits, _ . : - and be at most 64 characters (e.g. get_weather)",
    );
  }
  if (typeof spec.description !== "string" || spec.description.trim() === "") {
    throw new ToolDefinitionError(
      "missing_description",
      name,
      `Tool "${name}" needs a description: the model reads it to decide when to call the tool`,
    );
  }
  if (!isZod4Schema(spec.parameters) && !isZod3Schema(spec.parameters)) {
    throw new ToolDefinitionError(
      "invalid_parameters",
      name,
      `Tool "${name}": parameters must be a Zod object schema, e.g. z.object({ city: z.string() })`,
    );
  }
  if (typeof spec.execute !== "function") {
    throw new ToolDefinitionError("invalid_option", name, `Tool "${name}": execute must be a function`);
  }
  if (spec.timeoutMs !== undefined && !(Number.isFinite(spec.timeoutMs) && spec.timeoutMs > 0)) {
    throw new ToolDefinitionError(
      "invalid_option",
      name,
      `Tool "${name}": timeoutMs must be a positive number of milliseconds`,
    );
  }
}
