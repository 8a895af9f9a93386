// An agent's fixed parts, computed once: tool map, declarations, search plan, the request base.
import {
  type Content,
  combinedTools,
  type GenerateContentRequest,
  type GenerationConfig,
  type ModelCapabilities,
  type Provider,
  type SafetySetting,
  type Tool,
  type ToolConfig,
} from "@signet/provider";
import type { AnyTool, ResponseFormat } from "@signet/tools";
import type { Logger } from "pino";
import type { ZodType } from "zod";
import {
  DEFAULT_MAX_REASKS,
  DEFAULT_MAX_STEPS,
  DEFAULT_OUTPUT_REASKS,
  DEFAULT_TOOL_CONCURRENCY,
  DEFAULT_TOOL_TIMEOUT_MS,
  SEARCH_TOOL_NAME,
} from "./constants.js";
import { InvalidInputError, SearchStrategyError } from "./errors.js";
import type { AgentHooks } from "./hooks.js";
import {
  planSearch,
  SEARCH_TOOL_DECLARATION,
  type SearchOption,
  type SearchPlan,
} from "./search-strategy.js";
import { responseFormat } from "./structured-output.js";

export interface AgentOptions<Output = undefined> {
  provider: Provider;
  model: string;
  /** The system instruction. */
  instructions?: string | Content;
  tools?: readonly AnyTool[];
  toolConfig?: ToolConfig;
  /** Sampling, thinking (`thinkingConfig: { thinkingLevel | thinkingBudget, includeThoughts }`), modalities. */
  generationConfig?: GenerationConfig;
  safetySettings?: SafetySetting[];
  /** Google Search grounding and how to reconcile it with function tools (invariant 3). */
  search?: SearchOption;
  /** Model calls per run (default 10). */
  maxSteps?: number;
  /** Re-asks after MALFORMED_FUNCTION_CALL / UNEXPECTED_TOOL_CALL (default 2). */
  maxReasks?: number;
  /** Calls of one step run at once (default 8). */
  toolConcurrency?: number;
  /** Default per-call deadline (default 60 s); a tool's own `timeoutMs` wins. */
  toolTimeoutMs?: number;
  /** Defaults to the provider's logger; each run logs through a child carrying its run id. */
  logger?: Logger;
  hooks?: AgentHooks;
  /** Structured output: the final answer is parsed and validated against this schema. */
  output?: ZodType<Output>;
}

export interface AgentConfig {
  provider: Provider;
  model: string;
  capabilities: ModelCapabilities;
  tools: ReadonlyMap<string, AnyTool>;
  search: SearchPlan;
  /** Everything but `contents`; each request is `{ ...base, contents }`. */
  base: Omit<GenerateContentRequest, "contents">;
  maxSteps: number;
  maxReasks: number;
  outputReasks: number;
  toolConcurrency: number;
  toolTimeoutMs: number;
  logger: Logger;
  hooks: AgentHooks;
  output: ResponseFormat<unknown> | undefined;
}

export function buildAgentConfig(options: AgentOptions<unknown>): AgentConfig {
  const { provider, model } = options;
  if (!provider || typeof provider.generate !== "function") {
    throw new InvalidInputError(
      "Agent needs a provider: new Agent({ provider: createProvider(...), model, ... }).",
    );
  }
  if (typeof model !== "string" || model === "") {
    throw new InvalidInputError(
      'Agent needs a model name, e.g. new Agent({ provider, model: "gemini-2.5-flash" }).',
    );
  }
  const tools = new Map<string, AnyTool>();
  for (const tool of options.tools ?? []) {
    if (tools.has(tool.name))
      throw new InvalidInputError(
        `Two tools are named "${tool.name}"; tool names must be unique: rename one.`,
      );
    tools.set(tool.name, tool);
  }
  const capabilities = provider.capabilities(model);
  const search = planSearch(options.search, capabilities, tools.size > 0);
  if (search.subcall) {
    if (tools.has(SEARCH_TOOL_NAME)) {
      throw new SearchStrategyError(
        `A tool is already named "${SEARCH_TOOL_NAME}", the name the subcall search strategy uses; rename it.`,
      );
    }
  }

  const declarations = [...tools.values()].map((tool) => tool.declaration);
  if (search.subcall) declarations.push(SEARCH_TOOL_DECLARATION);
  let requestTools: Tool[] | undefined = declarations.length
    ? [{ functionDeclarations: declarations }]
    : undefined;
  let toolConfig = options.toolConfig;
  if (search.builtinTools.length) requestTools = [...search.builtinTools, ...(requestTools ?? [])];
  if (search.includeServerSideToolInvocations && requestTools) {
    const combined = combinedTools(requestTools, toolConfig);
    requestTools = combined.tools;
    toolConfig = combined.toolConfig;
  }

  const output = options.output ? responseFormat(options.output) : undefined;
  const generationConfig = output
    ? { ...options.generationConfig, ...output.generationConfig }
    : options.generationConfig;
  const base: Omit<GenerateContentRequest, "contents"> = {};
  if (options.instructions !== undefined) {
    base.systemInstruction =
      typeof options.instructions === "string"
        ? { role: "user", parts: [{ text: options.instructions }] }
        : options.instructions;
  }
  if (requestTools) base.tools = requestTools;
  if (toolConfig) base.toolConfig = toolConfig;
  if (generationConfig) base.generationConfig = generationConfig;
  if (options.safetySettings) base.safetySettings = options.safetySettings;

  return {
    provider,
    model,
    capabilities,
    tools,
    search,
    base,
    maxSteps: positive(options.maxSteps, DEFAULT_MAX_STEPS, "maxSteps"),
    maxReasks: nonNegative(options.maxReasks, DEFAULT_MAX_REASKS, "maxReasks"),
    outputReasks: DEFAULT_OUTPUT_REASKS,
    toolConcurrency: positive(options.toolConcurrency, DEFAULT_TOOL_CONCURRENCY, "toolConcurrency"),
    toolTimeoutMs: positive(options.toolTimeoutMs, DEFAULT_TOOL_TIMEOUT_MS, "toolTimeoutMs"),
    logger: options.logger ?? provider.logger,
    hooks: options.hooks ?? {},
    output,
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new InvalidInputError(`${name} must be a positive integer (got ${value}).`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0)
    throw new InvalidInputError(`${name} must be an integer >= 0 (got ${value}).`);
  return value;
}
