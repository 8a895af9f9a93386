// The contract between a tool and the agent loop. `defineTool` builds these; the loop in
// `@signet/core` only relies on what is declared here.
import type { FunctionDeclaration } from "@signet/provider";
import type { Logger } from "pino";

export interface ToolContext {
  /** Aborted when the run is aborted or this call's timeout fires. */
  signal: AbortSignal;
  /** The `functionCall.id` when the model sent one, else an id the loop assigned. */
  callId: string;
  /** A child logger carrying the run id, tool name and call id. */
  logger: Logger;
}

/** One thing wrong with the arguments, with the path into them (e.g. `["cities", 2, "name"]`). */
export interface ArgumentIssue {
  path: (string | number)[];
  message: string;
}

export type ParseArgsResult<Args> = { ok: true; args: Args } | { ok: false; issues: ArgumentIssue[] };

/** When a call needs a human's approval before it runs. */
export type ApprovalRule<Args> = boolean | ((args: Args) => boolean | Promise<boolean>);

export interface SignetTool<Args = unknown, Result = unknown> {
  readonly name: string;
  readonly description: string;
  /** Computed once at definition time. */
  readonly declaration: FunctionDeclaration;
  /** Validates and decodes raw model arguments (numeric enums, dates). Never throws. */
  parseArgs(raw: unknown): ParseArgsResult<Args>;
  execute(args: Args, ctx: ToolContext): Result | Promise<Result>;
  /** Run alone, never beside other calls of the same step. */
  readonly sequential?: boolean;
  /** Per-call deadline in ms; the loop's default applies when unset. */
  readonly timeoutMs?: number;
  readonly needsApproval?: ApprovalRule<Args>;
}

/** Any tool, whatever its argument type, as the loop holds them. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of tools needs an existential argument type.
export type AnyTool = SignetTool<any, unknown>;
