import { describe, expect, it } from "vitest";
import { z } from "zod";
import { convertSchema } from "./convert-schema.js";

describe("decoding what the model sends", () => {
  it("copies only what it changes", () => {
    const { decode } = convertSchema(z.object({ keep: z.object({ a: z.string() }), n: z.literal([1, 2]) }));
    const keep = { a: "x" };
    const raw = { keep, n: "2" };
    const out = decode(raw) as typeof raw;
    expect(out).toEqual({ keep: { a: "x" }, n: 2 });
    expect(out).not.toBe(raw);
    expect(out.keep).toBe(keep);
    expect(raw.n).toBe("2"); // the model's arguments are not mutated
    const untouched = { keep, n: 7 };
    expect(decode(untouched)).toBe(untouched);
  });

  it("a schema without encoded values decodes as the identity", () => {
    const raw = { a: "x" };
    expect(convertSchema(z.object({ a: z.string() })).decode(raw)).toBe(raw);
  });

  it("in a union, the first branch whose shape fits decodes the value (as Zod picks branches)", () => {
    const schema = z.object({
      v: z.union([
        z.object({ kind: z.literal("n"), n: z.literal([1, 2]) }),
        z.object({ kind: z.literal("d"), at: z.date() }),
      ]),
    });
    const { decode } = convertSchema(schema);
    expect(schema.parse(decode({ v: { kind: "n", n: "1" } }))).toEqual({ v: { kind: "n", n: 1 } });
    expect(schema.parse(decode({ v: { kind: "d", at: "2025-01-01T00:00:00Z" } }))).toEqual({
      v: { kind: "d", at: new Date("2025-01-01T00:00:00Z") },
    });
  });

  it("a branch whose constraints or decoding do not fit is skipped (found by the property test)", () => {
    const schema = z.object({ a: z.union([z.string().max(0), z.union([z.date(), z.enum(["a"])])]) });
    const { decode } = convertSchema(schema);
    expect(schema.parse(decode({ a: "1970-01-01T00:00:00.000Z" }))).toEqual({ a: new Date(0) });
    expect(schema.parse(decode({ a: "a" }))).toEqual({ a: "a" });
    expect(schema.parse(decode({ a: "" }))).toEqual({ a: "" });
  });

  it("nullable encoded values pass null through, and arrays decode item by item", () => {
    const schema = z.object({ d: z.date().nullable(), levels: z.array(z.literal([0, 1])) });
    const { decode } = convertSchema(schema);
    expect(schema.parse(decode({ d: null, levels: ["0", "1", "1"] }))).toEqual({
      d: null,
      levels: [0, 1, 1],
    });
  });

  it("what cannot be decoded is left for Zod to report", () => {
    const schema = z.object({ d: z.date(), n: z.literal([1, 2]) });
    const { decode } = convertSchema(schema);
    expect(decode({ d: "yesterday", n: "9" })).toEqual({ d: "yesterday", n: "9" });
  });

  it("decodes only ISO 8601 dates: with a zone, or a plain date; anything else is Zod's to report", () => {
    const schema = z.object({ at: z.date() });
    const { decode } = convertSchema(schema);
    expect(decode({ at: "2025-06-01T12:00:00+02:00" })).toEqual({ at: new Date("2025-06-01T10:00:00Z") });
    expect(decode({ at: "2025-06-01" })).toEqual({ at: new Date("2025-06-01T00:00:00Z") });
    // Date() would read these as 2001-01-01 and as local time; the model must send a zone.
    for (const loose of ["1", "2025-06-01T12:00:00", "June 1, 2025"]) {
      expect(decode({ at: loose })).toEqual({ at: loose });
    }
  });

  it("in a union, a string that is no ISO date is not taken for one", () => {
    const schema = z.object({ v: z.union([z.date(), z.string()]) });
    const { decode } = convertSchema(schema);
    expect(schema.parse(decode({ v: "1" }))).toEqual({ v: "1" });
  });
});
