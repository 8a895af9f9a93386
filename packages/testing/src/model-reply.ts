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
}
