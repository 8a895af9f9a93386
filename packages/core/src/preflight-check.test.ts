// PreflightCheck proves a growing history one step at a time. It must throw exactly what the full
// `preflight` throws on the same history (same rule, content, part, message), whatever was appended
// or changed in between, while reading only the new contents and the last two turns.
import type { Content, Part } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { PreflightError } from "./errors.js";
import { PreflightCheck, type PreflightOptions, preflight } from "./preflight.js";

type Outcome = "ok" | { rule: string; contentIndex: number; partIndex: number | undefined; message: string };

function outcome(prove: () => void): Outcome {
  try {
    prove();
    return "ok";
  } catch (error) {
    if (!(error instanceof PreflightError)) throw error;
    return {
      rule: error.rule,
      contentIndex: error.contentIndex,
      partIndex: error.partIndex,
      message: error.message,
    };
  }
}

/** mulberry32: the same histories on every run of the test. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random steps of a conversation: well formed most of the time (model calls, then their responses,
 * sometimes split over two contents of one role; answers; new questions), now and then each kind of
 * mistake. Returns the contents of one step.
 */
function generator(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let last: "question" | "calls" | "responses" | "answer" = "answer";
  let pendingCalls: { name: string; id?: string }[] = [];
  const calls = (): Part[] => {
    const n = 1 + Math.floor(random() * 3);
    const withIds = random() < 0.5;
    pendingCalls = Array.from({ length: n }, (_, i) => ({
      name: pick(["a", "b"]),
      ...(withIds ? { id: `id${i}` } : {}),
    }));
    return pendingCalls.map((call, i) => ({
      functionCall: { name: call.name, args: {}, ...(call.id ? { id: call.id } : {}) },
      // Signed on the first call (Gemini 3), now and then not.
      ...(i === 0 && random() < 0.97 ? { thoughtSignature: "sig" } : {}),
    }));
  };
  const responses = (): Part[] => {
    const answered = [...pendingCalls];
    const mistake = random();
    if (mistake < 0.02) answered.pop();
    else if (mistake < 0.04) answered.push({ name: "a" });
    else if (mistake < 0.06 && answered[0]) answered[0] = { ...answered[0], name: "zzz" };
    else if (mistake < 0.08 && answered[0]?.id) answered[0] = { name: answered[0].name };
    return answered.map((call) => ({
      functionResponse: { name: call.name, response: { ok: 1 }, ...(call.id ? { id: call.id } : {}) },
    }));
  };
  /** One role's parts, as one content or (sometimes) two consecutive ones. */
  const contentsOf = (role: "user" | "model", parts: Part[]): Content[] => {
    if (parts.length > 1 && random() < 0.3) {
      const cut = 1 + Math.floor(random() * (parts.length - 1));
      return [
        { role, parts: parts.slice(0, cut) },
        { role, parts: parts.slice(cut) },
      ];
    }
    return [{ role, parts }];
  };
  const mistakes: (() => Content[])[] = [
    () => [{ role: "user", parts: [] }],
    () => [{ role: "system", parts: [{ text: "x" }] } as unknown as Content],
    () => [
      { role: "user", parts: [{ text: "x", inlineData: { mimeType: "a/b", data: "" } } as unknown as Part] },
    ],
    () => [{ role: "user", parts: [{ functionResponse: { name: "a", response: {} } }] }],
    () => [{ role: "model", parts: calls() }],
  ];
  return (): Content[] => {
    if (random() < 0.04) return pick(mistakes)();
    switch (last) {
      case "question":
      case "responses":
        if (random() < 0.6) {
          last = "calls";
          return contentsOf("model", [...(random() < 0.3 ? [{ text: "let me see" }] : []), ...calls()]);
        }
        last = "answer";
        return contentsOf("model", [{ text: "answer" }, { text: "", thoughtSignature: "sig" }]);
      case "calls":
        last = "responses";
        return contentsOf("user", responses());
      default:
        last = "question";
        return contentsOf("user", [{ text: "question" }, ...(random() < 0.2 ? [{ text: "more" }] : [])]);
    }
  };
}

