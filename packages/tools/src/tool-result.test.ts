import { describe, expect, it } from "vitest";
import { errorToResponse, invalidArgumentsResponse, resultToResponse } from "./tool-result.js";

describe("resultToResponse", () => {
  it("sends a plain object as is and wraps any other JSON value", () => {
    const obj = { temp: 21, tags: ["a"] };
    expect(resultToResponse(obj)).toEqual({ ok: true, response: obj });
    expect(resultToResponse(obj).response).toBe(obj); // no copy on the hot path
    expect(resultToResponse("sunny")).toEqual({ ok: true, response: { output: "sunny" } });
    expect(resultToResponse([1, 2])).toEqual({ ok: true, response: { output: [1, 2] } });
    expect(resultToResponse(null)).toEqual({ ok: true, response: { output: null } });
    expect(resultToResponse(0)).toEqual({ ok: true, response: { output: 0 } });
    expect(resultToResponse(undefined)).toEqual({ ok: true, response: {} });
    const date = new Date("2025-01-01T00:00:00Z");
    expect(resultToResponse(date)).toEqual({ ok: true, response: { output: date } });
  });

  it.each([
    ["BigInt", { n: 10n }, "result.n is a BigInt (convert it to a string or a number)"],
    ["NaN", { list: [1, Number.NaN] }, "result.list[1] is NaN (JSON has no NaN)"],
    ["Infinity", { t: Number.POSITIVE_INFINITY }, "result.t is Infinity (JSON has no Infinity)"],
    ["-Infinity", [Number.NEGATIVE_INFINITY], "result[0] is -Infinity (JSON has no -Infinity)"],
    [
      "undefined in an array",
      { xs: [1, undefined] },
      "result.xs[1] is undefined (use null, or leave the item out)",
    ],
    [
      "a hole in an array",
      { xs: Object.assign(new Array(3), { 0: 1, 2: 3 }) },
      "result.xs[1] is undefined (use null, or leave the item out)",
    ],
    ["a Map", new Map([["a", 1]]), "result is a Map (use Object.fromEntries)"],
    ["a Set", { s: new Set([1]) }, "result.s is a Set (use an array)"],
    ["a function", { f: () => 1 }, "result.f is a function"],
    ["a symbol", { s: Symbol("x") }, "result.s is a symbol"],
    ["an invalid Date", { at: new Date("nope") }, "result.at is an invalid Date (JSON would send null)"],
  ])("%s is a clear tool error naming where it is", (_name, value, where) => {
    expect(resultToResponse(value)).toStrictEqual({
      ok: false,
      response: {
        error: {
          kind: "invalid_result",
          message: `The tool returned a value that is not JSON: ${where}. The tool ran, but its result cannot be sent.`,
        },
      },
    });
  });

  it("an object key holding undefined is just absent, as in JSON", () => {
    expect(resultToResponse({ a: 1, b: undefined })).toEqual({ ok: true, response: { a: 1, b: undefined } });
  });

  it("a cycle is a tool error naming where, and shared (non-cyclic) references are fine", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    const out = resultToResponse({ a });
    expect(out.ok).toBe(false);
    expect(JSON.stringify(out.response)).toContain("result.a.self refers back to one of its parents");
    const shared = { x: 1 };
    expect(resultToResponse({ p: shared, q: shared }).ok).toBe(true);
  });
});

describe("errors a model can read", () => {
  it("invalid arguments list each issue with a readable path", () => {
    expect(
      invalidArgumentsResponse("get_weather", [
        { path: ["cities", 2, "name"], message: "Too small" },
        { path: [], message: "Bad" },
        { path: ["a b"], message: "x" },
      ]),
    ).toEqual({
      error: {
        kind: "invalid_arguments",
        message:
          "The arguments for get_weather are invalid (3 issues); the tool did not run. Fix them and call it again.",
        issues: [
          { path: "cities[2].name", message: "Too small" },
          { path: "(arguments)", message: "Bad" },
          { path: '["a b"]', message: "x" },
        ],
      },
    });
  });

  it("thrown errors keep name, message and code, never the stack", () => {
    class NotFound extends Error {
      override name = "NotFound";
      code = "ENOENT";
    }
    const response = errorToResponse(new NotFound("no such city"));
    expect(response).toEqual({
      error: { kind: "execution_failed", message: "no such city", name: "NotFound", code: "ENOENT" },
    });
    expect(errorToResponse("plain text", "timeout")).toEqual({
      error: { kind: "timeout", message: "plain text" },
    });
    expect(errorToResponse(42).error.message).toBe("the tool threw a non-Error value (number 42)");
  });
});
