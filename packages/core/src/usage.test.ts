import { describe, expect, it } from "vitest";
import { recordedChunks } from "./test-support/fixtures.js";
import { addUsage, emptyUsage, usageFrom, usageOfResponse } from "./usage.js";

describe("usage", () => {
  it("reads every counter of a recorded response", () => {
    const [response] = recordedChunks("pydantic-ai__g3flash-parallel-fc-multiturn.t1.response.json");
    expect(usageOfResponse(response!)).toEqual({
      promptTokens: 83,
      candidatesTokens: 30,
      thoughtsTokens: 190,
      toolUsePromptTokens: 0,
      cachedContentTokens: 0,
      totalTokens: 303,
    });
  });

  it("sums steps, with tool-use prompt tokens and gateway credits only when reported", () => {
    const total = emptyUsage();
    addUsage(
      total,
      usageFrom({
        promptTokenCount: 10,
        candidatesTokenCount: 2,
        toolUsePromptTokenCount: 7,
        totalTokenCount: 19,
      }),
    );
    expect(total.creditsConsumed).toBeUndefined();
    addUsage(
      total,
      usageFrom(
        { promptTokenCount: 5, thoughtsTokenCount: 4, cachedContentTokenCount: 3, totalTokenCount: 9 },
        1.5,
      ),
    );
    addUsage(total, usageFrom(undefined, 0.25));
    expect(total).toEqual({
      promptTokens: 15,
      candidatesTokens: 2,
      thoughtsTokens: 4,
      toolUsePromptTokens: 7,
      cachedContentTokens: 3,
      totalTokens: 28,
      creditsConsumed: 1.75,
    });
  });
});
