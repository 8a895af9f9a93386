// Runs one conversion case the way users meet it: `convertSchema` for a schema, `defineTool` for
// tool parameters. Every output is checked by the strict validator from @signet/testing in its
// "signet" dialect (uppercase types, an OBJECT always has properties), the one the emulator uses.
import type { FunctionDeclaration, Schema } from "@signet/provider";
import { validateFunctionDeclaration, validateSchema } from "@signet/testing";
import { expect } from "vitest";
import type { ConversionReport } from "../conversion-report.js";
import { convertSchema } from "../convert-schema.js";
import { defineTool, type ToolParameters } from "../define-tool.js";
import { SchemaConversionError } from "../schema-errors.js";
import type { ParseArgsResult } from "../tool-types.js";
import { safeParseZod } from "../zod-parse.js";
import type { AnyZodSchema } from "../zod-schema-kind.js";
import type { ConversionCase } from "./conversion-cases.js";

export interface CaseRun {
  output: Schema | undefined;
  report: ConversionReport;
  /** What the tool (or structured output) gets for what the model sent. */
  parse(wire: unknown): ParseArgsResult<unknown>;
}

export type CaseOutcome = { ok: true; run: CaseRun } | { ok: false; error: SchemaConversionError };

export function runCase(entry: ConversionCase, schema: unknown): CaseOutcome {
  try {
    return { ok: true, run: convertCase(entry, schema) };
  } catch (error) {
    if (error instanceof SchemaConversionError) return { ok: false, error };
    throw error;
  }
}

function convertCase(entry: ConversionCase, schema: unknown): CaseRun {
  if (entry.as === "parameters") {
    const tool = defineTool({
      name: "probe",
      description: "Golden case",
      parameters: schema as ToolParameters,
      execute: () => null,
      ...(entry.options ? { schema: entry.options } : {}),
    });
    expectValidDeclaration(tool.declaration);
    return {
      output: tool.declaration.parameters,
      report: tool.report,
      parse: (wire) => tool.parseArgs(wire),
    };
  }
  const { schema: output, report, decode } = convertSchema(schema, entry.options);
  expectValidGemini(output);
  return {
    output,
    report,
    parse(wire) {
      const result = safeParseZod<unknown>(schema as AnyZodSchema, decode(wire));
      return result.success ? { ok: true, args: result.data } : { ok: false, issues: result.issues };
    },
  };
}

/** Fails the test unless the strict "signet" dialect of the validator accepts the schema. */
export function expectValidGemini(schema: Schema): void {
  expect(validateSchema(schema, "", { dialect: "signet" })).toEqual([]);
}

export function expectValidDeclaration(declaration: FunctionDeclaration): void {
  expect(validateFunctionDeclaration(declaration, "", { dialect: "signet" })).toEqual([]);
}
