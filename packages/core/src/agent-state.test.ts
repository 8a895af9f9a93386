// Approvals, crash/resume and structured output, end to end, with the state through JSON.
import type { Part } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Agent } from "./agent.js";
import { StructuredOutputError } from "./errors.js";
import { approve, parseRunState, type RunState, reject, serializeRunState } from "./run-state.js";
import { G3, scripted } from "./test-support/harness.js";
import { reply } from "./test-support/scripted-model.js";
import { testTool } from "./test-support/tools.js";

function counted() {
  const runs: Record<string, number> = {};
  const make = (name: string, needsApproval?: (args: { amount: number }) => boolean) =>
    testTool<{ amount: number }>({
      name,
      required: { amount: "number" },
      needsApproval,
      execute: ({ amount }) => {
        runs[name] = (runs[name] ?? 0) + 1;
        return { done: name, amount };
      },
    });
  return { runs, make };
}

const twoCalls: Part[] = [
  { functionCall: { name: "pay", args: { amount: 500 } }, thoughtSignature: "c2lnMQ==" },
  { functionCall: { name: "log", args: { amount: 1 } } },
];

describe("approvals", () => {
  it("pauses with the state, resumes after JSON in a new agent, and never re-runs the completed call", async () => {
    const { runs, make } = counted();
    const { model, provider } = await scripted([
      { chunks: [reply(twoCalls)] },
      { chunks: [reply([{ text: "paid" }])] },
    ]);
    const tools = () => [make("pay", (a) => a.amount > 100), make("log")];
    const paused = await new Agent({ provider, model: G3, tools: tools() }).run("pay 500");
    expect(paused.status).toBe("awaiting_approval");
    expect(paused.pendingApprovals).toEqual([
      { callId: `${paused.runId}:1:0`, name: "pay", args: { amount: 500 } },
    ]);
    expect(runs).toEqual({ log: 1 });
    expect(model.requests).toHaveLength(1);

    // Another process: the state only exists as JSON.
    const saved = JSON.stringify(paused.state);
    const state = parseRunState(saved);
    approve(state, paused.pendingApprovals[0]!.callId);
    const done = await new Agent({ provider, model: G3, tools: tools() }).run(
      JSON.parse(serializeRunState(state)),
    );
    expect(done.text).toBe("paid");
    expect(runs).toEqual({ log: 1, pay: 1 });
    expect(model.requests[1]!.body.contents.slice(1)).toEqual([
      { role: "model", parts: twoCalls },
      {
        role: "user",
        parts: [
          { functionResponse: { name: "pay", response: { done: "pay", amount: 500 } } },
          { functionResponse: { name: "log", response: { done: "log", amount: 1 } } },
        ],
      },
    ]);
    expect(done.steps[0]!.calls.map((c) => c.name)).toEqual(["pay", "log"]);
  });

  it("a rejection reaches the model as an error response", async () => {
    const { runs, make } = counted();
    const { model, provider } = await scripted([
      { chunks: [reply(twoCalls)] },
      { chunks: [reply([{ text: "not paid" }])] },
    ]);
    const agent = new Agent({ provider, model: G3, tools: [make("pay", () => true), make("log")] });
    const paused = await agent.run("pay");
    const state = reject(
      JSON.parse(JSON.stringify(paused.state)) as RunState,
      paused.pendingApprovals[0]!.callId,
      "Too expensive.",
    );
    const events: string[] = [];
    for await (const event of agent.stream(state)) {
      if (event.type === "tool_error") events.push(`${event.name}:${event.error.kind}`);
    }
    expect(events).toEqual(["pay:rejected"]);
    expect(runs).toEqual({ log: 1 });
    expect(model.requests[1]!.body.contents[2]!.parts[0]).toEqual({
      functionResponse: { name: "pay", response: { error: { kind: "rejected", message: "Too expensive." } } },
    });
  });

  it("resuming without a decision pauses again, sending nothing", async () => {
    const { make } = counted();
    const { model, provider } = await scripted([{ chunks: [reply(twoCalls)] }]);
    const agent = new Agent({ provider, model: G3, tools: [make("pay", () => true), make("log")] });
    const paused = await agent.run("pay");
    const again = await agent.run(JSON.parse(JSON.stringify(paused)));
    expect(again.status).toBe("awaiting_approval");
    expect(model.requests).toHaveLength(1);
  });
});

