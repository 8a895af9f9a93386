// End to end: Agent -> real provider transport -> the strict @signet/testing emulator. The model
// turns (and their signatures) are the emulator's; each test asserts the exact request body Signet
// sent next: the model turn exactly as the emulator sent it, then the answers.
import type { Content, Part, UsageMetadata } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import type { AgentEvent } from "./events.js";
import type { RunResult } from "./run-result.js";
import {
  answeredParts,
  answeredUsage,
  emulated,
  G3,
  G25,
  request,
  sentBody,
} from "./test-support/emulated.js";
import { capturingLogger } from "./test-support/log-capture.js";
import { testTool } from "./test-support/tools.js";

const weather = testTool<{ city: string }>({
  name: "get_weather",
  required: { city: "string" },
  execute: ({ city }) => ({ city, tempC: city === "Paris" ? 18 : 25 }),
});
const decls = { functionDeclarations: [weather.declaration] };
const q = (text: string): Content => ({ role: "user", parts: [{ text }] });
const answer = (city: string, tempC: number, id?: string): Part => ({
  functionResponse: { ...(id ? { id } : {}), name: "get_weather", response: { city, tempC } },
});
const signed = { thoughtSignature: expect.any(String) };

function run(agent: Agent, mode: "run" | "stream", input: string, previous?: RunResult): Promise<RunResult> {
  const options = previous ? { previous } : {};
  return mode === "run" ? agent.run(input, options) : agent.stream(input, options).result;
}

function sum(...usages: UsageMetadata[]) {
  const total = (key: keyof UsageMetadata) => usages.reduce((n, u) => n + ((u[key] as number) ?? 0), 0);
  return {
    promptTokens: total("promptTokenCount"),
    candidatesTokens: total("candidatesTokenCount"),
    thoughtsTokens: total("thoughtsTokenCount"),
    toolUsePromptTokens: total("toolUsePromptTokenCount"),
    cachedContentTokens: total("cachedContentTokenCount"),
    totalTokens: total("totalTokenCount"),
  };
}

