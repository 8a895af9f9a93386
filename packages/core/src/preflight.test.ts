import type { Content } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { SKIP_THOUGHT_SIGNATURE } from "./constants.js";
import { PreflightError } from "./errors.js";
import { preflight } from "./preflight.js";
import { applySignatureSentinel } from "./signature-sentinel.js";
import { recordedRequest } from "./test-support/fixtures.js";

const G3 = { requireSignatures: true };
const G25 = { requireSignatures: false };

const user = (text: string): Content => ({ role: "user", parts: [{ text }] });
const call = (name: string, extra: Record<string, unknown> = {}) => ({
  functionCall: { name, args: {}, ...(extra.id ? { id: extra.id as string } : {}) },
  ...(extra.sig ? { thoughtSignature: extra.sig as string } : {}),
});
const resp = (name: string, id?: string) => ({
  functionResponse: { name, response: { output: 1 }, ...(id ? { id } : {}) },
});

function violation(contents: Content[], options = G3): PreflightError {
  try {
    preflight(contents, options);
  } catch (error) {
    expect(error).toBeInstanceOf(PreflightError);
    return error as PreflightError;
  }
  throw new Error("expected a PreflightError");
}

describe("preflight on recorded requests the API accepted", () => {
  const cases: [string, boolean][] = [
    ["pydantic-ai__g3flash-parallel-fc-multiturn.t2.request.json", true],
    ["pydantic-ai__g3flash-parallel-fc-multiturn.t5.request.json", true],
    ["pydantic-ai__g3pro-stream-fc-signature.t2.request.json", true],
    ["pydantic-ai__g3pro-thoughts-multiturn.t2.request.json", true],
    ["pydantic-ai__g3flash-fc-plus-google-search.t2.request.json", true],
    ["llm-gemini__g3flash-fc-signature-jsonarray-stream.t2.request.json", true],
    ["llm-gemini__g25flash-thoughts-fc-jsonarray-stream.t3.request.json", false],
    ["mirascope__g25flash-parallel-fc-stream.t2.request.json", false],
    ["crewAI__g25flash-parallel-fc-3calls.t2.request.json", false],
    ["js-genai__g25flash-stream-fc-afc.t3.request.json", false],
    ["pydantic-ai__g20flash-stream-fc-multiturn.t3.request.json", false],
  ];
  it.each(cases)("%s passes", (name, gemini3) => {
    const request = recordedRequest(name);
    expect(() => preflight(request.contents, { requireSignatures: gemini3 })).not.toThrow();
  });

  it("refuses the Gemini 3 request once the signature is stripped from the first call", () => {
    const request = recordedRequest("pydantic-ai__g3flash-parallel-fc-multiturn.t2.request.json");
    const model = request.contents[1]!;
    const { thoughtSignature: _dropped, ...unsigned } = model.parts[0]!;
    request.contents[1] = {
      ...model,
      parts: [unsigned as (typeof model.parts)[0] & object, ...model.parts.slice(1)],
    };
    const error = violation(request.contents);
    expect(error.rule).toBe("missing_signature");
    expect(error.contentIndex).toBe(1);
    expect(error.partIndex).toBe(0);
    expect(error.message).toContain("signatureSentinel");
  });
});

describe("preflight structure rules", () => {
  it("refuses empty contents", () => {
    expect(violation([]).rule).toBe("empty_contents");
  });

  it("refuses roles other than user/model, naming the index", () => {
    const error = violation([user("hi"), { role: "system" as "user", parts: [{ text: "x" }] }]);
    expect(error.rule).toBe("invalid_role");
    expect(error.contentIndex).toBe(1);
    expect(error.message).toMatch(/^contents\[1\]: role is "system"/);
  });

  it("refuses a missing role", () => {
    expect(violation([{ parts: [{ text: "x" }] }]).rule).toBe("invalid_role");
  });

  it("refuses empty parts", () => {
    const error = violation([user("a"), { role: "model", parts: [] }]);
    expect(error.rule).toBe("empty_parts");
    expect(error.contentIndex).toBe(1);
  });

  it("refuses a part with no data or with two data fields", () => {
    const none = violation([{ role: "user", parts: [{ text: "a" }, { thoughtSignature: "x" } as never] }]);
    expect([none.rule, none.contentIndex, none.partIndex]).toEqual(["invalid_part", 0, 1]);
    const two = violation([
      { role: "user", parts: [{ text: "a", inlineData: { mimeType: "a/b", data: "" } } as never] },
    ]);
    expect([two.rule, two.partIndex]).toEqual(["invalid_part", 0]);
  });

  it("keeps empty-text signature carriers and thought parts", () => {
    expect(() =>
      preflight(
        [
          user("q"),
          {
            role: "model",
            parts: [{ text: "t", thought: true }, { text: "a" }, { text: "", thoughtSignature: "c2ln" }],
          },
        ],
        G3,
      ),
    ).not.toThrow();
  });
});

