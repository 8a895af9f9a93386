// Opt-in support for history that did not come from this model (no signatures). Google documents
// a placeholder signature that skips validation; Signet uses it only when the caller asks.
import type { Content, Part } from "@signet/provider";
import { SKIP_THOUGHT_SIGNATURE } from "./constants.js";
import { isFunctionCallPart } from "./part-kind.js";

/**
 * Returns `contents` with the sentinel on the first functionCall of every model turn that has no
 * signature there. Untouched contents are shared, not copied; signed parts are never changed.
 */
export function applySignatureSentinel(contents: readonly Content[]): Content[] {
  const out = contents.slice();
  let role: string | undefined;
  let seenCallInTurn = false;
  for (let i = 0; i < out.length; i++) {
    const content = out[i]!;
    if (content.role !== role) {
      role = content.role;
      seenCallInTurn = false;
    }
    if (content.role !== "model" || seenCallInTurn) continue;
    const index = content.parts.findIndex(isFunctionCallPart);
    if (index === -1) continue;
    seenCallInTurn = true;
    const part = content.parts[index]!;
    if (part.thoughtSignature) continue;
    const parts = content.parts.slice();
    parts[index] = { ...part, thoughtSignature: SKIP_THOUGHT_SIGNATURE } as Part;
    out[i] = { ...content, parts };
  }
  return out;
}
