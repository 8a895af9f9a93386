// Invariant 5 end to end: what the model gets wrong goes back to it; what cannot be recovered is a
// typed error carrying the partial result and the state. Also invariant 2 before any I/O, and aborts.
import type { Content, Part } from "@signet/provider";
import { chunkGate, type PartsTurn } from "@signet/testing";
import { defineTool } from "@signet/tools";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Agent } from "./agent.js";
import { SKIP_THOUGHT_SIGNATURE } from "./constants.js";
import {
  BlockedError,
  MaxStepsError,
  ModelRecoveryError,
  PreflightError,
  RunAbortedError,
} from "./errors.js";
import { partialResultOf } from "./partial-result.js";
import {
  answeredParts,
  answeredUsage,
  emulated,
  G3,
  G25,
  request,
  sentBody,
} from "./test-support/emulated.js";
import { testTool } from "./test-support/tools.js";
import { emptyUsage } from "./usage.js";

const echo = testTool<{ q: string }>({
  name: "echo",
  required: { q: "string" },
  execute: ({ q }) => ({ echoed: q }),
});
const boom = testTool({ name: "boom", execute: () => Promise.reject(new TypeError("socket hang up")) });
const hang = testTool({
  name: "hang",
  timeoutMs: 10,
  execute: (_a, ctx) => new Promise((r) => ctx.signal.addEventListener("abort", () => r("late"))),
});
const q = (text: string): Content => ({ role: "user", parts: [{ text }] });

describe("tool failures go back to the model as error responses", () => {
  it("unknown tool, invalid arguments, a throwing tool and a timeout, in one step", async () => {
    const { emulator, provider } = await emulated([
      {
        functionCalls: [
          { name: "nope", args: {} },
          { name: "echo", args: { q: 7 } },
          { name: "boom", args: {} },
          { name: "hang", args: {} },
          { name: "echo", args: { q: "ok" } },
        ],
      },
      { text: "sorry" },
    ]);
    const result = await new Agent({ provider, model: G3, tools: [echo, boom, hang] }).run("go");
    expect(sentBody(emulator, 1).contents).toEqual([
      q("go"),
      { role: "model", parts: answeredParts(emulator, 0) },
      {
        role: "user",
        parts: [
          {
            functionResponse: {
              name: "nope",
              response: {
                error: {
                  kind: "unknown_tool",
                  message: 'There is no tool named "nope". Available tools: echo, boom, hang.',
                },
              },
            },
          },
          {
            functionResponse: {
              name: "echo",
              response: {
                error: {
                  kind: "invalid_arguments",
                  message:
                    "The arguments for echo are invalid (1 issue); the tool did not run. Fix them and call it again.",
                  issues: [{ path: "q", message: "expected string" }],
                },
              },
            },
          },
          {
            functionResponse: {
              name: "boom",
              response: { error: { kind: "execution_failed", message: "socket hang up", name: "TypeError" } },
            },
          },
          {
            functionResponse: {
              name: "hang",
              response: {
                error: { kind: "timeout", message: 'The tool "hang" did not finish within 10 ms.' },
              },
            },
          },
          { functionResponse: { name: "echo", response: { echoed: "ok" } } },
        ],
      },
    ]);
    expect(result.steps[0]!.calls.map((c) => (c.ok ? "ok" : c.error.kind))).toEqual([
      "unknown_tool",
      "invalid_arguments",
      "execution_failed",
      "timeout",
      "ok",
    ]);
  });
});

