// End to end: Agent -> real provider transport -> scripted model on loopback. Each test asserts the
// exact request body of every turn.

import { Writable } from "node:stream";
import type { Content, Part } from "@signet/provider";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import { G3, G25, scripted } from "./test-support/harness.js";
import { reply } from "./test-support/scripted-model.js";
import { testTool } from "./test-support/tools.js";

const weather = testTool<{ city: string }>({
  name: "get_weather",
  required: { city: "string" },
  execute: ({ city }) => ({ city, tempC: city === "Paris" ? 18 : 25 }),
});
const decls = { functionDeclarations: [weather.declaration] };
const q = (text: string): Content => ({ role: "user", parts: [{ text }] });

describe("the loop sends every part back exactly as received", () => {
  it("one call: signed call, functionResponse, final answer; exact bodies and summed usage", async () => {
    const call: Part = {
      functionCall: { name: "get_weather", args: { city: "Paris" } },
      thoughtSignature: "c2lnLW9uZQ==",
    };
    const answer: Part[] = [{ text: "It is 18°C in Paris." }];
    const { model, provider } = await scripted([
      {
        chunks: [
          reply([call], {
            usage: {
              promptTokenCount: 20,
              candidatesTokenCount: 4,
              thoughtsTokenCount: 30,
              totalTokenCount: 54,
            },
          }),
        ],
      },
      {
        chunks: [
          reply(answer, { usage: { promptTokenCount: 40, candidatesTokenCount: 8, totalTokenCount: 48 } }),
        ],
      },
    ]);
    const agent = new Agent({ provider, model: G3, instructions: "Be brief.", tools: [weather] });
    const result = await agent.run("Weather in Paris?");

    const system = { role: "user", parts: [{ text: "Be brief." }] };
    expect(model.requests.map((r) => r.url)).toEqual([
      `/v1beta/models/${G3}:generateContent`,
      `/v1beta/models/${G3}:generateContent`,
    ]);
    expect(model.requests[0]!.body).toEqual({
      contents: [q("Weather in Paris?")],
      systemInstruction: system,
      tools: [decls],
    });
    expect(model.requests[1]!.body).toEqual({
      contents: [
        q("Weather in Paris?"),
        { role: "model", parts: [call] },
        {
          role: "user",
          parts: [{ functionResponse: { name: "get_weather", response: { city: "Paris", tempC: 18 } } }],
        },
      ],
      systemInstruction: system,
      tools: [decls],
    });
    expect(result.status).toBe("completed");
    expect(result.text).toBe("It is 18°C in Paris.");
    expect(result.contents).toEqual([...model.requests[1]!.body.contents, { role: "model", parts: answer }]);
    expect(result.usage).toEqual({
      promptTokens: 60,
      candidatesTokens: 12,
      thoughtsTokens: 30,
      toolUsePromptTokens: 0,
      cachedContentTokens: 0,
      totalTokens: 102,
    });
    expect(result.steps.map((s) => [s.step, s.kind, s.calls.length])).toEqual([
      [1, "tool_calls", 1],
      [2, "answer", 0],
    ]);
    expect(result.steps[0]!.calls[0]).toMatchObject({
      name: "get_weather",
      args: { city: "Paris" },
      ok: true,
      result: { city: "Paris", tempC: 18 },
    });
    expect(result.searchStrategy).toBe("none");
  });

  it("parallel calls: only the first signed, order and model ids kept, all answered in one user turn", async () => {
    const parts: Part[] = [
      {
        functionCall: { id: "srv-a", name: "get_weather", args: { city: "Paris" } },
        thoughtSignature: "Zmlyc3Q=",
      },
      { functionCall: { id: "srv-b", name: "get_weather", args: { city: "Rome" } } },
      { functionCall: { name: "get_weather", args: { city: "Oslo" } } },
    ];
    const { model, provider } = await scripted([
      { chunks: [reply(parts)] },
      { chunks: [reply([{ text: "done" }])] },
    ]);
    const result = await new Agent({ provider, model: G3, tools: [weather] }).run("three cities");
    expect(model.requests[1]!.body.contents).toEqual([
      q("three cities"),
      { role: "model", parts },
      {
        role: "user",
        parts: [
          { functionResponse: { id: "srv-a", name: "get_weather", response: { city: "Paris", tempC: 18 } } },
          { functionResponse: { id: "srv-b", name: "get_weather", response: { city: "Rome", tempC: 25 } } },
          { functionResponse: { name: "get_weather", response: { city: "Oslo", tempC: 25 } } },
        ],
      },
    ]);
    expect(result.steps[0]!.calls.map((c) => c.callId)).toEqual(["srv-a", "srv-b", `${result.runId}:1:2`]);
  });

  it("sequential steps: each step's first call signed, history grows by reference", async () => {
    const step1: Part[] = [
      { text: "", thoughtSignature: "c3RlcDE=" },
      { functionCall: { name: "get_weather", args: { city: "Paris" } }, thoughtSignature: "Y2FsbDE=" },
    ];
    const step2: Part[] = [
      { functionCall: { name: "get_weather", args: { city: "Rome" } }, thoughtSignature: "Y2FsbDI=" },
    ];
    const { model, provider } = await scripted([
      { chunks: [reply(step1)] },
      { chunks: [reply(step2)] },
      { chunks: [reply([{ text: "Paris 18, Rome 25" }, { text: "", thoughtSignature: "ZW5k" }])] },
    ]);
    const result = await new Agent({ provider, model: G3, tools: [weather] }).run("compare");
    const r1 = {
      role: "user",
      parts: [{ functionResponse: { name: "get_weather", response: { city: "Paris", tempC: 18 } } }],
    };
    const r2 = {
      role: "user",
      parts: [{ functionResponse: { name: "get_weather", response: { city: "Rome", tempC: 25 } } }],
    };
    expect(model.requests.map((r) => r.body.contents)).toEqual([
      [q("compare")],
      [q("compare"), { role: "model", parts: step1 }, r1],
      [q("compare"), { role: "model", parts: step1 }, r1, { role: "model", parts: step2 }, r2],
    ]);
    expect(result.text).toBe("Paris 18, Rome 25");
    // The signed empty-text carrier of the answer is kept for the next turn.
    expect(result.contents.at(-1)!.parts).toEqual([
      { text: "Paris 18, Rome 25" },
      { text: "", thoughtSignature: "ZW5k" },
    ]);
  });

  it("thought parts and signed text answers are sent back in a multi-turn chat", async () => {
    const first: Part[] = [
      { text: "**Planning**", thought: true },
      { text: "Hi!", thoughtSignature: "dGV4dA==" },
    ];
    const { model, provider } = await scripted([
      { chunks: [reply(first)] },
      { chunks: [reply([{ text: "Again hi" }])] },
    ]);
    const agent = new Agent({
      provider,
      model: G25,
      generationConfig: { thinkingConfig: { includeThoughts: true } },
    });
    const one = await agent.run("hello");
    expect(one.text).toBe("Hi!");
    const two = await agent.run("and again", { previous: one });
    expect(model.requests[1]!.body).toEqual({
      contents: [q("hello"), { role: "model", parts: first }, q("and again")],
      generationConfig: { thinkingConfig: { includeThoughts: true } },
    });
    expect(two.contents).toHaveLength(4);
  });

  it("accepts text with inline bytes, base64 and file URIs, snake_case too", async () => {
    const { model, provider } = await scripted([{ chunks: [reply([{ text: "a cat" }])] }]);
    await new Agent({ provider, model: G25 }).run([
      { text: "What is this?" },
      { bytes: new Uint8Array([1, 2, 3]), mimeType: "image/png" },
      { base64: "AAEC", mimeType: "image/jpeg" },
      { fileUri: "https://example.com/f.pdf", mimeType: "application/pdf" },
      { inline_data: { mime_type: "image/webp", data: "BAUG" } },
    ]);
    expect(model.requests[0]!.body.contents).toEqual([
      {
        role: "user",
        parts: [
          { text: "What is this?" },
          { inlineData: { mimeType: "image/png", data: "AQID" } },
          { inlineData: { mimeType: "image/jpeg", data: "AAEC" } },
          { fileData: { fileUri: "https://example.com/f.pdf", mimeType: "application/pdf" } },
          { inlineData: { mimeType: "image/webp", data: "BAUG" } },
        ],
      },
    ]);
  });
});

