// What the emulator needs to know about a model from its name alone: which generation it is
// (signature behaviour differs per generation) and whether it draws images.
import { isGemini3OrLater } from "@signet/provider";

export type ModelFamily = "gemini-2.0" | "gemini-2.5" | "gemini-3" | "other";

export interface ModelTraits {
  /** The bare id (`models/` prefix removed). */
  id: string;
  family: ModelFamily;
  /** Image models answer with `inlineData` images. */
  image: boolean;
  /** Gemini 3 (not the image models, which Google documents as exempt): first calls must be signed. */
  requiresSignatures: boolean;
  /** Models that think (2.5 and 3) issue thought signatures. */
  thinks: boolean;
}

export function modelTraits(model: string): ModelTraits {
  const id = model.startsWith("models/") ? model.slice("models/".length) : model;
  const m = /^gemini-(\d+)(?:\.(\d+))?/i.exec(id);
  const major = m ? Number(m[1]) : 0; // 2.0 vs 2.5 below
  const minor = m?.[2] ? Number(m[2]) : 0;
  // The provider's capability table decides "Gemini 3 or later", so both packages agree.
  const family: ModelFamily = isGemini3OrLater(id)
    ? "gemini-3"
    : major === 2 && minor >= 5
      ? "gemini-2.5"
      : major === 2
        ? "gemini-2.0"
        : "other";
  const image = /image/i.test(id);
  return {
    id,
    family,
    image,
    requiresSignatures: family === "gemini-3" && !image,
    thinks: family === "gemini-3" || (family === "gemini-2.5" && !image),
  };
}
