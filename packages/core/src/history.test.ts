import type { Part } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { History, textOf, thoughtsOf } from "./history.js";
import { recordedChunks } from "./test-support/fixtures.js";

describe("History", () => {
  it("appends the model's parts by reference, exactly as received", () => {
    const [response] = recordedChunks("pydantic-ai__g3pro-thoughts-multiturn.t1.response.json");
    const parts = response!.candidates![0]!.content!.parts!;
    const history = new History([{ role: "user", parts: [{ text: "q" }] }]);
    const before = history.contents;
    const content = history.appendModel(parts);
    expect(history.contents).toBe(before);
    expect(content.parts).toBe(parts);
    expect(content.parts[0]).toMatchObject({ thought: true });
    expect(content.parts[1]!.thoughtSignature).toBeTruthy();
  });

  it("finds the calls of a trailing model turn only", () => {
    const history = new History([{ role: "user", parts: [{ text: "q" }] }]);
    history.appendModel([
      { text: "" },
      { functionCall: { name: "a" }, thoughtSignature: "s" },
      { functionCall: { name: "b", id: "i" } },
    ]);
    expect(history.trailingCalls()).toEqual([{ name: "a" }, { name: "b", id: "i" }]);
    history.appendUser([{ functionResponse: { name: "a", response: {} } }]);
    expect(history.trailingCalls()).toEqual([]);
  });

  it("text views skip thoughts and keep empty carriers out of the text", () => {
    const parts: Part[] = [
      { text: "plan", thought: true },
      { text: "Hello " },
      { text: "world" },
      { text: "", thoughtSignature: "c2ln" },
    ];
    expect(textOf(parts)).toBe("Hello world");
    expect(thoughtsOf(parts)).toBe("plan");
  });
});
