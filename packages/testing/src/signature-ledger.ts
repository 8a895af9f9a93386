// Thought signatures: the emulator issues opaque signatures bound to the part they arrive on, and
// checks them when they come back. Like the real API it compares decoded bytes, so a signature
// re-encoded as URL-safe base64 (python-genai does this) is the same signature.
import { createHash, randomBytes } from "node:crypto";
import { PART_DATA_KEYS, type Part } from "@signet/provider";
import { isRecord } from "./field-names.js";
import { functionCalls, type RequestIssue, type Turn } from "./function-turns.js";
import type { ModelTraits } from "./model-traits.js";

/**
 * Google's documented placeholders for history that did not come from the model (for example a
 * conversation moved from another model); the API skips validation for them.
 */
export const SIGNATURE_SENTINELS = [
  "context_engineering_is_the_way_to_go",
  "skip_thought_signature_validator",
] as const;

/** What to do with a well-formed signature this emulator did not issue (e.g. a real Google one). */
export type ForeignSignaturePolicy = "accept" | "reject";

const MISSING_SIGNATURE_HELP = "https://ai.google.dev/gemini-api/docs/thought-signatures";

/** Issued signatures remembered; older ones then count as foreign (a long run must not grow forever). */
const LEDGER_LIMIT = 100_000;

export class SignatureLedger {
  /** decoded bytes (hex) -> identity of the part the signature was issued on, oldest first */
  readonly #issued = new Map<string, string>();

  /** A fresh signature bound to `part` (its content, not its id or key spelling). */
  issue(part: Part): string {
    const bytes = randomBytes(48);
    this.#issued.set(bytes.toString("hex"), partIdentity(part));
    if (this.#issued.size > LEDGER_LIMIT) this.#issued.delete(this.#issued.keys().next().value!);
    return bytes.toString("base64");
  }

  get size(): number {
    return this.#issued.size;
  }

  /**
   * Every signature in the history: an issued one must be on the part it was issued for;
   * sentinels pass; foreign ones pass or fail by policy.
   */
  checkHistory(turns: readonly Turn[], policy: ForeignSignaturePolicy): RequestIssue[] {
    const issues: RequestIssue[] = [];
    for (const turn of turns) {
      for (const { part, path } of turn.parts) {
        const signature = part.thoughtSignature;
        if (typeof signature !== "string") continue;
        if ((SIGNATURE_SENTINELS as readonly string[]).includes(signature)) continue;
        const issuedFor = this.#issued.get(Buffer.from(signature, "base64").toString("hex"));
        if (issuedFor === undefined) {
          if (policy === "reject") {
            issues.push({
              path: `${path}.thought_signature`,
              message: "Corrupted thought signature: this emulator did not issue it.",
            });
          }
        } else if (issuedFor !== partIdentity(part)) {
          issues.push({
            path: `${path}.thought_signature`,
            message:
              "Corrupted thought signature: it was issued on a different part. Send each signature back on the part it arrived on.",
          });
        }
      }
    }
    return issues;
  }
}

/**
 * Gemini 3 (not image models): in the current turn (everything after the last user turn that is
 * more than function responses) each model step's first functionCall must carry its signature.
 */
export function checkCurrentTurnSignatures(turns: readonly Turn[], traits: ModelTraits): RequestIssue[] {
  if (!traits.requiresSignatures) return [];
  let start = 0;
  turns.forEach((turn, i) => {
    if (turn.role === "user" && turn.parts.some((p) => !("functionResponse" in p.part))) start = i + 1;
  });
  const issues: RequestIssue[] = [];
  for (const turn of turns.slice(start)) {
    if (turn.role !== "model") continue;
    const first = functionCalls(turn)[0];
    if (!first || typeof first.part.thoughtSignature === "string") continue;
    const name = (first.part as { functionCall: { name?: unknown } }).functionCall.name;
    issues.push({
      path: first.path,
      message:
        "Function call is missing a thought_signature in functionCall parts. This is required for tools to work " +
        "correctly, and missing thought_signature may lead to degraded model performance. Additional data, function " +
        `call \`${String(name)}\` , position ${first.contentIndex + 1}. Please refer to ${MISSING_SIGNATURE_HELP} for more details.`,
    });
  }
  return issues;
}

/**
 * What a signature is bound to. A call's signature is bound to that call (name and arguments, not
 * the client-set id or key spelling): moving it to another part is the bug the API refuses. Other
 * signatures are bound to the kind of part only, because clients legitimately merge streamed text
 * pieces (the signature arrives on the first piece) and the API accepts that.
 */
export function partIdentity(part: Part): string {
  const record = part as Part & Record<string, unknown>;
  const call = record.functionCall;
  if (isRecord(call)) {
    return `functionCall:${createHash("sha256")
      .update(canonicalJson({ name: call.name, args: call.args ?? {} }))
      .digest("hex")}`;
  }
  const kind = PART_DATA_KEYS.find((k) => k in record);
  return `kind:${kind ?? "none"}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
