// Approvals, crash/resume and structured output, end to end, with the state through JSON.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Agent } from "./agent.js";
import { StructuredOutputError } from "./errors.js";
import type { AgentEvent, ApprovalRequiredEvent } from "./events.js";
import type { RunResult } from "./run-result.js";
import { approve, parseRunState, type RunState, reject, serializeRunState } from "./run-state.js";
import { answeredParts, emulated, G3, sentBody } from "./test-support/emulated.js";
import { testTool } from "./test-support/tools.js";

function counted() {
  const runs: Record<string, number> = {};
  const make = (name: string, needsApproval?: boolean | ((args: { amount: number }) => boolean)) =>
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

const twoCalls = {
  functionCalls: [
    { name: "pay", args: { amount: 500 } },
    { name: "log", args: { amount: 1 } },
  ],
};

const bothAnswered = {
  role: "user",
  parts: [
    { functionResponse: { name: "pay", response: { done: "pay", amount: 500 } } },
    { functionResponse: { name: "log", response: { done: "log", amount: 1 } } },
  ],
};

describe("approvals", () => {
  it("pauses with the state, resumes after JSON in a new agent, and never re-runs the completed call", async () => {
    const { runs, make } = counted();
    const { emulator, provider } = await emulated([twoCalls, { text: "paid" }]);
    const tools = () => [make("pay", (a) => a.amount > 100), make("log")];
    const paused = await new Agent({ provider, model: G3, tools: tools() }).run("pay 500");
    expect(paused.status).toBe("awaiting_approval");
    expect(paused.pendingApprovals).toEqual([
      { callId: `${paused.runId}:1:0`, name: "pay", args: { amount: 500 } },
    ]);
    expect(runs).toEqual({ log: 1 });
    expect(emulator.requests).toHaveLength(1);

    // Another process: the state only exists as JSON.
    const saved = JSON.stringify(paused.state);
    const state = parseRunState(saved);
    approve(state, paused.pendingApprovals[0]!.callId);
    const done = await new Agent({ provider, model: G3, tools: tools() }).run(
      JSON.parse(serializeRunState(state)),
    );
    expect(done.text).toBe("paid");
    expect(runs).toEqual({ log: 1, pay: 1 });
    expect(sentBody(emulator, 1).contents.slice(1)).toEqual([
      { role: "model", parts: answeredParts(emulator, 0) },
      bothAnswered,
    ]);
    expect(done.steps[0]!.calls.map((c) => c.name)).toEqual(["pay", "log"]);
  });

  it.each(["run", "stream"] as const)(
    "%s: needsApproval: true pauses on every call, even a harmless one; approval_required names its id, name and args",
    async (mode) => {
      const { runs, make } = counted();
      const { emulator, provider } = await emulated([
        {
          functionCalls: [
            { id: "srv-pay", name: "pay", args: { amount: 1 } },
            { id: "srv-log", name: "log", args: { amount: 2 } },
          ],
        },
        { text: "paid" },
      ]);
      const events: AgentEvent[] = [];
      const agent = new Agent({
        provider,
        model: G3,
        tools: [make("pay", true), make("log")],
        ...(mode === "run" ? { hooks: { onEvent: (e: AgentEvent) => events.push(e) } } : {}),
      });
      let paused: RunResult;
      if (mode === "run") paused = await agent.run("pay 1");
      else {
        const stream = agent.stream("pay 1");
        for await (const e of stream) events.push(e);
        paused = await stream.result;
      }
      expect(paused.status).toBe("awaiting_approval");
      const approvals = [{ callId: "srv-pay", id: "srv-pay", name: "pay", args: { amount: 1 } }];
      const required = events.filter((e): e is ApprovalRequiredEvent => e.type === "approval_required");
      expect(required).toEqual([{ type: "approval_required", runId: paused.runId, step: 1, approvals }]);
      expect(paused.pendingApprovals).toEqual(approvals);
      // The event comes once the step's other calls ran, before the run reports its pause.
      expect(events.map((e) => e.type)).toEqual([
        "run_start",
        "step_start",
        "tool_call",
        "tool_call",
        "tool_result",
        "approval_required",
        "run_finish",
      ]);
      expect(runs).toEqual({ log: 1 });
      expect(emulator.requests).toHaveLength(1);

      const done = await agent.run(approve(JSON.parse(JSON.stringify(paused.state)) as RunState, "srv-pay"));
      expect(done.text).toBe("paid");
      expect(runs).toEqual({ log: 1, pay: 1 });
      expect(sentBody(emulator, 1).contents[2]!.parts).toEqual([
        { functionResponse: { id: "srv-pay", name: "pay", response: { done: "pay", amount: 1 } } },
        { functionResponse: { id: "srv-log", name: "log", response: { done: "log", amount: 2 } } },
      ]);
    },
  );

  it("a rejection reaches the model as an error response", async () => {
    const { runs, make } = counted();
    const { emulator, provider } = await emulated([twoCalls, { text: "not paid" }]);
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
    expect(sentBody(emulator, 1).contents[2]!.parts).toEqual([
      {
        functionResponse: {
          name: "pay",
          response: { error: { kind: "rejected", message: "Too expensive." } },
        },
      },
      { functionResponse: { name: "log", response: { done: "log", amount: 1 } } },
    ]);
  });

  it("resuming without a decision pauses again, sending nothing; the paused result stays as it was", async () => {
    const { make } = counted();
    const { emulator, provider } = await emulated([twoCalls, { text: "paid" }]);
    const agent = new Agent({ provider, model: G3, tools: [make("pay", () => true), make("log")] });
    const paused = await agent.run("pay");
    const snapshot = JSON.stringify(paused);
    const again = await agent.run(JSON.parse(JSON.stringify(paused)));
    expect(again.status).toBe("awaiting_approval");
    expect(again.pendingApprovals).toEqual(paused.pendingApprovals);
    expect(emulator.requests).toHaveLength(1);
    // Resumed from the very object (no JSON in between): the run works on its own copies.
    const done = await agent.run(approve(paused.state, paused.pendingApprovals[0]!.callId));
    expect(done.text).toBe("paid");
    expect(done.steps[0]!.calls).toHaveLength(2);
    const after = JSON.parse(JSON.stringify(paused));
    after.state.pending[0].approval = "pending"; // the one change approve() made, by design
    expect(after).toEqual(JSON.parse(snapshot));
  });
});

describe("crash and resume", () => {
  it("a crash between steps resumes without running any tool again", async () => {
    const { runs, make } = counted();
    const { emulator, provider } = await emulated([twoCalls, { text: "ok" }]);
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
    expect(sentBody(emulator, 1).contents.slice(1)).toEqual([
      { role: "model", parts: answeredParts(emulator, 0) },
      bothAnswered,
    ]);
  });

  it("the last checkpoint of a finished run is completed: resuming it refuses to ask the model again", async () => {
    const { emulator, provider } = await emulated([{ text: "final" }]);
    let saved = "";
    const agent = new Agent({
      provider,
      model: G3,
      hooks: {
        onCheckpoint: (state) => {
          saved = serializeRunState(state);
        },
      },
    });
    const result = await agent.run("go");
    expect(parseRunState(saved)).toEqual(JSON.parse(serializeRunState(result.state)));
    expect(parseRunState(saved).status).toBe("completed");
    await expect(agent.run(parseRunState(saved))).rejects.toThrow(
      /pass a new message with \{ previous: result \}/,
    );
    expect(emulator.requests).toHaveLength(1);
  });

  it("a crash mid-step re-runs only the call whose result was not saved", async () => {
    const { runs, make } = counted();
    const { emulator, provider } = await emulated([twoCalls, { text: "ok" }]);
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
    expect(emulator.requests).toHaveLength(2);
  });
});

describe("structured output", () => {
  const Answer = z.object({ city: z.string(), tempC: z.number().int() });

  it("sets responseSchema/responseMimeType, re-asks once with the issues, returns the parsed value", async () => {
    const { emulator, provider } = await emulated([
      { text: '{"city":"Paris","tempC":"hot"}' },
      { text: '{"city":"Paris","tempC":18}' },
    ]);
    const agent = new Agent({ provider, model: G3, output: Answer });
    const result = await agent.run("weather as JSON");
    expect(sentBody(emulator, 0).generationConfig).toEqual({
      responseMimeType: "application/json",
      responseSchema: {
        type: "OBJECT",
        properties: { city: { type: "STRING" }, tempC: { type: "INTEGER" } },
        required: ["city", "tempC"],
        propertyOrdering: ["city", "tempC"],
      },
    });
    expect(sentBody(emulator, 1).contents).toEqual([
      { role: "user", parts: [{ text: "weather as JSON" }] },
      { role: "model", parts: answeredParts(emulator, 0) },
      {
        role: "user",
        parts: [
          { text: expect.stringMatching(/^Your answer does not fit the required JSON schema:\n- tempC: /) },
        ],
      },
    ]);
    expect(sentBody(emulator, 1).generationConfig).toEqual(sentBody(emulator, 0).generationConfig);
    expect(result.steps.map((s) => s.kind)).toEqual(["reask", "answer"]);
    expect(result.output).toEqual({ city: "Paris", tempC: 18 });
    const typed: { city: string; tempC: number } | undefined = result.output;
    expect(typed?.city).toBe("Paris");
  });

  it("fails with StructuredOutputError after the re-ask", async () => {
    const { provider } = await emulated([{ text: "nope" }, { text: "{}" }]);
    const error = await new Agent({ provider, model: G3, output: Answer }).run("x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect((error as StructuredOutputError).issues.map((i) => i.path)).toEqual([["city"], ["tempC"]]);
  });
});
