import { validateFunctionDeclaration } from "@signet/testing";
import { pino } from "pino";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import * as z3 from "zod/v3";
import { defineTool } from "./define-tool.js";
import { SchemaConversionError, ToolDefinitionError } from "./schema-errors.js";
import { invalidArgumentsResponse } from "./tool-result.js";
import type { ToolContext } from "./tool-types.js";

enum Priority {
  Low = 1,
  High = 2,
}

const ctx: ToolContext = {
  signal: new AbortController().signal,
  callId: "call-1",
  logger: pino({ enabled: false }),
};

const schedule = defineTool({
  name: "schedule_meeting",
  description: "Schedules a meeting",
  parameters: z.object({
    title: z.string().min(1),
    at: z.date(),
    priority: z.enum(Priority).default(Priority.Low),
    attendees: z.array(z.object({ email: z.email(), optional: z.boolean().optional() })).min(1),
  }),
  execute: (args) => ({ title: args.title, when: args.at.toISOString(), priority: args.priority }),
});

describe("defineTool", () => {
  it("computes the exact declaration, which the strict validator accepts", () => {
    expect(schedule.declaration).toStrictEqual({
      name: "schedule_meeting",
      description: "Schedules a meeting",
      parameters: {
        type: "OBJECT",
        properties: {
          title: { type: "STRING", minLength: 1 },
          at: { type: "STRING", format: "date-time" },
          priority: { type: "STRING", enum: ["1", "2"], default: "1" },
          attendees: {
            type: "ARRAY",
            items: {
              type: "OBJECT",
              properties: {
                email: { type: "STRING", description: "Constraints: must be an email address." },
                optional: { type: "BOOLEAN" },
              },
              propertyOrdering: ["email", "optional"],
              required: ["email"],
            },
            minItems: 1,
          },
        },
        propertyOrdering: ["title", "at", "priority", "attendees"],
        required: ["title", "at", "attendees"],
      },
    });
    expect(validateFunctionDeclaration(schedule.declaration, "", { dialect: "signet" })).toEqual([]);
    expect(schedule.report.map((n) => [n.path, n.action])).toEqual([
      [["at"], "encoded"],
      [["priority"], "encoded"],
      [["attendees", "[]", "email"], "moved-to-description"],
    ]);
  });

  it("parseArgs decodes dates and numeric enums and applies defaults", async () => {
    const parsed = schedule.parseArgs({
      title: "Sync",
      at: "2025-06-01T09:30:00Z",
      priority: "2",
      attendees: [{ email: "a@example.com" }],
    });
    expect(parsed).toEqual({
      ok: true,
      args: {
        title: "Sync",
        at: new Date("2025-06-01T09:30:00Z"),
        priority: Priority.High,
        attendees: [{ email: "a@example.com" }],
      },
    });
    if (!parsed.ok) throw new Error("unreachable");
    expectTypeOf(parsed.args.at).toEqualTypeOf<Date>();
    expectTypeOf(parsed.args.priority).toEqualTypeOf<Priority>();
    expect(await schedule.execute(parsed.args, ctx)).toEqual({
      title: "Sync",
      when: "2025-06-01T09:30:00.000Z",
      priority: 2,
    });
    const withDefault = schedule.parseArgs({
      title: "x",
      at: "2025-06-01T09:30:00Z",
      attendees: [{ email: "a@b.co" }],
    });
    expect(withDefault.ok && withDefault.args.priority).toBe(Priority.Low);
  });

  it("invalid arguments become one model-readable error listing every issue with its path", () => {
    const parsed = schedule.parseArgs({
      title: "",
      at: "next tuesday",
      priority: "3",
      attendees: [{ email: "a@example.com" }, { email: "nope", optional: "yes" }],
    });
    if (parsed.ok) throw new Error("expected invalid arguments");
    expect(invalidArgumentsResponse("schedule_meeting", parsed.issues)).toStrictEqual({
      error: {
        kind: "invalid_arguments",
        message:
          "The arguments for schedule_meeting are invalid (5 issues); the tool did not run. Fix them and call it again.",
        issues: [
          { path: "title", message: "Too small: expected string to have >=1 characters" },
          {
            path: "at",
            message:
              'Invalid input: expected date, received string; send an ISO 8601 date-time with a time zone, e.g. "2025-06-01T12:00:00Z"',
          },
          {
            path: "priority",
            message: 'Invalid option: expected one of 1|2; send one of "1", "2" (a string)',
          },
          { path: "attendees[1].email", message: "Invalid email address" },
          { path: "attendees[1].optional", message: "Invalid input: expected boolean, received string" },
        ],
      },
    });
  });

  it("a union that fails says why each option failed", () => {
    const tool = defineTool({
      name: "when",
      description: "d",
      parameters: z.object({ at: z.union([z.date(), z.object({ days: z.int() })]) }),
      execute: () => 1,
    });
    expect(tool.parseArgs({ at: { days: "2" } })).toStrictEqual({
      ok: false,
      issues: [
        {
          path: ["at"],
          message:
            "Invalid input: no option fits (option 1: Invalid input: expected date, received object; option 2: days: Invalid input: expected number, received string)",
        },
      ],
    });
  });

  it("parseArgs never throws, whatever it is given", () => {
    expect(schedule.parseArgs("garbage")).toMatchObject({
      ok: false,
      issues: [{ path: [], message: "Invalid input: expected object, received string" }],
    });
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("trap");
        },
      },
    );
    expect(schedule.parseArgs(hostile)).toMatchObject({ ok: false });
  });

  it("a refinement that throws becomes an issue, not a crash", () => {
    const tool = defineTool({
      name: "t",
      description: "d",
      parameters: z.object({ a: z.string() }).refine(() => {
        throw new Error("boom");
      }),
      execute: () => "ok",
    });
    expect(tool.parseArgs({ a: "x" })).toEqual({
      ok: false,
      issues: [{ path: [], message: "validation could not run: boom" }],
    });
  });

  it("a tool without arguments has no parameters and accepts a missing args field", () => {
    const tool = defineTool({
      name: "now",
      description: "Current time",
      parameters: z.object({}),
      execute: () => 1,
    });
    expect(tool.declaration).toEqual({ name: "now", description: "Current time" });
    expect(tool.parseArgs(undefined)).toEqual({ ok: true, args: {} });
    expect(validateFunctionDeclaration(tool.declaration, "", { dialect: "signet" })).toEqual([]);
  });

  it("accepts zod/v3 objects and types their arguments", () => {
    const tool = defineTool({
      name: "v3_tool",
      description: "d",
      parameters: z3.object({ when: z3.date(), n: z3.number().optional() }),
      execute: (args) => args.when.getTime() + (args.n ?? 0),
    });
    const parsed = tool.parseArgs({ when: "2025-01-01T00:00:00Z", n: 5 });
    expect(parsed).toEqual({ ok: true, args: { when: new Date("2025-01-01T00:00:00Z"), n: 5 } });
  });

  it("keeps sequential, timeoutMs and needsApproval", () => {
    const tool = defineTool({
      name: "rm",
      description: "Deletes a file",
      parameters: z.object({ path: z.string() }),
      execute: () => true,
      sequential: true,
      timeoutMs: 500,
      needsApproval: (args) => args.path.startsWith("/"),
    });
    expect([tool.sequential, tool.timeoutMs, typeof tool.needsApproval]).toEqual([true, 500, "function"]);
  });

  it.each([
    ["1abc", "invalid_tool_name"],
    ["has space", "invalid_tool_name"],
    ["a".repeat(65), "invalid_tool_name"],
  ])("refuses the name %j", (name, code) => {
    const define = () =>
      defineTool({ name, description: "d", parameters: z.object({ a: z.string() }), execute: () => 1 });
    expect(define).toThrow(ToolDefinitionError);
    expect(define).toThrow(expect.objectContaining({ code, toolName: name }));
  });

  it("accepts names with dots, colons and dashes up to 64 characters", () => {
    for (const name of ["a.b:c-d", "_x", "a".repeat(64)]) {
      expect(
        defineTool({ name, description: "d", parameters: z.object({ a: z.string() }), execute: () => 1 })
          .name,
      ).toBe(name);
    }
  });

  it("requires a description, a Zod object and a positive timeout", () => {
    const base = { name: "t", parameters: z.object({ a: z.string() }), execute: () => 1 };
    expect(() => defineTool({ ...base, description: "  " })).toThrow(
      expect.objectContaining({ code: "missing_description" }),
    );
    expect(() =>
      defineTool({ ...base, description: "d", parameters: { a: "string" } as unknown as z.ZodObject }),
    ).toThrow(expect.objectContaining({ code: "invalid_parameters" }));
    expect(() => defineTool({ ...base, description: "d", timeoutMs: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
  });

  it("a non-object parameters schema and an unconvertible one fail at definition time, naming the tool", () => {
    expect(() =>
      defineTool({
        name: "t",
        description: "d",
        parameters: z.string() as unknown as z.ZodObject,
        execute: () => 1,
      }),
    ).toThrow(expect.objectContaining({ code: "invalid_schema" }));
    let error: unknown;
    try {
      defineTool({
        name: "bad",
        description: "d",
        parameters: z.object({ meta: z.record(z.string(), z.string()) }),
        execute: () => 1,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaConversionError);
    expect(error).toMatchObject({ code: "free_keys", path: ["meta"], toolName: "bad" });
    expect((error as Error).message).toMatch(/^Tool "bad": Cannot convert the schema at meta:/);
  });
});
