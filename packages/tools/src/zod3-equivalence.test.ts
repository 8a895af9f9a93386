// Zod 3 (`zod/v3`, through zod-to-json-schema) and Zod 4 (through z.toJSONSchema) reach the same
// converter by different generators. For every construct both can express, the Gemini output,
// the report, the decoding and the failures must be the same: one row per case of the table.
import { describe, expect, it } from "vitest";
import * as z3 from "zod/v3";
import { CONVERSION_CASES, evaluateSchema, zod3Code } from "./test-support/conversion-cases.js";
import { runCase } from "./test-support/golden.js";

const rows = CONVERSION_CASES.flatMap((entry) => {
  const code = zod3Code(entry);
  return code === undefined ? [] : [[code, entry.zod4, entry] as const];
});

describe("Zod 3 converts like Zod 4", () => {
  it.each(rows)("%s  ~  %s", (code, _zod4, entry) => {
    const schema = evaluateSchema(code, 3);
    expect(schema).toBeInstanceOf(z3.ZodType); // the row really exercises the zod/v3 route
    const zod3 = runCase(entry, schema);
    const zod4 = runCase(entry, evaluateSchema(entry.zod4, 4));
    if (!zod4.ok) {
      expect(zod3.ok).toBe(false);
      if (zod3.ok) return;
      expect([zod3.error.code, zod3.error.path]).toStrictEqual([zod4.error.code, zod4.error.path]);
      return;
    }
    if (!zod3.ok) throw zod3.error;
    expect(zod3.run.output).toStrictEqual(zod4.run.output);
    expect(zod3.run.report).toStrictEqual(zod4.run.report);
    for (const { wire, value } of entry.decodes ?? []) {
      expect(zod3.run.parse(structuredClone(wire))).toStrictEqual({ ok: true, args: value });
    }
  });

  it("covers most of the table", () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
  });
});
