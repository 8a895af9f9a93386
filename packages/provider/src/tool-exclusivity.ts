// Invariant 3: googleSearch (or googleSearchRetrieval) and functionDeclarations share a request only
// where the gateway and model allow it (Google, Gemini 3, includeServerSideToolInvocations: true).
// Refused before any I/O, naming both ways out; never a silently dropped tool.
import { ToolConflictError } from "./errors.js";
import type { ModelCapabilities } from "./provider-types.js";
import type { GenerateContentRequest, Tool } from "./wire-types.js";

const SEARCH_KINDS = ["googleSearch", "googleSearchRetrieval"] as const;

/** The search tool kinds in `tools` that clash with its function declarations (empty when none clash). */
export function conflictingSearchTools(tools: readonly Tool[] | undefined): string[] {
  if (!tools || tools.length === 0) return [];
  let functions = false;
  const search = new Set<string>();
  for (const tool of tools) {
    const decls = (tool as { functionDeclarations?: unknown[] }).functionDeclarations;
    if (Array.isArray(decls) && decls.length > 0) functions = true;
    for (const kind of SEARCH_KINDS) if (kind in tool) search.add(kind);
  }
  return functions ? [...search] : [];
}

/** Throws `ToolConflictError` when the request combines search with functions where that is refused. */
export function assertToolsAllowed(request: GenerateContentRequest, caps: ModelCapabilities): void {
  const search = conflictingSearchTools(request.tools);
  if (search.length === 0) return;
  const combinedOk = caps.searchWithFunctions === "combined";
  if (combinedOk && request.toolConfig?.includeServerSideToolInvocations === true) return;
  const what = `${search.join(" and ")} together with functionDeclarations`;
  const message = combinedOk
    ? `${caps.gateway} with ${caps.model} can use ${what} only when asked: set toolConfig.includeServerSideToolInvocations: true ` +
      "(the combined mode), or keep search out of this request and expose it as a function tool that makes a " +
      "separate grounded request with only googleSearch (the subcall mode)."
    : `${caps.gateway} with ${caps.model} refuses ${what}. Two ways out: expose search as a function tool whose ` +
      "implementation makes a separate grounded request with only googleSearch (the subcall mode), or use the " +
      "google gateway with a Gemini 3 model and toolConfig.includeServerSideToolInvocations: true (the combined mode). " +
      "Or send only one of the two kinds of tool.";
  throw new ToolConflictError(caps.gateway, caps.model, search, message);
}

/** Whether any element of T holds one of the tool kinds K. */
type HasKind<T extends readonly Tool[], K extends string> = [
  Extract<T[number], K extends unknown ? { [P in K]: unknown } : never>,
] extends [never]
  ? false
  : true;

/** Resolves to `T`, or to an explanatory string type (a compile error) when T mixes search and functions. */
export type ExclusiveTools<T extends readonly Tool[]> =
  HasKind<T, "functionDeclarations"> extends true
    ? HasKind<T, (typeof SEARCH_KINDS)[number]> extends true
      ? "tool_conflict: googleSearch and functionDeclarations cannot share a request here; use the subcall mode, or combinedTools() on Google + Gemini 3"
      : T
    : T;

/**
 * A `tools` list checked at compile time: mixing googleSearch with functionDeclarations is a type error.
 * Use it for requests to the gateways, or to Google before Gemini 3.
 */
export function exclusiveTools<T extends Tool[]>(...tools: T & NoInfer<ExclusiveTools<T>>): Tool[] {
  return [...tools];
}

/**
 * Tools plus the tool config that lets Google + Gemini 3 combine search with function declarations.
 * The provider still refuses this on a gateway or model that cannot (a `tool_conflict` before I/O).
 */
export function combinedTools(
  tools: readonly Tool[],
  toolConfig: GenerateContentRequest["toolConfig"] = {},
): { tools: Tool[]; toolConfig: NonNullable<GenerateContentRequest["toolConfig"]> } {
  return {
    tools: [...tools],
    toolConfig: {
      ...toolConfig,
      includeServerSideToolInvocations: true,
      functionCallingConfig: {
        ...toolConfig.functionCallingConfig,
        mode: toolConfig.functionCallingConfig?.mode ?? "VALIDATED",
      },
    },
  };
}
