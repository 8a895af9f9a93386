// Folds stream chunks into one response. Parts are kept exactly as received and in order
// (invariant 1): text parts are never merged, empty-text signature carriers and thought parts stay,
// each signature stays on its part. Merged text is only a view.
import type { GenerateResult } from "./provider-types.js";
import { isFinalChunk } from "./stream-finish.js";
import type { Candidate, GenerateContentResponse, Part } from "./wire-types.js";

interface CandidateState {
  role: "user" | "model";
  parts: Part[];
  fields: Record<string, unknown>;
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === "object" && v !== null && Object.keys(v).length === 0;
}

/** The non-thought text of some parts, joined: a view, never history. */
export function textOf(parts: readonly Part[]): string {
  let text = "";
  for (const p of parts) if (p.text !== undefined && !p.thought) text += p.text;
  return text;
}

export class StreamAccumulator {
  private readonly candidates = new Map<number, CandidateState>();
  private readonly top: Record<string, unknown> = {};
  private count = 0;
  private done = false;

  /** How many chunks were added. */
  get chunks(): number {
    return this.count;
  }

  add(chunk: GenerateContentResponse): void {
    this.count++;
    if (!this.done) this.done = isFinalChunk(chunk);
    for (const key of Object.keys(chunk)) {
      if (key === "candidates") continue;
      const value = chunk[key];
      if (value !== undefined) this.top[key] = value;
    }
    const list = chunk.candidates;
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const c = list[i] as Candidate;
      const index = typeof c.index === "number" ? c.index : i;
      let state = this.candidates.get(index);
      if (!state) {
        state = { role: "model", parts: [], fields: {} };
        this.candidates.set(index, state);
      }
      if (c.content?.role) state.role = c.content.role;
      const parts = c.content?.parts;
      if (parts) for (const part of parts) state.parts.push(part);
      for (const key of Object.keys(c)) {
        if (key === "content") continue;
        const value = c[key];
        if (value === undefined) continue;
        // Streams send an empty groundingMetadata on every chunk and the full one on the last.
        if (key === "groundingMetadata" && isEmptyObject(value) && state.fields[key] !== undefined) continue;
        state.fields[key] = value;
      }
    }
  }

  /** The first candidate's parts so far, exactly as received. */
  get parts(): Part[] {
    return this.candidates.get(0)?.parts ?? this.candidates.values().next().value?.parts ?? [];
  }

  /** The non-thought text so far (a view). */
  get text(): string {
    return textOf(this.parts);
  }

  /** True once a chunk carried a finishReason or a prompt block (the stream is complete). */
  get finished(): boolean {
    return this.done;
  }

  /** The accumulated response: one candidate per index, top-level fields from the latest chunk. */
  response(): GenerateContentResponse {
    const candidates: Candidate[] = [];
    const indexes = [...this.candidates.keys()].sort((a, b) => a - b);
    for (const index of indexes) {
      const s = this.candidates.get(index)!;
      candidates.push({
        content: { role: s.role, parts: s.parts },
        ...(s.fields as Omit<Candidate, "content">),
      } as Candidate);
    }
    const out: GenerateContentResponse = { ...this.top };
    if (candidates.length > 0) out.candidates = candidates;
    return out;
  }
}

/** Builds the result views over a whole response (a JSON answer or an accumulated stream). */
export function toGenerateResult(
  response: GenerateContentResponse,
  requestId: string | undefined,
  attempts: number,
): GenerateResult {
  const first = response.candidates?.[0];
  const parts = first?.content?.parts ?? [];
  return {
    response,
    parts,
    text: textOf(parts),
    finishReason: first?.finishReason,
    usage: response.usageMetadata,
    // The gateway's request id (what its support asks for); the response id when there is none.
    requestId: requestId ?? response.responseId,
    attempts,
  };
}
