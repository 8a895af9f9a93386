// Turns a model reply into what the real model sends: signatures where each generation puts them,
// chunks split like real streams, cumulative usage on every chunk, finishMessage, grounding, and
// KIE's credits_consumed.
import type { Candidate, GenerateContentResponse, Part, UsageMetadata } from "@signet/provider";
import type { GatewayId } from "./gateway-routes.js";
import type { ModelReply } from "./model-reply.js";
import { modelThought, type ThinkingContext } from "./model-thinking.js";
import type { SignatureLedger } from "./signature-ledger.js";
import { placeSignatures } from "./signature-placement.js";

export interface BuildContext extends ThinkingContext {
  gateway: GatewayId;
  ledger: SignatureLedger;
  stream: boolean;
  responseId: string;
  promptTokenCount: number;
}

const CALLS_FINISH_MESSAGE = "Model generated function call(s).";

/** One response for `generateContent`, the chunks for a stream. */
export function buildResponses(reply: ModelReply, ctx: BuildContext): GenerateContentResponse[] {
  const { traits } = ctx;
  const thought = modelThought(reply, ctx);
  const { parts, trailer } =
    reply.signatures === "none"
      ? { parts: reply.parts, trailer: undefined }
      : placeSignatures(reply.parts, { ...ctx, thought });
  const hasCalls = parts.some((p) => "functionCall" in p);
  // Server-side tool invocations (8) come without finishMessage and without candidate indexes.
  const serverSide = parts.some((p) => "toolCall" in p || "toolResponse" in p);
  const finishReason = reply.finishReason ?? "STOP";
  // On Gemini 3 streams STOP arrives on the trailing empty-text chunk, without finishMessage.
  const finishMessage =
    reply.finishMessage ??
    (hasCalls && !serverSide && !trailer && (traits.family === "gemini-2.5" || traits.family === "gemini-3")
      ? CALLS_FINISH_MESSAGE
      : undefined);
  // Gemini 2.0 text streams leave out `candidates[].index` (3).
  const indexed = !serverSide && !(traits.family === "gemini-2.0" && ctx.stream && !traits.image);

  const groups: Part[][] = ctx.stream ? splitForStream(parts) : [parts];
  if (trailer) groups.push([trailer]);
  // A 2.0 image stream finishes on a chunk whose content has no parts at all (21).
  if (groups.length === 0 || (ctx.stream && traits.image && traits.family === "gemini-2.0")) groups.push([]);

  let candidateTokens = 0;
  const thoughtsTokenCount = thought ? 24 + (ctx.promptTokenCount % 40) : undefined;
  return groups.map((group, i) => {
    const last = i === groups.length - 1;
    candidateTokens += group.reduce((n, p) => n + tokenEstimate(p), 0);
    const candidate: Candidate = {
      content: group.length > 0 ? { role: "model", parts: group } : { role: "model" },
    };
    if (indexed) candidate.index = 0;
    if (last) {
      candidate.finishReason = finishReason;
      if (finishMessage !== undefined) candidate.finishMessage = finishMessage;
    }
    if (reply.groundingMetadata) candidate.groundingMetadata = last ? reply.groundingMetadata : {};
    const usage: UsageMetadata = {
      promptTokenCount: ctx.promptTokenCount,
      candidatesTokenCount: candidateTokens,
      totalTokenCount: ctx.promptTokenCount + candidateTokens + (thoughtsTokenCount ?? 0),
      promptTokensDetails: [{ modality: "TEXT", tokenCount: ctx.promptTokenCount }],
    };
    if (thoughtsTokenCount !== undefined) usage.thoughtsTokenCount = thoughtsTokenCount;
    if (ctx.search) {
      usage.toolUsePromptTokenCount = 48;
      usage.totalTokenCount = (usage.totalTokenCount ?? 0) + 48;
    }
    const response: GenerateContentResponse = {
      candidates: [candidate],
      usageMetadata: usage,
      modelVersion: traits.id,
      responseId: ctx.responseId,
    };
    if (last && ctx.gateway === "kie") {
      response.credits_consumed = kieCredits(usage.totalTokenCount ?? 0);
    }
    return response;
  });
}

/** What KIE adds to a response's last chunk (seed 000 shows 0.01 for a small call). */
export function kieCredits(totalTokenCount: number): number {
  return Math.max(0.01, Math.round(totalTokenCount * 0.002) / 100);
}

/** Real streams: thoughts one per chunk, text in pieces, parallel calls together in one chunk. */
function splitForStream(parts: Part[]): Part[][] {
  const groups: Part[][] = [];
  for (const part of parts) {
    if (part.functionCall !== undefined) {
      const last = groups.at(-1);
      if (last && last.length > 0 && last.every((p) => p.functionCall !== undefined)) last.push(part);
      else groups.push([part]);
    } else if (part.text !== undefined && part.thought !== true && part.text.length > 24) {
      const cut = part.text.indexOf(" ", Math.floor(part.text.length / 2));
      if (cut <= 0) groups.push([part]);
      else {
        // The signature stays with the first piece, where 2.5 puts it.
        groups.push([{ ...part, text: part.text.slice(0, cut) }]);
        const { thoughtSignature: _sig, ...rest } = part;
        groups.push([{ ...rest, text: part.text.slice(cut) }]);
      }
    } else groups.push([part]);
  }
  return groups;
}

function tokenEstimate(part: Part): number {
  if (part.text !== undefined) return Math.ceil(part.text.length / 4);
  if (part.inlineData !== undefined) return 258;
  return Math.ceil(JSON.stringify(part).length / 8);
}