describe("crash and resume", () => {
  it("a crash between steps resumes without running any tool again", async () => {
    const { runs, make } = counted();
    const { model, provider } = await scripted([
      { chunks: [reply(twoCalls)] },
      { chunks: [reply([{ text: "ok" }])] },
    ]);
    let saved = "";
    let crash = true;
    const agent = new Agent({
      provider,
      model: G3,
      tools: [make("pay"), make("log")],
      hooks: {
        onCheckpoint: (state) => {
          saved = serializeRunState(state);
        },
        beforeModelCall: ({ step }) => {
          if (step === 2 && crash) throw new Error("process killed");
        },
      },
    });
    await expect(agent.run("go")).rejects.toThrow("process killed");
    expect(runs).toEqual({ pay: 1, log: 1 });
    crash = false;
    const result = await agent.run(parseRunState(saved));
    expect(result.text).toBe("ok");
    expect(runs).toEqual({ pay: 1, log: 1 });
    expect(model.requests[1]!.body.contents[2]!.parts).toHaveLength(2);
  });

  it("a crash mid-step re-runs only the call whose result was not saved", async () => {
    const { runs, make } = counted();
    const { model, provider } = await scripted([
      { chunks: [reply(twoCalls)] },
      { chunks: [reply([{ text: "ok" }])] },
    ]);
    let saved = "";
    let crash = true;
    const agent = new Agent({
      provider,
      model: G3,
      tools: [make("pay"), make("log")],
      toolConcurrency: 1,
      hooks: {
        onCheckpoint: (state) => {
          saved = serializeRunState(state);
        },
        afterToolCall: ({ name }) => {
          if (name === "log" && crash) throw new Error("process killed");
        },
      },
    });
    await expect(agent.run("go")).rejects.toThrow("process killed");
    crash = false;
    const state = parseRunState(saved);
    expect(state.pending!.map((c) => c.outcome !== undefined)).toEqual([true, false]);
    await agent.run(state);
    expect(runs).toEqual({ pay: 1, log: 2 });
    expect(model.requests).toHaveLength(2);
  });
});

describe("structured output", () => {
  const Answer = z.object({ city: z.string(), tempC: z.number().int() });

  it("sets responseSchema/responseMimeType, re-asks once with the issues, returns the parsed value", async () => {
    const { model, provider } = await scripted([
      { chunks: [reply([{ text: '{"city":"Paris","tempC":"hot"}' }])] },
      { chunks: [reply([{ text: '{"city":"Paris","tempC":18}' }])] },
    ]);
    const agent = new Agent({ provider, model: G3, output: Answer });
    const result = await agent.run("weather as JSON");
    expect(model.requests[0]!.body.generationConfig).toEqual({
      responseMimeType: "application/json",
      responseSchema: {
        type: "OBJECT",
        properties: { city: { type: "STRING" }, tempC: { type: "INTEGER" } },
        required: ["city", "tempC"],
        propertyOrdering: ["city", "tempC"],
      },
    });
    const reask = model.requests[1]!.body.contents[2]!;
    expect(reask.role).toBe("user");
    expect((reask.parts[0] as { text: string }).text).toMatch(
      /^Your answer does not fit the required JSON schema:\n- tempC: /,
    );
    expect(result.output).toEqual({ city: "Paris", tempC: 18 });
    const typed: { city: string; tempC: number } | undefined = result.output;
    expect(typed?.city).toBe("Paris");
  });

  it("fails with StructuredOutputError after the re-ask", async () => {
    const { provider } = await scripted([
      { chunks: [reply([{ text: "nope" }])] },
      { chunks: [reply([{ text: "{}" }])] },
    ]);
    const error = await new Agent({ provider, model: G3, output: Answer }).run("x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).issues.map((i) => i.path)).toEqual([["city"], ["tempC"]]);
  });
});
