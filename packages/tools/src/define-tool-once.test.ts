// "The declaration is computed once": defineTool converts the schema exactly once, and every read
// of the declaration, before and after any number of calls, is that same frozen object.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineTool } from "./define-tool.js";

const conversions = vi.hoisted(() => ({ count: 0 }));
vi.mock("./convert-schema.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./convert-schema.js")>();
  return {
    ...actual,
    convertParameters: (...args: Parameters<typeof actual.convertParameters>) => {
      conversions.count++;
      return actual.convertParameters(...args);
    },
  };
});

describe("defineTool computes the declaration once", () => {
  it("converts once, and every read is the same deep-frozen object", () => {
    const before = conversions.count;
    const tool = defineTool({
      name: "forecast",
      description: "Forecast for a city",
      parameters: z.object({ city: z.string(), days: z.int().min(1).max(7), at: z.date().optional() }),
      execute: ({ city }) => ({ city }),
    });
    expect(conversions.count - before).toBe(1);
    const first = tool.declaration;
    for (let i = 0; i < 5; i++) {
      expect(tool.parseArgs({ city: "Oslo", days: 2, at: "2025-06-01T00:00:00Z" }).ok).toBe(true);
      expect(tool.parseArgs({ city: 1 }).ok).toBe(false);
      expect(tool.declaration).toBe(first);
      expect(tool.declaration.parameters).toBe(first.parameters);
    }
    expect(conversions.count - before).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.parameters?.properties?.days)).toBe(true);
    expect(() => {
      (first.parameters as { type: string }).type = "STRING";
    }).toThrow(TypeError);
  });
});
