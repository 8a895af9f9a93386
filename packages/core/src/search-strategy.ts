// Invariant 3: Google Search beside function tools. The provider refuses a request carrying both
// where the gateway does; the agent decides up front by capability and reports what it did.
import type {
  FunctionDeclaration,
  GenerateResult,
  GoogleSearch,
  ModelCapabilities,
  Provider,
  Tool,
} from "@signet/provider";
import type { AnyTool, ParseArgsResult } from "@signet/tools";
import { SEARCH_TOOL_NAME } from "./constants.js";
import { SearchStrategyError } from "./errors.js";

/**
 * - `auto`: combine where the gateway allows it, else `subcall`.
 * - `combined`: both tools in one request (`includeServerSideToolInvocations`); an error where refused.
 * - `subcall`: search becomes a function tool that makes its own grounded request.
 * - `error`: combine where allowed, else refuse with `SearchStrategyError` rather than work around it.
 */
export type SearchStrategy = "auto" | "combined" | "subcall" | "error";

/** What a run actually does about search. */
export type SearchStrategyUsed =
  /** Search is off. */
  | "none"
  /** Search is on and there are no function tools: nothing to reconcile. */
  | "search_only"
  | "combined"
  | "subcall";

export type SearchOption =
  | boolean
  | SearchStrategy
  | { strategy?: SearchStrategy; googleSearch?: GoogleSearch };

export interface SearchPlan {
  used: SearchStrategyUsed;
  /** Built-in tools to add to the request (`googleSearch` for `search_only` and `combined`). */
  builtinTools: Tool[];
  /** `combined` needs `toolConfig.includeServerSideToolInvocations: true`. */
  includeServerSideToolInvocations: boolean;
  /** `subcall`: expose search as this function tool. */
  subcall: boolean;
  googleSearch: GoogleSearch;
}

export function normalizeSearchOption(option: SearchOption | undefined): {
  enabled: boolean;
  strategy: SearchStrategy;
  googleSearch: GoogleSearch;
} {
  if (option === undefined || option === false) return { enabled: false, strategy: "auto", googleSearch: {} };
  if (option === true) return { enabled: true, strategy: "auto", googleSearch: {} };
  if (typeof option === "string") return { enabled: true, strategy: option, googleSearch: {} };
  return { enabled: true, strategy: option.strategy ?? "auto", googleSearch: option.googleSearch ?? {} };
}

/** Decides how search and function tools go together. Throws `SearchStrategyError` for `combined`/`error` where refused. */
export function planSearch(
  option: SearchOption | undefined,
  capabilities: ModelCapabilities,
  hasFunctionTools: boolean,
): SearchPlan {
  const { enabled, strategy, googleSearch } = normalizeSearchOption(option);
  const plan = (used: SearchStrategyUsed): SearchPlan => ({
    used,
    builtinTools: used === "search_only" || used === "combined" ? [{ googleSearch }] : [],
    includeServerSideToolInvocations: used === "combined",
    subcall: used === "subcall",
    googleSearch,
  });
  if (!enabled) return plan("none");
  if (strategy === "subcall") return plan("subcall");
  if (!hasFunctionTools) return plan("search_only");
  const combinable = capabilities.searchWithFunctions === "combined";
  if (combinable) return plan("combined");
  if (strategy === "auto") return plan("subcall");
  throw new SearchStrategyError(
    `${capabilities.gateway} does not allow googleSearch beside function declarations for ${capabilities.model}` +
      ` (search strategy "${strategy}"). Use search: "subcall" (or "auto") to run search as a separate grounded` +
      " request, or remove the function tools.",
  );
}

/** A source the grounded answer cites. */
export interface SearchSource {
  title?: string;
  uri?: string;
}

export interface SearchToolResult {
  answer: string;
  sources: SearchSource[];
  queries: string[];
}

export const SEARCH_TOOL_DECLARATION: FunctionDeclaration = {
  name: SEARCH_TOOL_NAME,
  description:
    "Search the web with Google and get a grounded answer with its sources. Use it for current events " +
    "and facts you are not sure of.",
  parameters: {
    type: "OBJECT",
    properties: { query: { type: "STRING", description: "What to search for, as a full question." } },
    required: ["query"],
  },
};

/**
 * The `subcall` tool: each call is a separate request carrying only `googleSearch`.
 * `onResult` lets the run count the sub-request's usage.
 */
export function createSearchTool(
  provider: Provider,
  model: string,
  googleSearch: GoogleSearch,
  onResult?: (result: GenerateResult) => void,
): AnyTool {
  return {
    name: SEARCH_TOOL_NAME,
    description: SEARCH_TOOL_DECLARATION.description!,
    declaration: SEARCH_TOOL_DECLARATION,
    parseArgs(raw: unknown): ParseArgsResult<{ query: string }> {
      const query = (raw as { query?: unknown } | undefined)?.query;
      if (typeof query !== "string" || query.trim() === "") {
        return { ok: false, issues: [{ path: ["query"], message: "expected a non-empty string" }] };
      }
      return { ok: true, args: { query } };
    },
    async execute(args: { query: string }, ctx): Promise<SearchToolResult> {
      const result = await provider.generate(
        model,
        { contents: [{ role: "user", parts: [{ text: args.query }] }], tools: [{ googleSearch }] },
        { signal: ctx.signal },
      );
      onResult?.(result);
      const grounding = result.response.candidates?.[0]?.groundingMetadata;
      const sources: SearchSource[] = [];
      for (const chunk of grounding?.groundingChunks ?? []) {
        if (chunk.web) sources.push({ title: chunk.web.title, uri: chunk.web.uri });
      }
      return { answer: result.text, sources, queries: grounding?.webSearchQueries ?? [] };
    },
  };
}