describe("a real defineTool (Zod) tool with invalid arguments", () => {
  it("never runs execute; the model gets every issue with its path, then a valid call runs once", async () => {
    const seen: unknown[] = [];
    const forecast = defineTool({
      name: "forecast",
      description: "Forecast for some cities",
      parameters: z.object({
        cities: z.array(z.object({ name: z.string().min(1), days: z.number().int().min(1).max(7) })).min(1),
        units: z.enum(["c", "f"]),
      }),
      execute: (args) => {
        seen.push(args);
        return { ok: args.cities.length };
      },
    });
    const bad = {
      cities: [
        { name: "Paris", days: 3 },
        { name: "", days: 9 },
      ],
      units: "kelvin",
    };
    const good = { cities: [{ name: "Paris", days: 3 }], units: "c" };
    const { emulator, provider } = await emulated([
      { functionCalls: [{ name: "forecast", args: bad }] },
      { functionCalls: [{ name: "forecast", args: good }] },
      { text: "done" },
    ]);
    const result = await new Agent({ provider, model: G3, tools: [forecast] }).run("forecast");
    // The declaration the emulator accepted (Signet's schema rules) is defineTool's own.
    expect(sentBody(emulator, 0).tools).toEqual([{ functionDeclarations: [forecast.declaration] }]);
    const response = sentBody(emulator, 1).contents[2]!.parts[0] as {
      functionResponse: {
        name: string;
        response: { error: { kind: string; message: string; issues: unknown[] } };
      };
    };
    expect(response.functionResponse.name).toBe("forecast");
    const { error } = response.functionResponse.response;
    expect(error).toEqual({
      kind: "invalid_arguments",
      message:
        "The arguments for forecast are invalid (3 issues); the tool did not run. Fix them and call it again.",
      issues: [
        { path: "cities[1].name", message: expect.stringMatching(/>=\s*1 character/) },
        { path: "cities[1].days", message: expect.stringMatching(/<=\s*7/) },
        { path: "units", message: expect.stringMatching(/"c"\|"f"|one of/) },
      ],
    });
    expect(Object.keys(response.functionResponse.response)).toEqual(["error"]);
    // execute saw only the valid call's arguments.
    expect(seen).toEqual([good]);
    expect(sentBody(emulator, 2).contents[4]!.parts).toEqual([
      { functionResponse: { name: "forecast", response: { ok: 1 } } },
    ]);
    expect(result.steps[0]!.calls[0]).toMatchObject({ ok: false, error: { kind: "invalid_arguments" } });
    expect(result.text).toBe("done");
  });
});

