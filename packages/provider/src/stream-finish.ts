// When a stream is complete: a chunk carried a finishReason, or the prompt was blocked (no candidate
// follows). The stream reader uses it to tell a finished stream from a cut one; the accumulator too.
import type { GenerateContentResponse } from "./wire-types.js";

export function isFinalChunk(chunk: GenerateContentResponse): boolean {
  if (chunk.promptFeedback?.blockReason) return true;
  return chunk.candidates?.some((c) => !!c.finishReason) ?? false;
}
