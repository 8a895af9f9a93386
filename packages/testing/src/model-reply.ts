// What a model (scripted or generic) answers with, before the emulator turns it into wire chunks.
import type { FinishReason, GroundingMetadata, Part } from "@signet/provider";

export interface ModelReply {
  parts: Part[];
  /** Default `STOP`. */
  finishReason?: FinishReason | (string & {});
  /** Default: `"Model generated function call(s)."` where the real model sends it. */
  finishMessage?: string;
  /** Sent on the response (streams: `{}` on every chunk, the whole object on the last). */
  groundingMetadata?: GroundingMetadata;
  /** `auto` (default): add thought signatures as the real model does; `none`: send parts exactly as given. */
  signatures?: "auto" | "none";
  /**
   * Whether the model thought in this call: only then does it sign (and report
   * `thoughtsTokenCount`). Default: as the recorded models do (see `modelThought`).
   * Gemini 3 signs its first function call either way, since the API demands it back.
   */
  thinking?: boolean;
}