/** A change to what was already proven (or none). */
function mutate(contents: Content[], random: () => number): void {
  if (contents.length === 0) return;
  const i = Math.floor(random() * contents.length);
  const content = contents[i]!;
  switch (Math.floor(random() * 7)) {
    case 0:
      contents[i] = { ...content };
      break;
    case 1:
      contents[i] = { ...content, parts: content.parts.slice(0, -1) };
      break;
    case 2:
      if (content.parts.length) content.parts[0] = { text: "replaced" };
      break;
    case 3:
      content.role = content.role === "user" ? "model" : "user";
      break;
    case 4:
      contents.pop();
      break;
    case 5:
      contents.splice(i, 1);
      break;
    default:
      content.parts.push({ functionResponse: { name: "a", response: {} } });
  }
}

describe("PreflightCheck", () => {
  it.each([true, false])(
    "throws what preflight throws at every step of random histories, with changes in between (signatures %s)",
    (requireSignatures) => {
      const options: PreflightOptions = { requireSignatures };
      let failures = 0;
      let checks = 0;
      for (let seed = 1; seed <= 400; seed++) {
        const random = rng(seed * 7919 + (requireSignatures ? 1 : 0));
        const next = generator(random);
        const check = new PreflightCheck(options);
        const contents: Content[] = [];
        for (let step = 0; step < 14; step++) {
          const appended = 1 + Math.floor(random() * 2);
          for (let k = 0; k < appended; k++) contents.push(...next());
          if (random() < 0.08) mutate(contents, random);
          const expected = outcome(() => preflight(contents, options));
          expect(
            outcome(() => check.check(contents)),
            `seed ${seed}, step ${step}`,
          ).toEqual(expected);
          checks++;
          if (expected !== "ok") failures++;
        }
      }
      // Both outcomes were exercised plenty.
      expect(failures).toBeGreaterThan(checks / 10);
      expect(checks - failures).toBeGreaterThan(checks / 4);
    },
  );

  it("reads only the new contents and the last two turns of what it proved", () => {
    let reads = 0;
    // Parts that count every property read.
    const counted = (part: Part): Part =>
      new Proxy(part, {
        get(target, key, receiver) {
          reads++;
          return Reflect.get(target, key, receiver);
        },
      });
    const exchange = (n: number): Content[] => [
      { role: "user", parts: [counted({ text: `question ${n}` })] },
      {
        role: "model",
        parts: [counted({ functionCall: { name: "a", args: {}, id: `c${n}` }, thoughtSignature: "sig" })],
      },
      { role: "user", parts: [counted({ functionResponse: { name: "a", id: `c${n}`, response: {} } })] },
      { role: "model", parts: [counted({ text: `answer ${n}` })] },
    ];
    const contents = Array.from({ length: 20 }, (_, n) => exchange(n)).flat();
    const check = new PreflightCheck({ requireSignatures: true });
    check.check(contents);
    const all = reads;
    expect(all).toBeGreaterThan(0);

    // Another step: a model turn of calls and its answer. Only the last turn before it (the model's
    // answer) is read again, and the new contents.
    reads = 0;
    contents.push(...exchange(20).slice(1, 3));
    check.check(contents);
    const incremental = reads;
    reads = 0;
    preflight(contents, { requireSignatures: true });
    expect(incremental).toBeLessThan(reads / 10);

    // Nothing new: nothing read at all.
    reads = 0;
    check.check(contents);
    expect(reads).toBe(0);
  });

  it("proves everything again when a proven content was replaced, and finds what the full check finds", () => {
    const contents: Content[] = [
      { role: "user", parts: [{ text: "q" }] },
      { role: "model", parts: [{ functionCall: { name: "a", args: {} }, thoughtSignature: "s" }] },
      { role: "user", parts: [{ functionResponse: { name: "a", response: {} } }] },
    ];
    const check = new PreflightCheck({ requireSignatures: true });
    check.check(contents);
    // A hook replaced the model turn with an unsigned copy: the signature rule is broken.
    contents[1] = { role: "model", parts: [{ functionCall: { name: "a", args: {} } }] };
    expect(() => check.check(contents)).toThrow(
      expect.objectContaining({ rule: "missing_signature", contentIndex: 1 }),
    );
    // After an error nothing half-proven is kept; fixed, it passes.
    contents[1] = {
      role: "model",
      parts: [{ functionCall: { name: "a", args: {} }, thoughtSignature: "s" }],
    };
    expect(() => check.check(contents)).not.toThrow();
  });
});
