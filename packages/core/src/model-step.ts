// One model call, by `generate` or by `stream`, reduced to what the loop needs. A stream's parts
// are concatenated in arrival order, each kept as received: nothing merged, nothing dropped
// (a Gemini 3 stream's signature often rides on a last `{text: ""}` part).
import type {
  CallOptions,
  GenerateContentRequest,
  GroundingMetadata,
  Part,
  PromptFeedback,
  Provider,
} from "@signet/provider";
import type { PartObserver } from "./run-events.js";
import { type Usage, usageFrom } from "./usage.js";

export interface ModelTurn {
  /** The first candidate's parts exactly as received. */
  parts: Part[];
  finishReason: string | undefined;
  finishMessage: string | undefined;
  promptFeedback: PromptFeedback | undefined;
  groundingMetadata: GroundingMetadata | undefined;
  usage: Usage;
  attempts: number;
}

export async function generateTurn(
  provider: Provider,
  model: string,
  request: GenerateContentRequest,
  options: CallOptions,
): Promise<ModelTurn> {
  const result = await provider.generate(model, request, options);
  const candidate = result.response.candidates?.[0];
  return {
    parts: result.parts,
    finishReason: result.finishReason ?? candidate?.finishReason,
    finishMessage: candidate?.finishMessage,
    promptFeedback: result.response.promptFeedback,
    groundingMetadata: candidate?.groundingMetadata,
    usage: usageFrom(result.usage ?? result.response.usageMetadata, result.response.credits_consumed),
    attempts: result.attempts,
  };
}

export async function streamTurn(
  provider: Provider,
  model: string,
  request: GenerateContentRequest,
  options: CallOptions,
  observer: PartObserver | undefined,
): Promise<ModelTurn> {
  const parts: Part[] = [];
  let finishReason: string | undefined;
  let finishMessage: string | undefined;
  let promptFeedback: PromptFeedback | undefined;
  let groundingMetadata: GroundingMetadata | undefined;
  let usageMetadata: Parameters<typeof usageFrom>[0];
  let credits: number | undefined;
  let attempts = 1;
  const onRetry = options.onRetry;
  const streamOptions: CallOptions = {
    ...options,
    onRetry: (notice) => {
      attempts = notice.attempt;
      onRetry?.(notice);
    },
  };
  for await (const chunk of provider.stream(model, request, streamOptions)) {
    if (chunk.promptFeedback) promptFeedback = chunk.promptFeedback;
    // Counts are cumulative per chunk: the last one wins.
    if (chunk.usageMetadata) usageMetadata = chunk.usageMetadata;
    if (typeof chunk.credits_consumed === "number") credits = chunk.credits_consumed;
    const candidate = chunk.candidates?.[0];
    if (!candidate) continue;
    if (candidate.finishReason) finishReason = candidate.finishReason;
    if (candidate.finishMessage) finishMessage = candidate.finishMessage;
    // Intermediate chunks carry an empty `{}`; keep the last non-empty one.
    if (candidate.groundingMetadata && Object.keys(candidate.groundingMetadata).length > 0) {
      groundingMetadata = candidate.groundingMetadata;
    }
    const chunkParts = candidate.content?.parts;
    if (!chunkParts) continue;
    for (const part of chunkParts) {
      parts.push(part);
      observer?.part(part);
    }
    // Reading the next chunk waits while the event consumer is behind.
    const behind = observer?.chunkDone();
    if (behind) await behind;
  }
  return {
    parts,
    finishReason,
    finishMessage,
    promptFeedback,
    groundingMetadata,
    usage: usageFrom(usageMetadata, credits),
    attempts,
  };
}
