// Turns a model reply into what the real model sends: signatures where each generation puts them,
// chunks split like real streams, cumulative usage on every chunk, finishMessage, grounding, and
// KIE's credits_consumed.
import type { Candidate, GenerateContentResponse, Part, UsageMetadata } from "@signet/provider";
import type { GatewayId } from "./gateway-routes.js";
import type { ModelReply } from "./model-reply.js";
import type { ModelTraits } from "./model-traits.js";
import type { SignatureLedger } from "./signature-ledger.js";

export interface BuildContext {
  traits: ModelTraits;
  gateway: GatewayId;
  ledger: SignatureLedger;
  stream: boolean;
  responseId: string;
  promptTokenCount: number;
  /** False when the request turned thinking off (`thinkingBudget: 0` on 2.5). */
  thinking: boolean;
  /** The request declared a search tool: usage counts tool-use prompt tokens. */
  search: boolean;
}

const CALLS_FINISH_MESSAGE = "Model generated function call(s).";

/** One response for `generateContent`, the chunks for a stream. */
export function buildResponses(reply: ModelReply, ctx: BuildContext): GenerateContentResponse[] {
  const { parts, trailer } = signParts(reply, ctx);
  const hasCalls = parts.some((p) => "functionCall" in p);
  const finishReason = reply.finishReason ?? "STOP";
  const finishMessage =
    reply.finishMessage ??
    (hasCalls && (ctx.traits.family === "gemini-2.5" || (ctx.traits.family === "gemini-3" && !ctx.stream))
      ? CALLS_FINISH_MESSAGE
      : undefined);

  const groups: Part[][] = ctx.stream ? splitForStream(parts) : [parts];
  if (trailer) groups.push([trailer]);
  if (groups.length === 0) groups.push([]);

  let candidateTokens = 0;
  const thoughtsTokenCount = ctx.thinking && ctx.traits.thinks ? 24 + (ctx.promptTokenCount % 40) : undefined;
  return groups.map((group, i) => {
    const last = i === groups.length - 1;
    candidateTokens += group.reduce((n, p) => n + tokenEstimate(p), 0);
    const candidate: Candidate = { content: { role: "model", parts: group }, index: 0 };
    if (last) {
      candidate.finishReason = finishReason;
      // On Gemini 3 streams STOP arrives on the trailing empty-text chunk, without finishMessage.
      if (finishMessage !== undefined && !(trailer && ctx.stream && !reply.finishMessage)) {
        candidate.finishMessage = finishMessage;
      }
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
      modelVersion: ctx.traits.id,
      responseId: ctx.responseId,
    };
    if (last && ctx.gateway === "kie") {
      response.credits_consumed = Math.max(0.01, Math.round((usage.totalTokenCount ?? 0) * 0.002) / 100);
    }
    return response;
  });
}

/**
 * Where each generation signs (from recorded traffic): 2.0 never; 2.5 the first call or the
 * first non-thought part; 3 the first call (a stream then ends with an unsigned `{text:""}` STOP
 * chunk), a text answer's stream ends with `{text:"", thoughtSignature}`; 3 image models sign
 * every non-thought part. Thought parts are never signed.
 */
function signParts(reply: ModelReply, ctx: BuildContext): { parts: Part[]; trailer?: Part } {
  const parts = reply.parts.slice();
  const family = ctx.traits.family;
  if (reply.signatures === "none" || !ctx.thinking || !ctx.traits.thinks) return { parts };
  const sign = (i: number) => {
    const part = parts[i]!;
    if (part.thoughtSignature !== undefined) return;
    parts[i] = { ...part, thoughtSignature: ctx.ledger.issue(part) };
  };
  const firstCall = parts.findIndex((p) => "functionCall" in p);
  const firstAnswer = parts.findIndex((p) => p.thought !== true);
  if (firstCall !== -1) {
    sign(firstCall);
    return family === "gemini-3" && ctx.stream ? { parts, trailer: { text: "" } } : { parts };
  }
  if (family === "gemini-3" && ctx.traits.image) {
    parts.forEach((p, i) => {
      if (p.thought !== true) sign(i);
    });
    return { parts };
  }
  if (family === "gemini-3" && ctx.stream) {
    const carrier: Part = { text: "" };
    return { parts, trailer: { ...carrier, thoughtSignature: ctx.ledger.issue(carrier) } };
  }
  if (firstAnswer !== -1) sign(firstAnswer);
  return { parts };
}

/** Real streams: thoughts one per chunk, text in pieces, parallel calls together in one chunk. */
function splitForStream(parts: Part[]): Part[][] {
  const groups: Part[][] = [];
  for (const part of parts) {
    if ("functionCall" in part) {
      const last = groups.at(-1);
      if (last && last.length > 0 && last.every((p) => "functionCall" in p)) last.push(part);
      else groups.push([part]);
    } else if ("text" in part && part.thought !== true && part.text.length > 24) {
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
  if ("text" in part) return Math.ceil(part.text.length / 4);
  if ("inlineData" in part) return 258;
  return Math.ceil(JSON.stringify(part).length / 8);
}
