// Invariant 3 end to end, per gateway, against the emulator (which refuses both tools in one request
// wherever the real gateway does): the strategy used, the exact requests, and how it is reported.
import type { GroundingMetadata } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import { SearchStrategyError } from "./errors.js";
import type { AgentEvent } from "./events.js";
import { answeredParts, answeredUsage, emulated, G3, G25, sentBody } from "./test-support/emulated.js";
import { capturingLogger } from "./test-support/log-capture.js";
import { testTool } from "./test-support/tools.js";

const echo = testTool<{ q: string }>({
  name: "echo",
  required: { q: "string" },
  execute: ({ q }) => ({ echoed: q }),
});
const grounding: GroundingMetadata = {
  webSearchQueries: ["oslo weather"],
  groundingChunks: [{ web: { uri: "https://yr.no", title: "yr.no" } }],
};

describe("search strategy", () => {
  it("google + Gemini 3: combined in one request, reported in the result, the events and the log", async () => {
    const { emulator, provider } = await emulated([{ text: "grounded", groundingMetadata: grounding }]);
    const events: AgentEvent[] = [];
    const { logger, lines } = capturingLogger("info");
    const agent = new Agent({
      provider,
      model: G3,
      tools: [echo],
      search: true,
      logger,
      hooks: { onEvent: (e) => events.push(e) },
    });
    expect(agent.searchStrategy).toBe("combined");
    const result = await agent.run("news?");
    expect(sentBody(emulator, 0)).toEqual({
      contents: [{ role: "user", parts: [{ text: "news?" }] }],
      tools: [{ googleSearch: {} }, { functionDeclarations: [echo.declaration] }],
      toolConfig: { includeServerSideToolInvocations: true, functionCallingConfig: { mode: "VALIDATED" } },
    });
    expect(result.searchStrategy).toBe("combined");
    expect(events[0]).toMatchObject({ type: "run_start", searchStrategy: "combined" });
    expect(lines.find((l) => l.msg === "run start")).toMatchObject({
      runId: result.runId,
      searchStrategy: "combined",
    });
  });

  it.each(["kie", "kkiai", "aivideoapi"] as const)(
    "%s: never both tools in one request; search runs as a subcall whose usage counts",
    async (gateway) => {
      const { emulator, provider } = await emulated(
        [
          { functionCalls: [{ name: "google_search", args: { query: "Oslo weather today" } }] },
          { text: "Rain in Oslo.", groundingMetadata: grounding },
          { text: "It rains." },
        ],
        { gateway },
      );
      const result = await new Agent({ provider, model: G3, tools: [echo], search: "auto" }).run("Oslo?");
      expect(result.searchStrategy).toBe("subcall");
      const [main, sub, last] = [0, 1, 2].map((i) => sentBody(emulator, i));
      const searchDeclaration = expect.objectContaining({ name: "google_search" });
      expect(main!.tools).toEqual([{ functionDeclarations: [echo.declaration, searchDeclaration] }]);
      expect(main!.toolConfig).toBeUndefined();
      expect(sub!.contents).toEqual([{ role: "user", parts: [{ text: "Oslo weather today" }] }]);
      expect(sub!.tools).toEqual([{ googleSearch: {} }]);
      expect(last!.contents).toEqual([
        { role: "user", parts: [{ text: "Oslo?" }] },
        { role: "model", parts: answeredParts(emulator, 0) },
        {
          role: "user",
          parts: [
            {
              functionResponse: {
                name: "google_search",
                response: {
                  answer: "Rain in Oslo.",
                  sources: [{ title: "yr.no", uri: "https://yr.no" }],
                  queries: ["oslo weather"],
                },
              },
            },
          ],
        },
      ]);
      for (const body of [main!, sub!, last!]) {
        const kinds = (body.tools ?? []).flatMap((t) => Object.keys(t));
        expect(kinds.includes("googleSearch") && kinds.includes("functionDeclarations")).toBe(false);
      }
      // Only the grounded sub-request used search tokens; they are in the run's usage.
      const searchTokens = answeredUsage(emulator, 1).toolUsePromptTokenCount;
      expect(searchTokens).toBeGreaterThan(0);
      expect(result.usage.toolUsePromptTokens).toBe(searchTokens);
    },
  );

  it.each([
    ["kie", G3],
    ["kkiai", G3],
    ["aivideoapi", G3],
    ["google", G25],
  ] as const)("%s %s: `combined` and `error` refuse up front, naming the way out", async (gateway, model) => {
    const { emulator, provider } = await emulated([], { gateway });
    expect(() => new Agent({ provider, model, tools: [echo], search: "combined" })).toThrow(
      SearchStrategyError,
    );
    expect(() => new Agent({ provider, model, tools: [echo], search: "error" })).toThrow(/subcall/);
    expect(emulator.requests).toHaveLength(0);
  });

  it("search without function tools is a plain grounded request", async () => {
    const { emulator, provider } = await emulated([{ text: "x", groundingMetadata: grounding }], {
      gateway: "kie",
    });
    const result = await new Agent({ provider, model: G3, search: true }).run("q");
    expect(sentBody(emulator, 0).tools).toEqual([{ googleSearch: {} }]);
    expect(result.searchStrategy).toBe("search_only");
  });
});