describe("hooks and logging", () => {
  it("calls hooks around model and tool calls, and logs through a child logger carrying the run id", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = pino({ level: "debug" }, sink);
    const call: Part = {
      functionCall: { name: "get_weather", args: { city: "Rome" } },
      thoughtSignature: "c2ln",
    };
    const { provider } = await scripted([{ chunks: [reply([call])] }, { chunks: [reply([{ text: "25" }])] }]);
    const seen: string[] = [];
    const result = await new Agent({
      provider,
      model: G3,
      tools: [weather],
      logger,
      hooks: {
        beforeModelCall: ({ step, request }) => {
          seen.push(`model>${step}:${request.contents.length}`);
        },
        afterModelCall: ({ step, turn }) => {
          seen.push(`model<${step}:${turn.finishReason}`);
        },
        beforeToolCall: ({ name, args }) => {
          seen.push(`tool>${name}:${JSON.stringify(args)}`);
        },
        afterToolCall: ({ name, outcome }) => {
          seen.push(`tool<${name}:${outcome.ok}`);
        },
      },
    }).run("Rome?");
    expect(seen).toEqual([
      "model>1:1",
      "model<1:STOP",
      'tool>get_weather:{"city":"Rome"}',
      "tool<get_weather:true",
      "model>2:3",
      "model<2:STOP",
    ]);
    const mine = lines.filter((l) => l.runId === result.runId);
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(["run start", "model call", "run finish"]));
    expect(mine.find((l) => l.msg === "run start")).toMatchObject({ searchStrategy: "none", model: G3 });
  });
});
