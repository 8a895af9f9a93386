// Shared assertion for golden conversion tests: exact output, exact report, and the strict
// Schema validator from @signet/testing (the same one the emulator applies).
import type { Schema } from "@signet/provider";
import { validateSchema } from "@signet/testing";
import { expect } from "vitest";
import type { ConversionNote } from "../conversion-report.js";
import { convertSchema } from "../convert-schema.js";

export function expectGolden(
  zodSchema: unknown,
  expected: Schema,
  report: Partial<ConversionNote>[] = [],
): void {
  const result = convertSchema(zodSchema);
  expect(result.schema).toStrictEqual(expected);
  expect(validateSchema(result.schema)).toEqual([]);
  expect(result.report).toHaveLength(report.length);
  report.forEach((note, i) => {
    expect(result.report[i]).toMatchObject(note);
  });
}
