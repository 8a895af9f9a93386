// Invariant 3 (search beside function tools, per gateway) and invariant 8 (events as chunks arrive).
import type { Part } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import { SearchStrategyError } from "./errors.js";
import type { AgentEvent } from "./events.js";
import { G3, G25, scripted } from "./test-support/harness.js";
import { reply } from "./test-support/scripted-model.js";
import { deferred, testTool } from "./test-support/tools.js";

const echo = testTool<{ q: string }>({
  name: "echo",
  required: { q: "string" },
  execute: ({ q }) => ({ echoed: q }),
});

describe("search strategy", () => {
  it("google + Gemini 3: combined in one request, reported in result and events", async () => {
    const { model, provider } = await scripted([{ chunks: [reply([{ text: "grounded" }])] }]);
    const events: AgentEvent[] = [];
    const agent = new Agent({
      provider,
      model: G3,
      tools: [echo],
      search: true,
      hooks: { onEvent: (e) => events.push(e) },
    });
    const result = await agent.run("news?");
    expect(model.requests[0]!.body).toEqual({
      contents: [{ role: "user", parts: [{ text: "news?" }] }],
      tools: [{ googleSearch: {} }, { functionDeclarations: [echo.declaration] }],
      toolConfig: { includeServerSideToolInvocations: true, functionCallingConfig: { mode: "VALIDATED" } },
    });
    expect(result.searchStrategy).toBe("combined");
    expect(events[0]).toMatchObject({ type: "run_start", searchStrategy: "combined" });
  });

  it.each(["kie", "kkiai", "aivideoapi"] as const)(
    "%s: never both tools in one request; search runs as a subcall",
    async (gateway) => {
      const grounded = reply([{ text: "Rain in Oslo." }], {
        usage: {
          promptTokenCount: 7,
          candidatesTokenCount: 3,
          toolUsePromptTokenCount: 50,
          totalTokenCount: 60,
        },
      });
      (grounded.candidates![0] as { groundingMetadata?: unknown }).groundingMetadata = {
        webSearchQueries: ["oslo weather"],
        groundingChunks: [{ web: { uri: "https://yr.no", title: "yr.no" } }],
      };
      const { model, provider } = await scripted(
        [
          {
            chunks: [
              reply([
                {
                  functionCall: { name: "google_search", args: { query: "Oslo weather today" } },
                  thoughtSignature: "c2ln",
                },
              ]),
            ],
          },
          { chunks: [grounded] },
          { chunks: [reply([{ text: "It rains." }])] },
        ],
        gateway,
      );
      const result = await new Agent({ provider, model: G3, tools: [echo], search: "auto" }).run("Oslo?");
      expect(result.searchStrategy).toBe("subcall");
      const [main, sub, last] = model.requests.map((r) => r.body);
      expect(main!.tools).toEqual([
        { functionDeclarations: [echo.declaration, expect.objectContaining({ name: "google_search" })] },
      ]);
      expect(main!.toolConfig).toBeUndefined();
      expect(sub!.contents).toEqual([{ role: "user", parts: [{ text: "Oslo weather today" }] }]);
      expect(sub!.tools).toEqual([{ googleSearch: {} }]);
      expect(last!.contents[2]!.parts).toEqual([
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
      ]);
      for (const body of [main!, sub!, last!]) {
        const kinds = (body.tools ?? []).flatMap((t) => Object.keys(t));
        expect(kinds.includes("googleSearch") && kinds.includes("functionDeclarations")).toBe(false);
      }
      expect(result.usage.toolUsePromptTokens).toBe(50);
    },
  );

  it.each([
    ["kie", G3],
    ["kkiai", G3],
    ["aivideoapi", G3],
    ["google", G25],
  ] as const)(
    "%s %s: `combined` and `error` refuse up front, naming the way out",
    async (gateway, modelName) => {
      const { model, provider } = await scripted([], gateway);
      expect(() => new Agent({ provider, model: modelName, tools: [echo], search: "combined" })).toThrow(
        SearchStrategyError,
      );
      expect(() => new Agent({ provider, model: modelName, tools: [echo], search: "error" })).toThrow(
        /subcall/,
      );
      expect(model.requests).toHaveLength(0);
    },
  );

  it("search without function tools is a plain grounded request", async () => {
    const { model, provider } = await scripted([{ chunks: [reply([{ text: "x" }])] }], "kie");
    const result = await new Agent({ provider, model: G3, search: true }).run("q");
    expect(model.requests[0]!.body.tools).toEqual([{ googleSearch: {} }]);
    expect(result.searchStrategy).toBe("search_only");
  });
});

describe("streaming is streaming", () => {
  it("text deltas and tool calls reach the consumer while the response is still open", async () => {
    const held = [deferred(), deferred()];
    const call: Part = {
      functionCall: { name: "echo", args: { q: "hi" } },
      thoughtSignature: "c2lnbmF0dXJl",
    };
    const { model, provider } = await scripted([
      {
        chunks: [
          reply([{ text: "Let me check." }], { finishReason: undefined }),
          reply([call], { finishReason: undefined }),
          reply([{ text: "" }]),
        ],
        beforeChunk: (i) => (i === 0 ? Promise.resolve() : held[i - 1]!.promise),
      },
      {
        chunks: [
          reply([{ text: "Done" }], { finishReason: undefined }),
          reply([{ text: "", thoughtSignature: "bGFzdA==" }]),
        ],
      },
    ]);
    const stream = new Agent({ provider, model: G3, tools: [echo] }).stream("go");
    const order: string[] = [];
    for await (const event of stream) {
      order.push(event.type === "text_delta" ? `text:${event.text}` : event.type);
      // Each release happens only after the event from the previous chunk arrived: if events waited
      // for the end of the response, this loop would deadlock instead.
      if (event.type === "text_delta" && event.text === "Let me check.") held[0]!.resolve();
      if (event.type === "tool_call") {
        expect(event).toMatchObject({ name: "echo", args: { q: "hi" }, step: 1 });
        held[1]!.resolve();
      }
    }
    expect(order).toEqual([
      "run_start",
      "step_start",
      "text:Let me check.",
      "tool_call",
      "tool_result",
      "step_finish",
      "step_start",
      "text:Done",
      "step_finish",
      "run_finish",
    ]);
    const result = await stream.result;
    // The streamed model turns are stored part by part as received, the empty STOP carrier included.
    expect(model.requests[1]!.body.contents[1]).toEqual({
      role: "model",
      parts: [{ text: "Let me check." }, call, { text: "" }],
    });
    expect(result.contents.at(-1)).toEqual({
      role: "model",
      parts: [{ text: "Done" }, { text: "", thoughtSignature: "bGFzdA==" }],
    });
    expect(model.requests[0]!.url).toContain(":streamGenerateContent");
  });
});
