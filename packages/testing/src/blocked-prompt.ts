// A prompt the API refuses to answer, as Google sends it: HTTP 200, no `candidates` at all,
// `promptFeedback.blockReason` ("if set, the prompt was blocked and no candidates are returned"),
// and usage that counts the prompt alone. On a stream this one response is the only chunk.
// `blockReasonMessage` is Vertex AI's: Google's docs say the Gemini API does not send it.
import type { GenerateContentResponse, PromptFeedback, SafetyRating } from "@signet/provider";
import type { GatewayId } from "./gateway-routes.js";
import { kieCredits } from "./response-builder.js";

export type BlockReason = NonNullable<PromptFeedback["blockReason"]>;

export interface BlockedPrompt {
  /** `SAFETY`, `OTHER`, `BLOCKLIST`, `PROHIBITED_CONTENT`, `IMAGE_SAFETY` or `BLOCK_REASON_UNSPECIFIED`. */
  reason: BlockReason;
  /** Sent as `blockReasonMessage`. Vertex AI sends one, Google's Gemini API does not: leave it out to emulate Google. */
  message?: string;
  /** Sent as `promptFeedback.safetyRatings`, as given. */
  safetyRatings?: SafetyRating[];
}

export interface BlockedContext {
  gateway: GatewayId;
  modelVersion: string;
  responseId: string;
  promptTokenCount: number;
}

/** Throws (the emulator answers 500 saying so) when a script's blocked turn has no reason. */
export function checkBlockedPrompt(blocked: unknown): asserts blocked is BlockedPrompt {
  const reason = (blocked as { reason?: unknown } | null)?.reason;
  if (typeof reason !== "string" || reason === "") {
    throw new TypeError(
      `a blocked turn needs blocked.reason, a block reason such as "SAFETY" or "PROHIBITED_CONTENT" ` +
        `(got ${JSON.stringify(blocked)}); write { blocked: { reason: "SAFETY" } }.`,
    );
  }
}

export function blockedResponse(blocked: BlockedPrompt, ctx: BlockedContext): GenerateContentResponse {
  const promptFeedback: PromptFeedback = { blockReason: blocked.reason };
  if (blocked.message !== undefined) promptFeedback.blockReasonMessage = blocked.message;
  if (blocked.safetyRatings !== undefined) promptFeedback.safetyRatings = blocked.safetyRatings;
  const response: GenerateContentResponse = {
    promptFeedback,
    usageMetadata: { promptTokenCount: ctx.promptTokenCount, totalTokenCount: ctx.promptTokenCount },
    modelVersion: ctx.modelVersion,
    responseId: ctx.responseId,
  };
  if (ctx.gateway === "kie") response.credits_consumed = kieCredits(ctx.promptTokenCount);
  return response;
}
