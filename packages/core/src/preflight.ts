// Invariant 2: prove the history is well formed before it goes on the wire. `preflight` is pure and
// O(n); a run, which sends a growing history before every step, proves only what is new with a
// `PreflightCheck` (O(new), plus a pointer comparison per part already proven).
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
  checkContents(contents, 0);
  const turns: Turn[] = [];
  groupTurns(contents, 0, turns);
  checkTurns(contents, turns, 0);
  if (options.requireSignatures) checkSignatures(contents, turns, currentTurnStart(contents, turns, 0), 0);
}

/**
 * The same proof for a history that grows between requests, as a run's does: each `check` proves only
 * what was appended since the last one, plus the turns the new contents can change (the last turn, which
 * they may extend, and the one before it, whose answer that is). It first compares what it proved with
 * the history as it is now (each content, its role, its parts array, length and parts, by identity: a
 * pointer each) and proves everything again if anything was replaced, removed or reordered. Errors are
 * the same as `preflight`'s, in the same order. Not seen: a part object edited in place after it was
 * proven (hooks must not mutate the request; see hooks.ts).
 */
export class PreflightCheck {
  /** What was proven, as it was: each content, its role, its parts array and its length, all parts in order. */
  #contents: Content[] = [];
  #roles: (string | undefined)[] = [];
  #partArrays: Part[][] = [];
  #lengths: number[] = [];
  #parts: Part[] = [];
  #turns: Turn[] = [];

  constructor(private readonly options: PreflightOptions) {}

  /** Throws what `preflight(contents, options)` would throw; returns nothing when all is well. */
  check(contents: readonly Content[]): void {
    if (!this.#unchanged(contents)) this.#reset();
    try {
      this.#prove(contents, this.options);
    } catch (error) {
      // Nothing half-proven is kept: the next check starts over.
      this.#reset();
      throw error;
    }
  }

  #prove(contents: readonly Content[], options: PreflightOptions): void {
    if (contents.length === 0) {
      throw new PreflightError("empty_contents", 0, "the request has no contents; give the run some input.");
    }
    const from = this.#contents.length;
    if (from === contents.length) return;
    checkContents(contents, from);
    // The last proven turn goes on when the first new content has its role (groupTurns extends it).
    const turns = this.#turns;
    const reopened = Math.max(0, turns.length - 1);
    groupTurns(contents, from, turns);
    // A model turn's answer is the turn after it: the one before the reopened turn is checked again.
    const firstChanged = Math.max(0, reopened - 1);
    checkTurns(contents, turns, firstChanged);
    // Turns before `firstChanged` were proven as they are; when the current exchange starts earlier,
    // its start is not found among the turns searched (0), and the check begins at `firstChanged`.
    if (options.requireSignatures) {
      checkSignatures(contents, turns, currentTurnStart(contents, turns, firstChanged), firstChanged);
    }
    for (let i = from; i < contents.length; i++) {
      const content = contents[i]!;
      this.#contents.push(content);
      this.#roles.push(content.role);
      this.#partArrays.push(content.parts);
      this.#lengths.push(content.parts.length);
      for (const part of content.parts) this.#parts.push(part);
    }
  }

  /** Whether every proven content is still there as it was. */
  #unchanged(contents: readonly Content[]): boolean {
    const proven = this.#contents;
    if (contents.length < proven.length) return false;
    let p = 0;
    for (let i = 0; i < proven.length; i++) {
      const content = contents[i]!;
      const parts = content.parts;
      if (
        content !== proven[i] ||
        content.role !== this.#roles[i] ||
        parts !== this.#partArrays[i] ||
        parts.length !== this.#lengths[i]
      ) {
        return false;
      }
      for (let k = 0; k < parts.length; k++) if (parts[k] !== this.#parts[p++]) return false;
    }
    return true;
  }

  #reset(): void {
    this.#contents = [];
    this.#roles = [];
    this.#partArrays = [];
    this.#lengths = [];
    this.#parts = [];
    this.#turns = [];
  }
}

/** Each content from `from` on: a valid role, some parts, each part holding exactly one data field. */
function checkContents(contents: readonly Content[], from: number): void {
  for (let i = from; i < contents.length; i++) {
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
  }
}

/** Appends the turns of `contents[from..]` to `turns` (whose last turn ends before `from`). */
function groupTurns(contents: readonly Content[], from: number, turns: Turn[]): void {
  for (let i = from; i < contents.length; i++) {
    const role = contents[i]!.role as Turn["role"];
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.end = i + 1;
    else turns.push({ role, start: i, end: i + 1 });
  }
}

/** The pairing rules for the turns from `from` on (a model turn's calls, answered by the next turn). */
function checkTurns(contents: readonly Content[], turns: readonly Turn[], from: number): void {
  for (let t = from; t < turns.length; t++) {
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

/**
 * The index of the first turn of the current exchange: after the last user turn holding text, looked
 * for among the turns from `from` on (0 when there is none there).
 */
function currentTurnStart(contents: readonly Content[], turns: readonly Turn[], from: number): number {
  for (let t = turns.length - 1; t >= from; t--) {
    const turn = turns[t]!;
    if (turn.role === "user" && findFirst(contents, turn, (part) => !isFunctionResponsePart(part)))
      return t + 1;
  }
  return 0;
}

/** The signature rule for the model turns of the current exchange (from `start`) that are at `from` or later. */
function checkSignatures(
  contents: readonly Content[],
  turns: readonly Turn[],
  start: number,
  from: number,
): void {
  for (let t = Math.max(start, from); t < turns.length; t++) {
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
