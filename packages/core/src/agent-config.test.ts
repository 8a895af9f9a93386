// What a user can get wrong when building an agent: each is a typed error naming the fix, raised
// at construction (no I/O); and what is fixed once per agent: declarations and the request base.
import { createProvider, type Provider } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Agent } from "./agent.js";
import { buildAgentConfig } from "./agent-config.js";
import { InvalidInputError, SearchStrategyError } from "./errors.js";
import { testTool } from "./test-support/tools.js";

const provider = createProvider({ gateway: "google", apiKey: "k", baseUrl: "http://127.0.0.1:9" });
const echo = testTool({ name: "echo", execute: () => "x" });

describe("agent options", () => {
  it.each([
    [
      { provider: undefined as unknown as Provider, model: "gemini-2.5-flash" },
      /needs a provider: new Agent\(\{ provider: createProvider/,
    ],
    [{ provider, model: "" }, /needs a model name, e\.g\./],
    [{ provider, model: "gemini-2.5-flash", tools: [echo, echo] }, /Two tools are named "echo".*rename one/],
    [{ provider, model: "gemini-2.5-flash", maxSteps: 0 }, /maxSteps must be a positive integer \(got 0\)/],
    [
      { provider, model: "gemini-2.5-flash", toolConcurrency: 1.5 },
      /toolConcurrency must be a positive integer/,
    ],
    [{ provider, model: "gemini-2.5-flash", toolTimeoutMs: -1 }, /toolTimeoutMs must be a positive integer/],
    [{ provider, model: "gemini-2.5-flash", maxReasks: -1 }, /maxReasks must be an integer >= 0/],
  ])("refuses %#", (options, message) => {
    expect(() => new Agent(options)).toThrow(InvalidInputError);
    expect(() => new Agent(options)).toThrow(message);
  });

  it("refuses a user tool named like the subcall search tool", () => {
    const clash = testTool({ name: "google_search", execute: () => "x" });
    const kie = createProvider({ gateway: "kie", apiKey: "k" });
    expect(
      () => new Agent({ provider: kie, model: "gemini-2.5-flash", tools: [clash], search: "subcall" }),
    ).toThrow(SearchStrategyError);
  });

  it("builds the request base once: system instruction, declarations, and the output schema's config", () => {
    const config = buildAgentConfig({
      provider,
      model: "gemini-2.5-flash",
      instructions: "Be brief.",
      tools: [echo],
      generationConfig: { temperature: 0.2 },
      output: z.object({ city: z.string() }),
    });
    expect(config.base).toEqual({
      systemInstruction: { role: "user", parts: [{ text: "Be brief." }] },
      tools: [{ functionDeclarations: [echo.declaration] }],
      generationConfig: {
        temperature: 0.2,
        responseMimeType: "application/json",
        responseSchema: {
          type: "OBJECT",
          properties: { city: { type: "STRING" } },
          required: ["city"],
          propertyOrdering: ["city"],
        },
      },
    });
  });

  it("refuses a bad stream highWaterMark with a typed error", () => {
    const agent = new Agent({ provider, model: "gemini-2.5-flash" });
    expect(() => agent.stream("x", { highWaterMark: 0 })).toThrow(InvalidInputError);
  });
});
