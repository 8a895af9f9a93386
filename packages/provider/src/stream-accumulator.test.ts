import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StreamAccumulator, toGenerateResult } from "./stream-accumulator.js";
import type { GenerateContentResponse } from "./wire-types.js";

const sseFixture = (name: string): GenerateContentResponse[] =>
  readFileSync(new URL(`./__fixtures__/recorded/${name}`, import.meta.url), "utf8")
    .split("\r\n\r\n")
    .filter((e) => e.trim())
    .map((e) => JSON.parse(e.slice("data: ".length)));

describe("StreamAccumulator", () => {
  it("never merges text parts; keeps thoughts and empty-text signature carriers where they arrived", () => {
    const acc = new StreamAccumulator();
    acc.add({ candidates: [{ content: { role: "model", parts: [{ text: "plan", thought: true }] } }] });
    acc.add({ candidates: [{ content: { role: "model", parts: [{ text: "Hel" }] } }] });
    acc.add({ candidates: [{ content: { role: "model", parts: [{ text: "lo" }] } }] });
    acc.add({
      candidates: [
        { content: { role: "model", parts: [{ text: "", thoughtSignature: "c2ln" }] }, finishReason: "STOP" },
      ],
      usageMetadata: { totalTokenCount: 9 },
      credits_consumed: 0.01,
    });
    expect(acc.parts).toEqual([
      { text: "plan", thought: true },
      { text: "Hel" },
      { text: "lo" },
      { text: "", thoughtSignature: "c2ln" },
    ]);
    expect(acc.text).toBe("Hello");
    expect(acc.finished).toBe(true);
    const result = toGenerateResult(acc.response(), "req-1", 1);
    expect(result).toMatchObject({
      text: "Hello",
      finishReason: "STOP",
      usage: { totalTokenCount: 9 },
      requestId: "req-1",
      attempts: 1,
    });
    expect(result.response.credits_consumed).toBe(0.01);
    expect(result.parts).toBe(acc.parts);
  });

  it("keeps the full groundingMetadata of the last chunk over the empty ones streamed before (case 6)", () => {
    const chunks = sseFixture("pydantic-ai__g25pro-google-search-stream.t1.response.sse");
    const acc = new StreamAccumulator();
    for (const c of chunks) acc.add(c);
    const last = chunks.at(-1)!.candidates![0]!;
    const grounding = acc.response().candidates![0]!.groundingMetadata!;
    expect(grounding).toEqual(last.groundingMetadata);
    expect(grounding.groundingChunks?.length).toBeGreaterThan(0);
    expect(acc.response().usageMetadata).toEqual(chunks.at(-1)!.usageMetadata);
  });

  it("keeps server-side toolCall / toolResponse parts and their signatures, each part the object received (case 8)", () => {
    const recorded = JSON.parse(
      readFileSync(
        new URL(
          "./__fixtures__/recorded/pydantic-ai__g3flash-fc-plus-google-search.t1.response.json",
          import.meta.url,
        ),
        "utf8",
      ),
    ) as GenerateContentResponse;
    const parts = recorded.candidates![0]!.content!.parts!;
    expect(parts.map((p) => Object.keys(p).sort())).toEqual([
      ["functionCall", "thoughtSignature"],
      ["thoughtSignature", "toolCall"],
      ["thoughtSignature", "toolResponse"],
    ]);
    // Streamed one part per chunk, the last with the finish and the usage.
    const acc = new StreamAccumulator();
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      acc.add({
        candidates: [
          {
            content: { role: "model", parts: [part] },
            ...(last ? { finishReason: recorded.candidates![0]!.finishReason } : {}),
          },
        ],
        ...(last ? { usageMetadata: recorded.usageMetadata } : { usageMetadata: { totalTokenCount: i } }),
      });
    });
    expect(acc.parts).toEqual(parts);
    for (const [i, p] of acc.parts.entries()) expect(p).toBe(parts[i]);
    expect(acc.response().usageMetadata).toEqual(recorded.usageMetadata);
    expect(acc.response().candidates![0]!.finishReason).toBe("STOP");
  });

  it("takes usage and finishReason from the latest chunk; an empty groundingMetadata never overwrites a full one", () => {
    const full = {
      webSearchQueries: ["oslo weather"],
      groundingChunks: [{ web: { uri: "https://x", title: "x" } }],
    };
    const acc = new StreamAccumulator();
    acc.add({
      candidates: [{ content: { parts: [{ text: "a" }] }, groundingMetadata: {} }],
      usageMetadata: { totalTokenCount: 1 },
    });
    expect(acc.response().candidates![0]!.groundingMetadata).toEqual({});
    acc.add({
      candidates: [{ content: { parts: [{ text: "b" }] }, groundingMetadata: full }],
      usageMetadata: { totalTokenCount: 2 },
    });
    acc.add({
      candidates: [{ content: { parts: [{ text: "" }] }, groundingMetadata: {}, finishReason: "STOP" }],
      usageMetadata: { totalTokenCount: 3 },
      modelVersion: "gemini-2.5-pro",
    });
    const r = acc.response();
    expect(r.candidates![0]!.groundingMetadata).toBe(full);
    expect([r.candidates![0]!.finishReason, r.usageMetadata?.totalTokenCount, r.modelVersion]).toEqual([
      "STOP",
      3,
      "gemini-2.5-pro",
    ]);
    expect(acc.parts).toEqual([{ text: "a" }, { text: "b" }, { text: "" }]);
  });

  it("keeps candidates apart by index, also when index is missing", () => {
    const acc = new StreamAccumulator();
    acc.add({ candidates: [{ content: { parts: [{ text: "a" }] } }] });
    acc.add({
      candidates: [
        { index: 1, content: { parts: [{ text: "x" }] } },
        { index: 0, content: { parts: [{ text: "b" }] }, finishReason: "STOP" },
      ],
    });
    const r = acc.response();
    expect(r.candidates?.map((c) => c.content?.parts)).toEqual([
      [{ text: "a" }, { text: "b" }],
      [{ text: "x" }],
    ]);
    expect(acc.chunks).toBe(2);
  });

  it("a prompt blocked without candidates counts as finished", () => {
    const acc = new StreamAccumulator();
    acc.add({ promptFeedback: { blockReason: "SAFETY" } });
    expect(acc.finished).toBe(true);
    expect(acc.parts).toEqual([]);
  });
});
