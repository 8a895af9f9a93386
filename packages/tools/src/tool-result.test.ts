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
    [{ n: 10n }, "result.n is a BigInt"],
    [{ list: [1, Number.NaN] }, "result.list[1] is NaN"],
    [new Map([["a", 1]]), "result is a Map"],
    [{ s: new Set([1]) }, "result.s is a Set"],
    [{ f: () => 1 }, "result.f is a function"],
  ])("a value JSON cannot carry is a clear tool error (%#)", (value, where) => {
    const out = resultToResponse(value);
    expect(out.ok).toBe(false);
    expect(out.response).toMatchObject({ error: { kind: "invalid_result" } });
    expect((out.response.error as { message: string }).message).toContain(where);
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