describe("bounded re-ask and typed errors", () => {
  const malformed: PartsTurn = {
    parts: [],
    finishReason: "MALFORMED_FUNCTION_CALL",
    finishMessage: "Malformed function call: echo(q=)",
  };
  const malformedText =
    "Your last reply ended with MALFORMED_FUNCTION_CALL (Malformed function call: echo(q=)). Call only the " +
    "declared functions, with arguments as valid JSON that matches their parameters.";

  it("re-asks after MALFORMED_FUNCTION_CALL, then continues", async () => {
    const { emulator, provider } = await emulated([
      malformed,
      { functionCalls: [{ name: "echo", args: { q: "x" } }] },
      { text: "x" },
    ]);
    const result = await new Agent({ provider, model: G3, tools: [echo] }).run("go");
    expect(sentBody(emulator, 1).contents).toEqual([q("go"), q(malformedText)]);
    expect(sentBody(emulator, 2).contents).toEqual([
      q("go"),
      q(malformedText),
      { role: "model", parts: answeredParts(emulator, 1) },
      { role: "user", parts: [{ functionResponse: { name: "echo", response: { echoed: "x" } } }] },
    ]);
    expect(result.text).toBe("x");
    expect(result.steps.map((s) => s.kind)).toEqual(["reask", "tool_calls", "answer"]);
    expect(result.state.reasks).toBe(1);
  });

  it("re-asks after UNEXPECTED_TOOL_CALL naming the functions that exist", async () => {
    const { emulator, provider } = await emulated([
      { parts: [], finishReason: "UNEXPECTED_TOOL_CALL" },
      { text: "plain answer" },
    ]);
    const result = await new Agent({ provider, model: G25, tools: [echo, boom] }).run("go");
    expect(sentBody(emulator, 1).contents).toEqual([
      q("go"),
      q(
        "Your last reply ended with UNEXPECTED_TOOL_CALL. Only these functions are available: echo, boom. " +
          "Call one of them, or answer in text.",
      ),
    ]);
    expect(result.text).toBe("plain answer");
    expect(result.steps.map((s) => [s.kind, s.finishReason])).toEqual([
      ["reask", "UNEXPECTED_TOOL_CALL"],
      ["answer", "STOP"],
    ]);
  });

  it("UNEXPECTED_TOOL_CALL without tools says to answer in text; then ModelRecoveryError", async () => {
    const unexpected: PartsTurn = { parts: [], finishReason: "UNEXPECTED_TOOL_CALL" };
    const { emulator, provider } = await emulated([unexpected, unexpected]);
    const error = (await new Agent({ provider, model: G25, maxReasks: 1 })
      .run("go")
      .catch((e: unknown) => e)) as ModelRecoveryError;
    expect(sentBody(emulator, 1).contents.at(-1)).toEqual(
      q("Your last reply ended with UNEXPECTED_TOOL_CALL. No functions are available here; answer in text."),
    );
    expect(error).toBeInstanceOf(ModelRecoveryError);
    expect([error.code, error.finishReason, error.reasks]).toEqual([
      "model_recovery",
      "UNEXPECTED_TOOL_CALL",
      1,
    ]);
  });

  it("gives up after maxReasks with ModelRecoveryError carrying the partial result", async () => {
    const { emulator, provider } = await emulated([malformed, malformed]);
    const error = await new Agent({ provider, model: G3, tools: [echo], maxReasks: 1 })
      .run("go")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRecoveryError);
    const e = error as ModelRecoveryError;
    expect([e.finishReason, e.reasks, e.result.status, e.result.steps.map((s) => s.kind)]).toEqual([
      "MALFORMED_FUNCTION_CALL",
      1,
      "incomplete",
      ["reask", "reask"],
    ]);
    expect(e.state.contents).toEqual([q("go"), q(malformedText)]);
    expect(e.message).toMatch(/raise maxReasks/);
    expect(emulator.requests).toHaveLength(2);
  });

  it("maxSteps ends with a typed error carrying the partial result and a resumable state", async () => {
    let runs = 0;
    const counting = testTool<{ q: string }>({
      name: "echo",
      required: { q: "string" },
      execute: ({ q }) => {
        runs++;
        return { echoed: q };
      },
    });
    const { emulator, provider } = await emulated([
      { functionCalls: [{ name: "echo", args: { q: "1" } }] },
      { functionCalls: [{ name: "echo", args: { q: "2" } }] },
      { text: "finally" },
    ]);
    const agent = new Agent({ provider, model: G3, tools: [counting], maxSteps: 2 });
    const error = (await agent.run("loop").catch((e: unknown) => e)) as MaxStepsError;
    expect(error).toBeInstanceOf(MaxStepsError);
    expect([error.code, error.maxSteps, error.result.status]).toEqual(["max_steps", 2, "incomplete"]);
    expect(error.message).toContain("agent.run(error.state, { maxSteps: 4 })");
    expect(error.result.steps.map((s) => s.calls[0]).map((c) => c?.ok && c.result)).toEqual([
      { echoed: "1" },
      { echoed: "2" },
    ]);
    // Both steps' calls are answered in the state: nothing is left to re-run.
    expect(error.state.pending).toBeUndefined();
    expect(error.state.contents).toEqual([
      q("loop"),
      { role: "model", parts: answeredParts(emulator, 0) },
      { role: "user", parts: [{ functionResponse: { name: "echo", response: { echoed: "1" } } }] },
      { role: "model", parts: answeredParts(emulator, 1) },
      { role: "user", parts: [{ functionResponse: { name: "echo", response: { echoed: "2" } } }] },
    ]);
    expect(emulator.requests).toHaveLength(2);
    const resumed = await agent.run(JSON.parse(JSON.stringify(error.state)), { maxSteps: 3 });
    expect(resumed.text).toBe("finally");
    expect(sentBody(emulator, 2).contents).toEqual(error.state.contents);
    expect(runs).toBe(2);
    await expect(agent.run("x", { maxSteps: 0 })).rejects.toThrow(/maxSteps must be a positive integer/);
  });

  it.each(["run", "stream"] as const)(
    "%s: a blocked prompt (no candidate, promptFeedback.blockReason) is a typed error with the reason",
    async (mode) => {
      const { emulator, provider } = await emulated([
        { blocked: { reason: "PROHIBITED_CONTENT", message: "Not allowed." } },
      ]);
      const agent = new Agent({ provider, model: G25 });
      const error = (await (mode === "run" ? agent.run("bad") : agent.stream("bad").result).catch(
        (e: unknown) => e,
      )) as BlockedError;
      expect(sentBody(emulator, 0)).toEqual({ contents: [q("bad")] });
      expect(request(emulator, 0).responses).toEqual([
        expect.objectContaining({
          promptFeedback: { blockReason: "PROHIBITED_CONTENT", blockReasonMessage: "Not allowed." },
        }),
      ]);
      expect(error).toBeInstanceOf(BlockedError);
      expect([error.code, error.kind, error.reason, error.detail]).toEqual([
        "blocked",
        "prompt",
        "PROHIBITED_CONTENT",
        "Not allowed.",
      ]);
      expect(error.message).toMatch(/Rephrase the input or adjust safetySettings/);
      expect(error.state.contents).toEqual([q("bad")]);
      expect(error.result.usage.promptTokens).toBe(answeredUsage(emulator, 0).promptTokenCount);
      expect(error.result.usage.promptTokens).toBeGreaterThan(0);
    },
  );

  it.each(["run", "stream"] as const)(
    "%s: a safety stop is a typed error with the reason; the partial answer is kept",
    async (mode) => {
      const { emulator, provider } = await emulated([
        { parts: [{ text: "partial" }], finishReason: "SAFETY" },
      ]);
      const agent = new Agent({ provider, model: G25 });
      const error = (await (mode === "run" ? agent.run("x") : agent.stream("x").result).catch(
        (e: unknown) => e,
      )) as BlockedError;
      expect(error).toBeInstanceOf(BlockedError);
      expect([error.kind, error.reason]).toEqual(["response", "SAFETY"]);
      expect(error.result.contents).toEqual([q("x"), { role: "model", parts: answeredParts(emulator, 0) }]);
      expect(error.result.steps.map((s) => s.finishReason)).toEqual(["SAFETY"]);
    },
  );
});

