// Whether the model thought during one call. It matters because the real models sign only when
// they thought (INDEX.md: "Signatures appear only when the model thought during that call"), and
// only then report `usageMetadata.thoughtsTokenCount`.
import type { ModelReply } from "./model-reply.js";
import type { ModelTraits } from "./model-traits.js";

export interface ThinkingContext {
  traits: ModelTraits;
  /** The request turned thinking off (`thinkingBudget: 0`, honoured by 2.5). */
  thinkingOff: boolean;
  /** The request's last user turn is function responses: this call reacts to tool results. */
  afterFunctionResponses: boolean;
  /** The request declared a built-in search tool. */
  search: boolean;
}

/**
 * What the recordings show (case numbers from INDEX.md):
 * - 2.0 and 2.5 image models never think (3, 13, 21).
 * - Gemini 3 answering function results in text does not think (10 t2, 20 t2: no signature, no
 *   thoughtsTokenCount); with server-side tools in play it does (8 t2).
 * - Everything else thinks: first turns on 2.5 and 3, Gemini 3 calls after results (9 t2-t5).
 *   2.5 after function results goes both ways (22, 24, 25 think; 4, 16, 17, 19 do not); the
 *   emulator thinks there, so clients meet a signature they must keep.
 * A reply may say otherwise (`thinking`), and a reply that carries a thought summary thought.
 */
export function modelThought(reply: ModelReply, ctx: ThinkingContext): boolean {
  if (!ctx.traits.thinks || ctx.thinkingOff) return false;
  if (reply.thinking !== undefined) return reply.thinking;
  if (reply.parts.some((p) => p.thought === true)) return true;
  const textAnswer = !reply.parts.some((p) => "functionCall" in p);
  return !(ctx.traits.family === "gemini-3" && textAnswer && ctx.afterFunctionResponses && !ctx.search);
}