describe("the loop sends every part back exactly as received", () => {
  it("one call: the signed call, its functionResponse, the answer; exact bodies and summed usage", async () => {
    const { emulator, provider } = await emulated([
      { functionCalls: [{ name: "get_weather", args: { city: "Paris" } }] },
      { text: "It is 18°C in Paris." },
    ]);
    const agent = new Agent({ provider, model: G3, instructions: "Be brief.", tools: [weather] });
    const result = await agent.run("Weather in Paris?");

    const system = { role: "user", parts: [{ text: "Be brief." }] };
    expect(emulator.requests.map((r) => r.url)).toEqual([
      `/v1beta/models/${G3}:generateContent`,
      `/v1beta/models/${G3}:generateContent`,
    ]);
    expect(sentBody(emulator, 0)).toEqual({
      contents: [q("Weather in Paris?")],
      systemInstruction: system,
      tools: [decls],
    });
    const call = answeredParts(emulator, 0);
    expect(call).toEqual([{ functionCall: { name: "get_weather", args: { city: "Paris" } }, ...signed }]);
    expect(sentBody(emulator, 1)).toEqual({
      contents: [
        q("Weather in Paris?"),
        { role: "model", parts: call },
        { role: "user", parts: [answer("Paris", 18)] },
      ],
      systemInstruction: system,
      tools: [decls],
    });
    expect(result.status).toBe("completed");
    expect(result.text).toBe("It is 18°C in Paris.");
    expect(result.contents).toEqual([
      ...sentBody(emulator, 1).contents,
      { role: "model", parts: answeredParts(emulator, 1) },
    ]);
    expect(result.usage).toEqual(sum(answeredUsage(emulator, 0), answeredUsage(emulator, 1)));
    expect(result.usage.thoughtsTokens).toBeGreaterThan(0);
    expect(result.steps.map((s) => [s.step, s.kind, s.calls.length, s.attempts])).toEqual([
      [1, "tool_calls", 1, 1],
      [2, "answer", 0, 1],
    ]);
    expect(result.steps[0]!.calls[0]).toMatchObject({
      name: "get_weather",
      args: { city: "Paris" },
      ok: true,
      result: { city: "Paris", tempC: 18 },
    });
    expect(result.searchStrategy).toBe("none");
  });

  it.each(["run", "stream"] as const)(
    "%s: parallel calls, only the first signed, order and model ids kept, all answered in one user turn",
    async (mode) => {
      const { emulator, provider } = await emulated([
        {
          functionCalls: [
            { id: "srv-a", name: "get_weather", args: { city: "Paris" } },
            { id: "srv-b", name: "get_weather", args: { city: "Rome" } },
            { name: "get_weather", args: { city: "Oslo" } },
          ],
        },
        { text: "done" },
      ]);
      const result = await run(new Agent({ provider, model: G3, tools: [weather] }), mode, "three cities");
      const turn = answeredParts(emulator, 0);
      const calls = turn.filter((p) => p.functionCall !== undefined);
      expect(calls.map((p) => [p.functionCall.id, p.thoughtSignature !== undefined])).toEqual([
        ["srv-a", true],
        ["srv-b", false],
        [undefined, false],
      ]);
      // A Gemini 3 stream of calls ends with an unsigned empty-text chunk: kept like any part.
      if (mode === "stream") expect(turn.at(-1)).toEqual({ text: "" });
      expect(sentBody(emulator, 1).contents).toEqual([
        q("three cities"),
        { role: "model", parts: turn },
        {
          role: "user",
          parts: [answer("Paris", 18, "srv-a"), answer("Rome", 25, "srv-b"), answer("Oslo", 25)],
        },
      ]);
      expect(result.steps[0]!.calls.map((c) => c.callId)).toEqual(["srv-a", "srv-b", `${result.runId}:1:2`]);
    },
  );

  it.each(["run", "stream"] as const)(
    "%s: sequential steps, each step's first call signed and sent back on it",
    async (mode) => {
      const { emulator, provider } = await emulated([
        { functionCalls: [{ name: "get_weather", args: { city: "Paris" } }] },
        { functionCalls: [{ name: "get_weather", args: { city: "Rome" } }] },
        { text: "Paris 18, Rome 25" },
      ]);
      const result = await run(new Agent({ provider, model: G3, tools: [weather] }), mode, "compare");
      const step1 = answeredParts(emulator, 0);
      const step2 = answeredParts(emulator, 1);
      for (const turn of [step1, step2]) expect(turn[0]).toMatchObject(signed);
      const r1 = { role: "user", parts: [answer("Paris", 18)] };
      const r2 = { role: "user", parts: [answer("Rome", 25)] };
      expect([0, 1, 2].map((i) => sentBody(emulator, i).contents)).toEqual([
        [q("compare")],
        [q("compare"), { role: "model", parts: step1 }, r1],
        [q("compare"), { role: "model", parts: step1 }, r1, { role: "model", parts: step2 }, r2],
      ]);
      expect(result.text).toBe("Paris 18, Rome 25");
      expect(result.contents.at(-1)).toEqual({ role: "model", parts: answeredParts(emulator, 2) });
    },
  );

  it("a Gemini 3 stream whose signature arrives on an empty-text last chunk: the next request carries it", async () => {
    const { emulator, provider } = await emulated([
      { text: "Paris is sunny today, around eighteen degrees." },
      { text: "You are welcome." },
    ]);
    const agent = new Agent({ provider, model: G3 });
    const first = await agent.stream("Weather in Paris?").result;
    const chunks = request(emulator, 0).responses as { candidates: { content: { parts: Part[] } }[] }[];
    // The signature rides alone on the last chunk, on an empty text part.
    expect(chunks.at(-1)!.candidates[0]!.content.parts).toEqual([{ text: "", ...signed }]);
    expect(first.text).toBe("Paris is sunny today, around eighteen degrees.");
    await agent.stream("Thanks!", { previous: first }).result;
    expect(sentBody(emulator, 1).contents).toEqual([
      q("Weather in Paris?"),
      { role: "model", parts: answeredParts(emulator, 0) },
      q("Thanks!"),
    ]);
    expect(sentBody(emulator, 1).contents[1]!.parts.at(-1)).toEqual({ text: "", ...signed });
  });

  it("thought parts and signed text answers are sent back in a multi-turn chat", async () => {
    const { emulator, provider } = await emulated([
      { text: "Hi!", thought: "**Planning** a greeting" },
      { text: "Again hi" },
    ]);
    const generationConfig = { thinkingConfig: { includeThoughts: true } };
    const agent = new Agent({ provider, model: G25, generationConfig });
    const one = await agent.run("hello");
    expect(one.text).toBe("Hi!");
    const first = answeredParts(emulator, 0);
    expect(first).toEqual([
      { text: "**Planning** a greeting", thought: true },
      { text: "Hi!", ...signed },
    ]);
    const two = await agent.run("and again", { previous: one });
    expect(sentBody(emulator, 1)).toEqual({
      contents: [q("hello"), { role: "model", parts: first }, q("and again")],
      generationConfig,
    });
    expect(two.contents).toEqual([
      ...sentBody(emulator, 1).contents,
      { role: "model", parts: answeredParts(emulator, 1) },
    ]);
  });

  it("accepts text with inline bytes, base64 and file URIs, snake_case too", async () => {
    const { emulator, provider } = await emulated([{ text: "a cat" }]);
    await new Agent({ provider, model: G25 }).run([
      { text: "What is this?" },
      { bytes: new Uint8Array([1, 2, 3]), mimeType: "image/png" },
      { base64: "AAEC", mimeType: "image/jpeg" },
      { fileUri: "https://example.com/f.pdf", mimeType: "application/pdf" },
      { inline_data: { mime_type: "image/webp", data: "BAUG" } },
    ]);
    expect(sentBody(emulator, 0).contents).toEqual([
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

  it("run() emits the same events as stream(), in the same order", async () => {
    const script = () => [
      { text: "Checking.", functionCalls: [{ name: "get_weather", args: { city: "Rome" } }] },
      { text: "25", thought: "Reading the result" },
    ];
    const generationConfig = { thinkingConfig: { includeThoughts: true } };
    const kinds = (events: AgentEvent[]) =>
      events.map((e) =>
        e.type === "text_delta" || e.type === "thought_delta" ? `${e.type}:${e.text}` : e.type,
      );

    const a = await emulated(script());
    const runEvents: AgentEvent[] = [];
    await new Agent({
      provider: a.provider,
      model: G25,
      tools: [weather],
      generationConfig,
      hooks: { onEvent: (e) => runEvents.push(e) },
    }).run("Rome?");
    const b = await emulated(script());
    const streamEvents: AgentEvent[] = [];
    for await (const e of new Agent({
      provider: b.provider,
      model: G25,
      tools: [weather],
      generationConfig,
    }).stream("Rome?"))
      streamEvents.push(e);

    const expected = [
      "run_start",
      "step_start",
      "text_delta:Checking.",
      "tool_call",
      "tool_result",
      "step_finish",
      "step_start",
      "thought_delta:Reading the result",
      "text_delta:25",
      "step_finish",
      "run_finish",
    ];
    expect(kinds(runEvents)).toEqual(expected);
    expect(kinds(streamEvents)).toEqual(expected);
  });
});

describe("hooks and logging", () => {
  it("calls hooks around model and tool calls, and logs through a child logger carrying the run id", async () => {
    const { logger, lines } = capturingLogger("debug");
    const toolLogs: string[] = [];
    const loud = testTool<{ city: string }>({
      name: "get_weather",
      required: { city: "string" },
      execute: ({ city }, ctx) => {
        ctx.logger.info({ city }, "fetching");
        toolLogs.push(ctx.callId);
        return { city, tempC: 25 };
      },
    });
    const { provider } = await emulated([
      { functionCalls: [{ name: "get_weather", args: { city: "Rome" } }] },
      { text: "25" },
    ]);
    const seen: string[] = [];
    const result = await new Agent({
      provider,
      model: G3,
      tools: [loud],
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
    expect(mine.map((l) => l.msg)).toEqual([
      "run start",
      "model call",
      "fetching",
      "model call",
      "run finish",
    ]);
    expect(mine.find((l) => l.msg === "run start")).toMatchObject({ searchStrategy: "none", model: G3 });
    // The tool's logger is a child of the run's: run id, tool name and call id on every line.
    expect(mine.find((l) => l.msg === "fetching")).toMatchObject({
      tool: "get_weather",
      callId: toolLogs[0],
      city: "Rome",
    });
  });
});