describe("pre-flight before any I/O", () => {
  const foreign: Content[] = [
    q("earlier"),
    { role: "model", parts: [{ functionCall: { name: "echo", args: { q: "a" } } }] },
    { role: "user", parts: [{ functionResponse: { name: "echo", response: { echoed: "a" } } }] },
  ];

  it("refuses unsigned history on Gemini 3 without sending anything", async () => {
    const { emulator, provider } = await emulated([]);
    // The continuation has no new user text between the calls and the request: the unsigned step is current.
    const state = {
      schemaVersion: 1,
      runId: "r",
      model: G3,
      status: "running",
      contents: foreign,
      step: 1,
      reasks: 0,
      outputReasks: 0,
      usage: emptyUsage(),
      steps: [],
    };
    const error = await new Agent({ provider, model: G3, tools: [echo] })
      .run(JSON.parse(JSON.stringify(state)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect(error).toMatchObject({
      code: "preflight",
      rule: "missing_signature",
      contentIndex: 1,
      partIndex: 0,
    });
    expect((error as Error).message).toMatch(/signatureSentinel: true/);
    expect(partialResultOf(error)?.state.contents).toEqual(foreign);
    expect(emulator.requests).toHaveLength(0);
  });

  it("sends Google's sentinel when the caller opts in, without touching the caller's history", async () => {
    const { emulator, provider } = await emulated([{ text: "ok" }]);
    await new Agent({ provider, model: G3, tools: [echo] }).run("next", {
      previous: foreign,
      signatureSentinel: true,
    });
    const [first, call, response] = foreign;
    expect(sentBody(emulator, 0).contents).toEqual([
      first,
      { role: "model", parts: [{ ...call!.parts[0]!, thoughtSignature: SKIP_THOUGHT_SIGNATURE } as Part] },
      response,
      q("next"),
    ]);
    expect(foreign[1]!.parts[0]!.thoughtSignature).toBeUndefined();
  });
});

describe("abort at each phase", () => {
  it("before start: nothing is sent", async () => {
    const { emulator, provider } = await emulated([]);
    const error = await new Agent({ provider, model: G25 })
      .run("x", { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RunAbortedError", code: "aborted", phase: "start" });
    expect(emulator.requests).toHaveLength(0);
  });

  it.each(["run", "stream"] as const)("%s: while the model call is in flight", async (mode) => {
    const controller = new AbortController();
    const { provider } = await emulated([
      // Called as the request arrives, before any response byte: the abort lands mid-call.
      () => {
        controller.abort(new Error("stop"));
        return { text: "never read" };
      },
    ]);
    const agent = new Agent({ provider, model: G25 });
    const options = { signal: controller.signal };
    const error = (await (mode === "run" ? agent.run("x", options) : agent.stream("x", options).result).catch(
      (e: unknown) => e,
    )) as RunAbortedError;
    expect(error).toBeInstanceOf(RunAbortedError);
    expect([error.phase, (error.reason as Error).message]).toEqual(["model", "stop"]);
    expect(error.message).toMatch(/pass error\.state to agent\.run/);
    expect(error.state.contents).toEqual([q("x")]);
  });

  it("mid-stream, after the first chunk reached the consumer", async () => {
    // The emulator holds the stream open after its first chunk: the abort is certain to land mid-stream.
    const controller = new AbortController();
    const gate = chunkGate({ pass: 1 });
    const { emulator, provider } = await emulated([
      { parts: [{ text: "Hel" }, { text: "lo" }], beforeChunk: gate.beforeChunk },
    ]);
    const stream = new Agent({ provider, model: G25 }).stream("x", { signal: controller.signal });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of stream) {
        seen.push(event.type);
        if (event.type === "text_delta") controller.abort(new Error("stop"));
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunAbortedError);
    expect((error as RunAbortedError).phase).toBe("model");
    expect(seen).toEqual(["run_start", "step_start", "text_delta"]);
    await expect(stream.result).rejects.toBeInstanceOf(RunAbortedError);
    // The connection closed while the emulator held the second chunk: it never went out.
    expect(sentBody(emulator, 0)).toEqual({ contents: [q("x")] });
    await vi.waitFor(() => expect(request(emulator, 0).outcome).toBe("client-closed"));
    expect(gate.holding).toBeUndefined();
  });

  it("during tools: completed calls are kept in the state, the running one is not; resume runs only it", async () => {
    const controller = new AbortController();
    let slowRuns = 0;
    let abort = true;
    const slow = testTool({
      name: "slow",
      execute: (_a, ctx) => {
        slowRuns++;
        if (!abort) return { slow: "done" };
        setImmediate(() => controller.abort(new Error("stop")));
        return new Promise((_r, reject) =>
          ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason)),
        );
      },
    });
    const { emulator, provider } = await emulated([
      {
        functionCalls: [
          { name: "echo", args: { q: "fast" } },
          { name: "slow", args: {} },
        ],
      },
      { text: "done" },
    ]);
    const agent = new Agent({ provider, model: G3, tools: [echo, slow], toolConcurrency: 1 });
    const error = (await agent
      .run("x", { signal: controller.signal })
      .catch((e: unknown) => e)) as RunAbortedError;
    expect(error).toBeInstanceOf(RunAbortedError);
    expect(error.phase).toBe("tools");
    expect(error.state.pending!.map((c) => c.outcome?.ok)).toEqual([true, undefined]);
    expect(slowRuns).toBe(1);
    abort = false;
    const result = await agent.run(JSON.parse(JSON.stringify(error.state)));
    expect(result.text).toBe("done");
    expect(slowRuns).toBe(2);
    expect(sentBody(emulator, 1).contents.at(-1)).toEqual({
      role: "user",
      parts: [
        { functionResponse: { name: "echo", response: { echoed: "fast" } } },
        { functionResponse: { name: "slow", response: { slow: "done" } } },
      ],
    });
  });
});
