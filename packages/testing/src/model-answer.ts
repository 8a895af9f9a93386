// What the model answers a valid request with: the next scripted turn, or the generic model when
// the script is used up. A turn may also be a blocked prompt, a protocol error or a fault.
import type { GenerateContentRequest } from "@signet/provider";
import { type BlockedPrompt, checkBlockedPrompt } from "./blocked-prompt.js";
import type { ChunkHook } from "./chunk-gate.js";
import type { ErrorDetails, ErrorKind } from "./error-envelopes.js";
import { type HttpFault, httpFaultKind, isHttpFault, type TransportFault } from "./faults.js";
import type { Turn } from "./function-turns.js";
import { genericReply } from "./generic-model.js";
import type { ModelReply } from "./model-reply.js";
import type { ModelTraits } from "./model-traits.js";
import {
  type BlockedTurn,
  type ContentTurn,
  type EmulatedRequest,
  replyFromTurn,
  type Script,
} from "./scripted-model.js";

/** A 200 answer: model content or a blocked prompt, maybe broken by a fault, maybe held between chunks. */
interface Delivered {
  fault?: TransportFault | undefined;
  beforeChunk?: ChunkHook | undefined;
}

export type ModelAnswer =
  | ({ type: "reply"; reply: ModelReply } & Delivered)
  | ({ type: "blocked"; blocked: BlockedPrompt } & Delivered)
  | { type: "error"; kind: ErrorKind; details: ErrorDetails };

export interface AnswerContext {
  script: Script;
  whenScriptEmpty: "generic" | "error";
  request: EmulatedRequest;
  turns: readonly Turn[];
  traits: ModelTraits;
}

export async function modelAnswer(ctx: AnswerContext): Promise<ModelAnswer> {
  const { request, traits } = ctx;
  const generic = (): ModelReply => genericReply(request.body, ctx.turns, traits);
  const turn = await ctx.script.next(request);
  if (turn === undefined) {
    if (ctx.whenScriptEmpty === "error") {
      return {
        type: "error",
        kind: "internal",
        details: {
          message: `Emulator: the script has no turn left for request #${request.index} (${traits.id}). Add turns with emulator.script(...).`,
        },
      };
    }
    return { type: "reply", reply: generic() };
  }
  if (turn.error !== undefined) {
    return {
      type: "error",
      kind: turn.error,
      details: {
        model: traits.id,
        ...(turn.message === undefined ? {} : { message: turn.message }),
        ...(turn.retryDelaySeconds === undefined ? {} : { retryDelaySeconds: turn.retryDelaySeconds }),
      },
    };
  }
  if (turn.fault !== undefined) {
    if (isHttpFault(turn.fault)) return faultError(turn.fault, traits.id);
    if (!turn.reply) return { type: "reply", reply: generic(), fault: turn.fault };
    return { ...delivered(turn.reply, request.body), fault: turn.fault };
  }
  return delivered(turn, request.body);
}

function delivered(
  turn: ContentTurn | BlockedTurn,
  body: GenerateContentRequest,
): Exclude<ModelAnswer, { type: "error" }> {
  const hook = turn.beforeChunk === undefined ? {} : { beforeChunk: turn.beforeChunk };
  if (turn.blocked !== undefined) {
    checkBlockedPrompt(turn.blocked);
    return { type: "blocked", blocked: turn.blocked, ...hook };
  }
  return { type: "reply", reply: scripted(turn as ContentTurn, body), ...hook };
}

/** The error an HTTP fault answers with. */
export function faultError(fault: HttpFault, model: string): ModelAnswer & { type: "error" } {
  const details: ErrorDetails = { model };
  if (fault.type === "rate-limit" && fault.retryDelaySeconds !== undefined) {
    details.retryDelaySeconds = fault.retryDelaySeconds;
  }
  if (fault.type === "error" && fault.message !== undefined) details.message = fault.message;
  return { type: "error", kind: httpFaultKind(fault), details };
}

/** A scripted turn's content; a text turn's thought summary goes out only when thoughts were asked for. */
function scripted(turn: ContentTurn, body: GenerateContentRequest): ModelReply {
  const reply = replyFromTurn(turn);
  const keepThoughts =
    turn.parts !== undefined || body.generationConfig?.thinkingConfig?.includeThoughts === true;
  return keepThoughts ? reply : { ...reply, parts: reply.parts.filter((p) => p.thought !== true) };
}
