// Where each model generation puts thought signatures, as recorded (case numbers from INDEX.md).
// The signatures are issued by the ledger, so the emulator can check them when they come back.
import type { Part } from "@signet/provider";
import type { ModelTraits } from "./model-traits.js";
import type { SignatureLedger } from "./signature-ledger.js";

export interface PlacementContext {
  traits: ModelTraits;
  ledger: SignatureLedger;
  stream: boolean;
  /** The model thought in this call (see `modelThought`): only then does it sign. */
  thought: boolean;
  /** The request declared a built-in search tool. */
  search: boolean;
}

export interface PlacedParts {
  parts: Part[];
  /** Gemini 3 streams end with a chunk of their own holding `{text: ""}`, signed or not. */
  trailer?: Part;
}

/**
 * - 2.0 never signs (3, 21); nothing signs when the model did not think.
 * - 2.5 signs the first call (16, 17, 24, 25), else the first non-thought part (7, 22 t3, 24 t2),
 *   but not a grounded answer (5, 6).
 * - 3 signs the first call, thought or not, since the API demands it back (9, 10, 20, 26); with
 *   server-side tools each toolCall / toolResponse part too (8). Its text answers are signed on the
 *   part itself in generateContent (11, 8 t2) and on the trailing `{text: ""}` in streams (18, 27).
 *   Every Gemini 3 stream ends with that empty-text chunk; it is unsigned after calls (10, 20, 26)
 *   and when the model did not think (10 t2, 20 t2).
 * - 3 image models sign every non-thought part (12).
 * Thought parts are never signed: no recorded part has both.
 */
export function placeSignatures(source: readonly Part[], ctx: PlacementContext): PlacedParts {
  const parts = source.slice();
  const { family, image } = ctx.traits;
  const sign = (i: number) => {
    const part = parts[i]!;
    if (part.thoughtSignature === undefined) parts[i] = { ...part, thoughtSignature: ctx.ledger.issue(part) };
  };
  const signEach = (which: (part: Part) => boolean) => {
    for (let i = 0; i < parts.length; i++) if (which(parts[i]!)) sign(i);
  };
  const firstCall = parts.findIndex((p) => "functionCall" in p);
  const firstAnswer = parts.findIndex((p) => p.thought !== true);

  if (family === "gemini-3" && image) {
    if (ctx.thought) signEach((p) => p.thought !== true);
    return { parts };
  }
  if (family === "gemini-3") {
    if (firstCall !== -1) {
      sign(firstCall);
      if (ctx.thought) signEach((p) => "toolCall" in p || "toolResponse" in p);
      return ctx.stream ? { parts, trailer: { text: "" } } : { parts };
    }
    if (!ctx.stream) {
      if (ctx.thought && firstAnswer !== -1) sign(firstAnswer);
      return { parts };
    }
    const carrier: Part = { text: "" };
    return {
      parts,
      trailer: ctx.thought ? { ...carrier, thoughtSignature: ctx.ledger.issue(carrier) } : carrier,
    };
  }
  if (family !== "gemini-2.5" || !ctx.thought) return { parts };
  if (firstCall !== -1) sign(firstCall);
  else if (!ctx.search && firstAnswer !== -1) sign(firstAnswer);
  return { parts };
}
