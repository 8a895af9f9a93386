// Invariant 8: events reach the consumer as chunks arrive, and a slow consumer slows the run down
// instead of piling events up.
import { chunkGate } from "@signet/testing";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import { answeredParts, emulated, G3, request, sentBody } from "./test-support/emulated.js";
import { deferred, testTool } from "./test-support/tools.js";

const echo = testTool<{ q: string }>({
  name: "echo",
  required: { q: "string" },
  execute: ({ q }) => ({ echoed: q }),
});

describe("streaming is streaming", () => {
  it("text deltas and tool calls reach the consumer while the response is still open", async () => {
    // The emulator writes each next chunk only after the consumer received the event of the
    // previous one: if events waited for the end of the response, this test would deadlock instead.
    const gate = chunkGate({ pass: 1 });
    const { emulator, provider } = await emulated([
      {
        text: "Let me check.",
        functionCalls: [{ name: "echo", args: { q: "hi" } }],
        beforeChunk: gate.beforeChunk,
      },
      { text: "Done" },
    ]);
    const stream = new Agent({ provider, model: G3, tools: [echo] }).stream("go");
    const order: string[] = [];
    for await (const event of stream) {
      order.push(event.type === "text_delta" ? `text:${event.text}` : event.type);
      if (event.type === "text_delta" && event.text === "Let me check.") gate.release();
      if (event.type === "tool_call") {
        expect(event).toMatchObject({ name: "echo", args: { q: "hi" }, step: 1 });
        gate.release();
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
    // Three chunks (the text, the signed call, Gemini 3's empty STOP chunk): both releases were needed.
    expect(request(emulator, 0).responses).toHaveLength(3);
    const result = await stream.result;
    // The streamed turns are stored part by part as received, the empty STOP chunk's part included.
    const turn = { role: "model", parts: answeredParts(emulator, 0) };
    expect(turn.parts).toEqual([
      { text: "Let me check." },
      { functionCall: { name: "echo", args: { q: "hi" } }, thoughtSignature: expect.any(String) },
      { text: "" },
    ]);
    const response = {
      role: "user",
      parts: [{ functionResponse: { name: "echo", response: { echoed: "hi" } } }],
    };
    const question = { role: "user", parts: [{ text: "go" }] };
    expect([sentBody(emulator, 0), sentBody(emulator, 1)]).toEqual([
      { contents: [question], tools: [{ functionDeclarations: [echo.declaration] }] },
      { contents: [question, turn, response], tools: [{ functionDeclarations: [echo.declaration] }] },
    ]);
    expect(result.contents).toEqual([
      question,
      turn,
      response,
      { role: "model", parts: answeredParts(emulator, 1) },
    ]);
  });

  it("against a slow emulator stream: every delta arrives while the response is still being written", async () => {
    const words = ["One ", "two ", "three ", "four ", "five ", "six."];
    const { emulator, provider } = await emulated([{ parts: words.map((text) => ({ text })) }], {
      emulator: { chunkDelayMs: 100 },
    });
    const open: boolean[] = [];
    const texts: string[] = [];
    for await (const event of new Agent({ provider, model: G3 }).stream("count")) {
      if (event.type !== "text_delta") continue;
      texts.push(event.text);
      // The emulator logs a request once it arrives and marks it done after its last chunk.
      const entry = emulator.requests[0];
      open.push(entry === undefined || String(entry.outcome) === "in-flight");
    }
    expect(texts).toEqual(words);
    // After each delta but the last, at least one more chunk (100 ms away) was still to be written.
    expect(open.slice(0, -1)).toEqual(words.slice(0, -1).map(() => true));
    expect(request(emulator, 0).outcome).toBe("complete");
  });

  it("a slow consumer keeps the backlog at the high-water mark; every part still arrives as sent", async () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i} `);
    const { emulator, provider } = await emulated([{ parts: words.map((text) => ({ text })) }]);
    const mark = 8;
    let emitted = 0;
    let consumed = 0;
    let maxBacklog = 0;
    const behind = deferred();
    const agent = new Agent({
      provider,
      model: G3,
      hooks: {
        onEvent: () => {
          emitted++;
          maxBacklog = Math.max(maxBacklog, emitted - consumed);
          if (emitted - consumed >= mark) behind.resolve();
        },
      },
    });
    const stream = agent.stream("talk", { highWaterMark: mark });
    const texts: string[] = [];
    for await (const event of stream) {
      consumed++;
      if (event.type === "text_delta") texts.push(event.text);
      // Fall behind once by the whole mark, then stay slow: one event per turn of the event loop.
      if (consumed === 1) await behind.promise;
      else await new Promise((resolve) => setImmediate(resolve));
    }
    // At most the mark, plus the events of one chunk and the step's closing events.
    expect(maxBacklog).toBeGreaterThanOrEqual(mark);
    expect(maxBacklog).toBeLessThanOrEqual(mark + 3);
    expect(texts).toEqual(words);
    const result = await stream.result;
    expect(result.contents[1]).toEqual({ role: "model", parts: answeredParts(emulator, 0) });
    expect(result.text).toBe(words.join(""));
  });
});
