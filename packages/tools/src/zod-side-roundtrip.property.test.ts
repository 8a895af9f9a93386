// Property, generated from the Zod side: for random Zod schemas and random values *of those
// schemas* (Dates, numeric enums and literals, union branches included), the value's wire form
// (what Gemini would send: "2" for 2, an ISO string for a Date) fits the converted Gemini schema,
// and parseArgs turns it back into what Zod itself makes of the original value. A union the
// converter reports as ambiguous is the only allowed exception, and it must be reported.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "./define-tool.js";
import { wireIssues } from "./test-support/wire-conformance.js";

/** A Zod schema with an arbitrary of its values, each paired with the wire form a model sends. */
interface Gen {
  schema: z.ZodType;
  sample: fc.Arbitrary<{ value: unknown; wire: unknown }>;
}

enum Level {
  Low = 1,
  High = 2,
}

const same = (arb: fc.Arbitrary<unknown>) => arb.map((value) => ({ value, wire: value }));
const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/);

const leaf: fc.Arbitrary<Gen> = fc.oneof(
  fc.record({ min: fc.nat(3), extra: fc.nat(6) }).map(({ min, extra }) => ({
    schema: z
      .string()
      .min(min)
      .max(min + extra),
    sample: same(fc.string({ minLength: min, maxLength: min + extra })),
  })),
  fc.record({ lo: fc.integer({ min: -50, max: 50 }), span: fc.nat(100) }).map(({ lo, span }) => ({
    schema: z
      .int()
      .min(lo)
      .max(lo + span),
    sample: same(fc.integer({ min: lo, max: lo + span })),
  })),
  fc.constant<Gen>({
    schema: z.number(),
    // JSON has no -0: a model's 0 is 0.
    sample: same(fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n))),
  }),
  fc.constant<Gen>({ schema: z.boolean(), sample: same(fc.boolean()) }),
  fc.constant<Gen>({
    schema: z.date(),
    sample: fc
      .date({
        min: new Date("0000-01-01T00:00:00Z"),
        max: new Date("9999-12-31T23:59:59Z"),
        noInvalidDate: true,
      })
      .map((date) => ({ value: date, wire: date.toISOString() })),
  }),
  fc.uniqueArray(key, { minLength: 1, maxLength: 4 }).map((values) => ({
    schema: z.enum(values as [string, ...string[]]),
    sample: same(fc.constantFrom(...values)),
  })),
  fc.uniqueArray(fc.integer({ min: -5, max: 20 }), { minLength: 1, maxLength: 4 }).map((values) => ({
    schema: z.literal(values),
    sample: fc.constantFrom(...values).map((n) => ({ value: n, wire: String(n) })),
  })),
  fc.constant<Gen>({
    schema: z.enum(Level),
    sample: fc.constantFrom(Level.Low, Level.High).map((n) => ({ value: n, wire: String(n) })),
  }),
  fc.constant<Gen>({
    schema: z.literal([true, "auto", 0]),
    sample: fc.constantFrom(true, "auto", 0).map((v) => ({ value: v, wire: String(v) })),
  }),
);

type Wrapping = "plain" | "optional" | "nullable" | "nullish";
const wrapping = fc.constantFrom<Wrapping>("plain", "optional", "nullable", "nullish");

function wrap(gen: Gen, how: Wrapping): Gen {
  const absent = fc.constant({ value: undefined, wire: undefined });
  const nul = fc.constant({ value: null, wire: null });
  switch (how) {
    case "plain":
      return gen;
    case "optional":
      return { schema: gen.schema.optional(), sample: fc.oneof(gen.sample, absent) };
    case "nullable":
      return { schema: gen.schema.nullable(), sample: fc.oneof(gen.sample, nul) };
    case "nullish":
      return { schema: gen.schema.nullish(), sample: fc.oneof(gen.sample, nul, absent) };
  }
}

function objectOf(child: fc.Arbitrary<Gen>): fc.Arbitrary<Gen & { schema: z.ZodObject }> {
  return fc
    .uniqueArray(fc.tuple(key, child, wrapping), { minLength: 1, maxLength: 4, selector: ([k]) => k })
    .map((entries) => {
      const fields = entries.map(([k, gen, how]) => [k, wrap(gen, how)] as const);
      const schema = z.object(Object.fromEntries(fields.map(([k, gen]) => [k, gen.schema])));
      const sample = fc.tuple(...fields.map(([, gen]) => gen.sample)).map((samples) => {
        const value: Record<string, unknown> = {};
        const wire: Record<string, unknown> = {};
        samples.forEach((s, i) => {
          const k = fields[i]![0];
          if (s.value !== undefined) value[k] = s.value;
          if (s.wire !== undefined) wire[k] = s.wire;
        });
        return { value, wire };
      });
      return { schema, sample };
    });
}

function genAt(depth: number): fc.Arbitrary<Gen> {
  if (depth === 0) return leaf;
  const child = genAt(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: objectOf(child) },
    {
      weight: 1,
      arbitrary: fc.record({ item: child, min: fc.nat(2), extra: fc.nat(2) }).map(({ item, min, extra }) => ({
        schema: z
          .array(item.schema)
          .min(min)
          .max(min + extra),
        sample: fc.array(item.sample, { minLength: min, maxLength: min + extra }).map((items) => ({
          value: items.map((s) => s.value),
          wire: items.map((s) => s.wire),
        })),
      })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(child, child).map(([a, b]) => ({
        schema: z.union([a.schema, b.schema]),
        sample: fc.oneof(a.sample, b.sample),
      })),
    },
  );
}

describe("values from the Zod side survive the wire", () => {
  it("encode to what Gemini sends and decode back to what Zod makes of them", { timeout: 60_000 }, () => {
    let compared = 0;
    let encodedSamples = 0;
    const scenario = objectOf(genAt(2)).chain((gen) =>
      fc.tuple(fc.constant(gen.schema), fc.array(gen.sample, { minLength: 1, maxLength: 4 })),
    );
    fc.assert(
      fc.property(scenario, ([parameters, samples]) => {
        const tool = defineTool({
          name: "probe",
          description: "Round trip",
          parameters,
          execute: () => null,
        });
        const declared = tool.declaration.parameters;
        expect(declared).toBeDefined();
        // An ambiguous union is allowed to lose a value, but never silently.
        fc.pre(!tool.report.some((note) => note.action === "ambiguous"));
        for (const { value, wire } of samples) {
          expect(wireIssues(wire, declared!)).toEqual([]);
          const expected = z.safeParse(parameters, value);
          expect(expected.success).toBe(true); // the generator makes only valid values
          const parsed = tool.parseArgs(JSON.parse(JSON.stringify(wire)));
          expect(parsed).toEqual({ ok: true, args: expected.data });
          if (JSON.stringify(wire) !== JSON.stringify(value)) encodedSamples++;
          compared++;
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(300);
    // Dates and numeric literals, whose wire form differs from the value, are really exercised.
    expect(encodedSamples).toBeGreaterThan(100);
  });

  it("an ambiguous union is reported where it loses values (a Date read as a string)", () => {
    const parameters = z.object({ when: z.union([z.string(), z.date()]) });
    const tool = defineTool({ name: "probe", description: "Ambiguous", parameters, execute: () => null });
    expect(tool.report.filter((n) => n.action === "ambiguous").map((n) => n.path)).toEqual([["when", 1]]);
    const sent = { when: new Date("2025-06-01T12:00:00Z").toISOString() };
    expect(tool.parseArgs(sent)).toEqual({ ok: true, args: { when: "2025-06-01T12:00:00.000Z" } });
  });
});
