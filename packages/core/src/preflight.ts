// Invariant 2: prove the history is well formed before it goes on the wire. Pure and O(n);
// it runs before every request, so it allocates nothing per part.
import type { Content, FunctionCall, Part } from "@signet/provider";
import { PreflightError } from "./errors.js";
import { isFunctionCallPart, isFunctionResponsePart, partKind } from "./part-kind.js";

export interface PreflightOptions {
  /** Gemini 3: the first functionCall of each step in the current turn must carry its signature. */
  requireSignatures: boolean;
}

/** A run of consecutive contents with one role: the API treats them as one turn. */
interface Turn {
  role: "user" | "model";
  /** Index of the turn's first content. */
  start: number;
  /** Index one past its last content. */
  end: number;
}

/** Throws a `PreflightError` naming the content (and part) at fault; returns nothing when all is well. */
export function preflight(contents: readonly Content[], options: PreflightOptions): void {
  if (contents.length === 0) {
    throw new PreflightError("empty_contents", 0, "the request has no contents; give the run some input.");
  }
  const turns: Turn[] = [];
  for (let i = 0; i < contents.length; i++) {
    const content = contents[i]!;
    if (content.role !== "user" && content.role !== "model") {
      throw new PreflightError(
        "invalid_role",
        i,
        `role is ${JSON.stringify(content.role)}; only "user" and "model" are allowed (put instructions in systemInstruction).`,
      );
    }
    if (!Array.isArray(content.parts) || content.parts.length === 0) {
      throw new PreflightError(
        "empty_parts",
        i,
        "this content has no parts; the API refuses it. Remove the content or give it a part.",
      );
    }
    for (let p = 0; p < content.parts.length; p++) {
      if (partKind(content.parts[p]!) === undefined) {
        throw new PreflightError(
          "invalid_part",
          i,
          "a part must hold exactly one of text, inlineData, fileData, functionCall, functionResponse, " +
            "executableCode, codeExecutionResult, toolCall, toolResponse.",
          p,
        );
      }
    }
    const last = turns[turns.length - 1];
    if (last && last.role === content.role) last.end = i + 1;
    else turns.push({ role: content.role, start: i, end: i + 1 });
  }

  for (let t = 0; t < turns.length; t++) {
    const turn = turns[t]!;
    if (turn.role === "model") {
      const calls = collectCalls(contents, turn);
      if (calls.length === 0) continue;
      const answer = turns[t + 1];
      if (!answer) {
        const first = calls[0]!;
        throw new PreflightError(
          "unanswered_calls",
          first.contentIndex,
          `the model turn has ${calls.length} function call(s) that no user turn answers; append one ` +
            "functionResponse per call, in order, before sending.",
          first.partIndex,
        );
      }
      checkAnswer(contents, calls, answer);
    } else {
      // A user turn with responses must follow a model turn with calls (checked there).
      const previous = turns[t - 1];
      if (previous?.role === "model" && collectCalls(contents, previous).length > 0) continue;
      const orphan = findFirst(contents, turn, isFunctionResponsePart);
      if (orphan) {
        throw new PreflightError(
          "orphan_response",
          orphan.contentIndex,
          "this functionResponse answers no functionCall in the model turn before it; remove it or restore the call.",
          orphan.partIndex,
        );
      }
    }
  }

  if (options.requireSignatures) checkSignatures(contents, turns);
}

interface Located<T> {
  value: T;
  contentIndex: number;
  partIndex: number;
}

function collectCalls(contents: readonly Content[], turn: Turn): Located<FunctionCall>[] {
  const calls: Located<FunctionCall>[] = [];
  for (let i = turn.start; i < turn.end; i++) {
    const parts = contents[i]!.parts;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      if (isFunctionCallPart(part)) calls.push({ value: part.functionCall, contentIndex: i, partIndex: p });
    }
  }
  return calls;
}

function findFirst(
  contents: readonly Content[],
  turn: Turn,
  test: (part: Part) => boolean,
): { contentIndex: number; partIndex: number } | undefined {
  for (let i = turn.start; i < turn.end; i++) {
    const parts = contents[i]!.parts;
    for (let p = 0; p < parts.length; p++) if (test(parts[p]!)) return { contentIndex: i, partIndex: p };
  }
  return undefined;
}

function checkAnswer(contents: readonly Content[], calls: Located<FunctionCall>[], answer: Turn): void {
  let n = 0;
  for (let i = answer.start; i < answer.end; i++) {
    const parts = contents[i]!.parts;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      if (!isFunctionResponsePart(part)) continue;
      const call = calls[n];
      if (!call) {
        throw new PreflightError(
          "response_count",
          i,
          `there are more functionResponse parts than the ${calls.length} function call(s) they answer; remove the extra ones.`,
          p,
        );
      }
      const response = part.functionResponse;
      if (response.name !== call.value.name) {
        throw new PreflightError(
          "response_mismatch",
          i,
          `functionResponse #${n} is for "${response.name}" but call #${n} (contents[${call.contentIndex}].parts[${call.partIndex}]) ` +
            `is "${call.value.name}"; responses must follow the calls' order.`,
          p,
        );
      }
      if (call.value.id !== undefined && response.id !== call.value.id) {
        throw new PreflightError(
          "response_mismatch",
          i,
          `functionResponse #${n} must echo the call's id ${JSON.stringify(call.value.id)} (it has ${JSON.stringify(response.id)}).`,
          p,
        );
      }
      n++;
    }
  }
  if (n !== calls.length) {
    throw new PreflightError(
      "response_count",
      answer.start,
      `the user turn answers ${n} of the ${calls.length} function call(s) of the model turn before it; ` +
        "send exactly one functionResponse per call, in order.",
    );
  }
}

/** The index of the first turn of the current exchange: after the last user turn holding text. */
function currentTurnStart(contents: readonly Content[], turns: Turn[]): number {
  for (let t = turns.length - 1; t >= 0; t--) {
    const turn = turns[t]!;
    if (turn.role === "user" && findFirst(contents, turn, (part) => !isFunctionResponsePart(part)))
      return t + 1;
  }
  return 0;
}

function checkSignatures(contents: readonly Content[], turns: Turn[]): void {
  for (let t = currentTurnStart(contents, turns); t < turns.length; t++) {
    const turn = turns[t]!;
    if (turn.role !== "model") continue;
    const first = findFirst(contents, turn, isFunctionCallPart);
    if (!first) continue;
    const part = contents[first.contentIndex]!.parts[first.partIndex]!;
    if (!part.thoughtSignature) {
      throw new PreflightError(
        "missing_signature",
        first.contentIndex,
        "on Gemini 3 the first functionCall of each step in the current turn must carry the thoughtSignature it " +
          "arrived with. Keep model turns exactly as received; for history from elsewhere, opt in with " +
          "`signatureSentinel: true` to send Google's skip_thought_signature_validator.",
        first.partIndex,
      );
    }
  }
}
