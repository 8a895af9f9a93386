// A programmable model: a queue of turns, each answering one valid request. A turn is text,
// function calls, exact parts, a blocked prompt, a protocol error, or a fault; a function computes
// one per request. Invalid requests are refused before the script is consulted, so they never use a
// turn up. Turns that answer with a body may hold it between chunks (`beforeChunk`).
import type { FinishReason, GenerateContentRequest, GroundingMetadata, Part } from "@signet/provider";
import type { BlockedPrompt } from "./blocked-prompt.js";
import type { ChunkHook } from "./chunk-gate.js";
import type { ErrorKind } from "./error-envelopes.js";
import type { Fault } from "./faults.js";
import type { GatewayId, RpcMethod } from "./gateway-routes.js";
import type { ModelReply } from "./model-reply.js";

export interface ScriptedCall {
  name: string;
  args?: Record<string, unknown>;
  /** Set to emulate models that issue call ids (Gemini 3 with server-side tools); usually absent. */
  id?: string;
}

type Only<T, All extends PropertyKey> = T & { [K in Exclude<All, keyof T>]?: never };
type TurnKeys = "text" | "thought" | "functionCalls" | "parts" | "blocked" | "error" | "fault";

/** How a turn's body goes out. */
export interface Delivery {
  /**
   * Awaited before each chunk is written (a `chunkGate()`'s `beforeChunk`, or your own hook):
   * the response stays open meanwhile.
   */
  beforeChunk?: ChunkHook;
}

/**
 * A text answer, optionally preceded by a thought summary (sent when the request asks for thoughts).
 * `thinking` says whether the model thought (and so signs); see `ModelReply.thinking`.
 */
export type TextTurn = Only<
  {
    text: string;
    thought?: string;
    finishReason?: FinishReason;
    groundingMetadata?: GroundingMetadata;
    thinking?: boolean;
  } & Delivery,
  TurnKeys
>;
/** Function calls (several = parallel calls in one step), optionally after some text. */
export type CallsTurn = Only<
  { functionCalls: ScriptedCall[]; text?: string; thinking?: boolean } & Delivery,
  TurnKeys
>;
/** Exact parts; `signatures: "none"` sends them untouched (your own signatures included). */
export type PartsTurn = Only<ModelReply & Delivery, TurnKeys>;
/** A blocked prompt: HTTP 200 with `promptFeedback.blockReason` and no candidate (a stream: one chunk). */
export type BlockedTurn = Only<{ blocked: BlockedPrompt } & Delivery, TurnKeys>;
/** A protocol error in the gateway's envelope. */
export type ErrorTurn = Only<{ error: ErrorKind; message?: string; retryDelaySeconds?: number }, TurnKeys>;
/** A fault; transport faults that carry content send `reply` (default: the generic model's answer). */
export type FaultTurn = Only<{ fault: Fault; reply?: ContentTurn | BlockedTurn }, TurnKeys>;

/** The turns that answer with model content. */
export type ContentTurn = TextTurn | CallsTurn | PartsTurn;

export type ScriptedTurn = ContentTurn | BlockedTurn | ErrorTurn | FaultTurn;

/** What a scripted function sees of the request it answers. */
export interface EmulatedRequest {
  gateway: GatewayId;
  model: string;
  method: RpcMethod;
  stream: boolean;
  /** The body as read by the emulator (camelCase). */
  body: GenerateContentRequest;
  /** 0 for the first request the emulator served. */
  index: number;
}

export type ScriptStep = ScriptedTurn | ((request: EmulatedRequest) => ScriptedTurn | Promise<ScriptedTurn>);

export class Script {
  readonly #steps: ScriptStep[] = [];

  push(steps: readonly ScriptStep[]): void {
    this.#steps.push(...steps);
  }

  /** The next turn for `request`, or undefined when the script is used up. */
  async next(request: EmulatedRequest): Promise<ScriptedTurn | undefined> {
    const step = this.#steps.shift();
    if (step === undefined) return undefined;
    return typeof step === "function" ? await step(request) : step;
  }

  get remaining(): number {
    return this.#steps.length;
  }

  clear(): void {
    this.#steps.length = 0;
  }
}

/** The content a text / calls / parts turn answers with. */
export function replyFromTurn(turn: ContentTurn): ModelReply {
  if (turn.parts !== undefined) {
    const { beforeChunk: _hook, ...reply } = turn as ModelReply & Delivery;
    return reply;
  }
  if (turn.functionCalls !== undefined) {
    const calls: Part[] = turn.functionCalls.map((c) => ({
      functionCall: { ...(c.id === undefined ? {} : { id: c.id }), name: c.name, args: c.args ?? {} },
    }));
    return {
      parts: turn.text === undefined ? calls : [{ text: turn.text }, ...calls],
      ...(turn.thinking === undefined ? {} : { thinking: turn.thinking }),
    };
  }
  const t = turn as TextTurn;
  const parts: Part[] = t.thought === undefined ? [] : [{ text: t.thought, thought: true }];
  parts.push({ text: t.text });
  return {
    parts,
    ...(t.finishReason === undefined ? {} : { finishReason: t.finishReason }),
    ...(t.groundingMetadata === undefined ? {} : { groundingMetadata: t.groundingMetadata }),
    ...(t.thinking === undefined ? {} : { thinking: t.thinking }),
  };
}
