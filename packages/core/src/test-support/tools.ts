// Small real tools for tests (the loop only relies on the SignetTool contract).
import type { AnyTool, ArgumentIssue, ToolContext } from "@signet/tools";

export interface TestToolOptions<Args> {
  name: string;
  execute: (args: Args, ctx: ToolContext) => unknown;
  /** Required string/number fields; others pass through. */
  required?: Record<string, "string" | "number">;
  sequential?: boolean;
  timeoutMs?: number;
  needsApproval?: boolean | ((args: Args) => boolean | Promise<boolean>);
}

export function testTool<Args = Record<string, unknown>>(options: TestToolOptions<Args>): AnyTool {
  const required = options.required ?? {};
  const properties = Object.fromEntries(
    Object.entries(required).map(([key, type]) => [
      key,
      { type: type === "string" ? "STRING" : "NUMBER" } as const,
    ]),
  );
  return {
    name: options.name,
    description: `test tool ${options.name}`,
    // Like defineTool: a tool without arguments has no `parameters` (an empty OBJECT is refused).
    declaration: {
      name: options.name,
      description: `test tool ${options.name}`,
      ...(Object.keys(required).length > 0
        ? { parameters: { type: "OBJECT", properties, required: Object.keys(required) } }
        : {}),
    },
    parseArgs(raw: unknown) {
      const args = (raw ?? {}) as Record<string, unknown>;
      const issues: ArgumentIssue[] = [];
      for (const [key, type] of Object.entries(required)) {
        if (typeof args[key] !== type) issues.push({ path: [key], message: `expected ${type}` });
      }
      return issues.length ? { ok: false, issues } : { ok: true, args: args as Args };
    },
    execute: options.execute,
    sequential: options.sequential,
    timeoutMs: options.timeoutMs,
    needsApproval: options.needsApproval,
  } as AnyTool;
}

/** A promise with its resolve exposed, to hold a tool open until the test lets it go. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