describe("preflight call/response pairing", () => {
  it("refuses a trailing model turn whose calls are unanswered", () => {
    const error = violation([user("q"), { role: "model", parts: [{ text: "x" }, call("a", { sig: "s" })] }]);
    expect([error.rule, error.contentIndex, error.partIndex]).toEqual(["unanswered_calls", 1, 1]);
  });

  it("refuses too few responses", () => {
    const error = violation([
      user("q"),
      { role: "model", parts: [call("a", { sig: "s" }), call("b")] },
      { role: "user", parts: [resp("a")] },
    ]);
    expect([error.rule, error.contentIndex]).toEqual(["response_count", 2]);
  });

  it("refuses too many responses", () => {
    const error = violation([
      user("q"),
      { role: "model", parts: [call("a", { sig: "s" })] },
      { role: "user", parts: [resp("a"), resp("a")] },
    ]);
    expect([error.rule, error.contentIndex, error.partIndex]).toEqual(["response_count", 2, 1]);
  });

  it("refuses responses out of call order", () => {
    const error = violation([
      user("q"),
      { role: "model", parts: [call("a", { sig: "s" }), call("b")] },
      { role: "user", parts: [resp("b"), resp("a")] },
    ]);
    expect([error.rule, error.partIndex]).toEqual(["response_mismatch", 0]);
    expect(error.message).toContain('"a"');
  });

  it("requires the call's id to be echoed", () => {
    const contents: Content[] = [
      user("q"),
      { role: "model", parts: [call("a", { sig: "s", id: "x1" })] },
      { role: "user", parts: [resp("a")] },
    ];
    expect(violation(contents).rule).toBe("response_mismatch");
    contents[2] = { role: "user", parts: [resp("a", "x1")] };
    expect(() => preflight(contents, G3)).not.toThrow();
  });

  it("refuses a response with no call before it", () => {
    const error = violation([
      user("q"),
      { role: "model", parts: [{ text: "hi" }] },
      { role: "user", parts: [resp("a")] },
    ]);
    expect([error.rule, error.contentIndex]).toEqual(["orphan_response", 2]);
  });

  it("treats consecutive contents of one role as one turn", () => {
    const contents: Content[] = [
      user("q"),
      { role: "model", parts: [call("a", { sig: "s" })] },
      { role: "model", parts: [call("b")] },
      { role: "user", parts: [resp("a")] },
      { role: "user", parts: [resp("b")] },
    ];
    expect(() => preflight(contents, G3)).not.toThrow();
  });
});

describe("preflight signatures (Gemini 3)", () => {
  const unsignedOldTurn: Content[] = [
    user("q1"),
    { role: "model", parts: [call("a")] },
    { role: "user", parts: [resp("a")] },
    { role: "model", parts: [{ text: "done" }] },
    user("q2"),
  ];

  it("checks only the current turn (since the last user text)", () => {
    expect(() => preflight(unsignedOldTurn, G3)).not.toThrow();
  });

  it("requires the first call of every step of the current turn to be signed", () => {
    const contents: Content[] = [
      user("q"),
      { role: "model", parts: [call("a", { sig: "s1" }), call("b")] },
      { role: "user", parts: [resp("a"), resp("b")] },
      { role: "model", parts: [{ text: "thinking aloud" }, call("c")] },
      { role: "user", parts: [resp("c")] },
    ];
    const error = violation(contents);
    expect([error.rule, error.contentIndex, error.partIndex]).toEqual(["missing_signature", 3, 1]);
    expect(() => preflight(contents, G25)).not.toThrow();
  });

  it("does not require signatures on parallel calls after the first", () => {
    expect(() =>
      preflight(
        [
          user("q"),
          { role: "model", parts: [call("a", { sig: "s" }), call("a")] },
          { role: "user", parts: [resp("a"), resp("a")] },
        ],
        G3,
      ),
    ).not.toThrow();
  });

  it("accepts unsigned history from elsewhere only after the opt-in sentinel", () => {
    const contents: Content[] = [
      user("q"),
      { role: "model", parts: [call("a"), call("b")] },
      { role: "user", parts: [resp("a"), resp("b")] },
      { role: "model", parts: [call("c", { sig: "keep" })] },
      { role: "user", parts: [resp("c")] },
    ];
    expect(violation(contents).rule).toBe("missing_signature");
    const patched = applySignatureSentinel(contents);
    expect(() => preflight(patched, G3)).not.toThrow();
    expect(patched[1]!.parts[0]!.thoughtSignature).toBe(SKIP_THOUGHT_SIGNATURE);
    expect(patched[1]!.parts[1]!.thoughtSignature).toBeUndefined();
    // Signed parts and untouched contents are shared, never rewritten.
    expect(patched[3]).toBe(contents[3]);
    expect(patched[3]!.parts[0]!.thoughtSignature).toBe("keep");
    expect(patched[0]).toBe(contents[0]);
    // The input is not mutated.
    expect(contents[1]!.parts[0]!.thoughtSignature).toBeUndefined();
  });
});
