// Token and credit accounting, summed over the steps of a run.
import type { GenerateContentResponse, UsageMetadata } from "@signet/provider";

export interface Usage {
  promptTokens: number;
  candidatesTokens: number;
  thoughtsTokens: number;
  toolUsePromptTokens: number;
  cachedContentTokens: number;
  totalTokens: number;
  /** Gateway credits (KIE.AI's `credits_consumed`), present only when a gateway reported them. */
  creditsConsumed?: number;
}

export function emptyUsage(): Usage {
  return {
    promptTokens: 0,
    candidatesTokens: 0,
    thoughtsTokens: 0,
    toolUsePromptTokens: 0,
    cachedContentTokens: 0,
    totalTokens: 0,
  };
}

/** One response's usage. Stream chunks repeat cumulative counts, so pass the last chunk's metadata. */
export function usageFrom(metadata: UsageMetadata | undefined, creditsConsumed?: number): Usage {
  const usage: Usage = {
    promptTokens: metadata?.promptTokenCount ?? 0,
    candidatesTokens: metadata?.candidatesTokenCount ?? 0,
    thoughtsTokens: metadata?.thoughtsTokenCount ?? 0,
    toolUsePromptTokens: metadata?.toolUsePromptTokenCount ?? 0,
    cachedContentTokens: metadata?.cachedContentTokenCount ?? 0,
    totalTokens: metadata?.totalTokenCount ?? 0,
  };
  if (typeof creditsConsumed === "number") usage.creditsConsumed = creditsConsumed;
  return usage;
}

export function usageOfResponse(response: GenerateContentResponse): Usage {
  return usageFrom(response.usageMetadata, response.credits_consumed);
}

/** Adds `step` into `total` in place and returns it. */
export function addUsage(total: Usage, step: Usage): Usage {
  total.promptTokens += step.promptTokens;
  total.candidatesTokens += step.candidatesTokens;
  total.thoughtsTokens += step.thoughtsTokens;
  total.toolUsePromptTokens += step.toolUsePromptTokens;
  total.cachedContentTokens += step.cachedContentTokens;
  total.totalTokens += step.totalTokens;
  if (step.creditsConsumed !== undefined)
    total.creditsConsumed = (total.creditsConsumed ?? 0) + step.creditsConsumed;
  return total;
}
