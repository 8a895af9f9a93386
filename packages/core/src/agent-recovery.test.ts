// Invariant 5 end to end: what the model gets wrong goes back to it; what cannot be recovered is a
// typed error carrying the partial result and the state. Also invariant 2 before any I/O, and aborts.
import type { Content, Part } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import { SKIP_THOUGHT_SIGNATURE } from "./constants.js";
import {
  BlockedError,
  MaxStepsError,
  ModelRecoveryError,
  PreflightError,
  RunAbortedError,
} from "./errors.js";
import { G3, G25, scripted } from "./test-support/harness.js";
import { reply } from "./test-support/scripted-model.js";
import { deferred, testTool } from "./test-support/tools.js";

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
    const calls: Part[] = [
      { functionCall: { name: "nope", args: {} }, thoughtSignature: "c2ln" },
      { functionCall: { name: "echo", args: { q: 7 } } },
      { functionCall: { name: "boom", args: {} } },
      { functionCall: { name: "hang", args: {} } },
      { functionCall: { name: "echo", args: { q: "ok" } } },
    ];
    const { model, provider } = await scripted([
      { chunks: [reply(calls)] },
      { chunks: [reply([{ text: "sorry" }])] },
    ]);
    const result = await new Agent({ provider, model: G3, tools: [echo, boom, hang] }).run("go");
    expect(model.requests[1]!.body.contents[2]).toEqual({
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
            response: { error: { kind: "timeout", message: 'The tool "hang" did not finish within 10 ms.' } },
          },
        },
        { functionResponse: { name: "echo", response: { echoed: "ok" } } },
      ],
    });
    expect(result.steps[0]!.calls.map((c) => (c.ok ? "ok" : c.error.kind))).toEqual([
      "unknown_tool",
      "invalid_arguments",
      "execution_failed",
      "timeout",
      "ok",
    ]);
  });
});

describe("bounded re-ask and typed errors", () => {
  const malformed = reply([], {
    finishReason: "MALFORMED_FUNCTION_CALL",
    finishMessage: "Malformed function call: echo(q=)",
  });
  delete (malformed.candidates![0] as { content?: unknown }).content;

  it("re-asks after MALFORMED_FUNCTION_CALL, then continues", async () => {
    const { model, provider } = await scripted([
      { chunks: [malformed] },
      { chunks: [reply([{ functionCall: { name: "echo", args: { q: "x" } }, thoughtSignature: "c2ln" }])] },
      { chunks: [reply([{ text: "x" }])] },
    ]);
    const result = await new Agent({ provider, model: G3, tools: [echo] }).run("go");
    expect(model.requests[1]!.body.contents).toEqual([
      q("go"),
      q(
        "Your last reply ended with MALFORMED_FUNCTION_CALL (Malformed function call: echo(q=)). Call only the declared " +
          "functions, with arguments as valid JSON that matches their parameters.",
      ),
    ]);
    expect(result.text).toBe("x");
    expect(result.steps.map((s) => s.kind)).toEqual(["reask", "tool_calls", "answer"]);
    expect(result.state.reasks).toBe(1);
  });

  it("gives up after maxReasks with ModelRecoveryError carrying the partial result", async () => {
    const { model, provider } = await scripted([{ chunks: [malformed] }, { chunks: [malformed] }]);
    const error = await new Agent({ provider, model: G3, tools: [echo], maxReasks: 1 })
      .run("go")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRecoveryError);
    const e = error as ModelRecoveryError;
    expect([e.finishReason, e.reasks, e.result.status, e.result.steps.length]).toEqual([
      "MALFORMED_FUNCTION_CALL",
      1,
      "incomplete",
      2,
    ]);
    expect(model.requests).toHaveLength(2);
  });

  it("maxSteps ends with a typed error carrying the partial result and a resumable state", async () => {
    const call = (n: number): Part[] => [
      { functionCall: { name: "echo", args: { q: `${n}` } }, thoughtSignature: `c2ln${n}` },
    ];
    const { model, provider } = await scripted([
      { chunks: [reply(call(1))] },
      { chunks: [reply(call(2))] },
      { chunks: [reply([{ text: "finally" }])] },
    ]);
    const agent = new Agent({ provider, model: G3, tools: [echo], maxSteps: 2 });
    const error = (await agent.run("loop").catch((e: unknown) => e)) as MaxStepsError;
    expect(error).toBeInstanceOf(MaxStepsError);
    expect(error.maxSteps).toBe(2);
    expect(error.result.steps.map((s) => s.calls[0]).map((c) => c?.ok && c.result)).toEqual([
      { echoed: "1" },
      { echoed: "2" },
    ]);
    expect(error.state.contents).toHaveLength(5);
    expect(model.requests).toHaveLength(2);
    const resumed = await agent.run(JSON.parse(JSON.stringify(error.state)), { maxSteps: 3 });
    expect(resumed.text).toBe("finally");
    expect(model.requests[2]!.body.contents).toEqual(error.state.contents);
  });

  it("a blocked prompt is a typed error with the reason", async () => {
    const { provider } = await scripted([
      {
        chunks: [
          { promptFeedback: { blockReason: "PROHIBITED_CONTENT" }, usageMetadata: { promptTokenCount: 3 } },
        ],
      },
    ]);
    const error = (await new Agent({ provider, model: G25 })
      .run("bad")
      .catch((e: unknown) => e)) as BlockedError;
    expect(error).toBeInstanceOf(BlockedError);
    expect([error.kind, error.reason]).toEqual(["prompt", "PROHIBITED_CONTENT"]);
  });

  it("a safety stop is a typed error with the reason", async () => {
    const { provider } = await scripted([
      { chunks: [reply([{ text: "partial" }], { finishReason: "SAFETY" })] },
    ]);
    const error = (await new Agent({ provider, model: G25 })
      .run("x")
      .catch((e: unknown) => e)) as BlockedError;
    expect([error.kind, error.reason, error.result.contents.at(-1)]).toEqual([
      "response",
      "SAFETY",
      { role: "model", parts: [{ text: "partial" }] },
    ]);
  });
});

describe("pre-flight before any I/O", () => {
  const foreign: Content[] = [
    q("earlier"),
    { role: "model", parts: [{ functionCall: { name: "echo", args: { q: "a" } } }] },
    { role: "user", parts: [{ functionResponse: { name: "echo", response: { echoed: "a" } } }] },
  ];

  it("refuses unsigned history on Gemini 3 without sending anything", async () => {
    const { model, provider } = await scripted([]);
    // The continuation has no new user text between the calls and the request: the unsigned step is current.
    const error = await new Agent({ provider, model: G3, tools: [echo] })
      .run(
        JSON.parse(
          JSON.stringify({
            schemaVersion: 1,
            runId: "r",
            model: G3,
            status: "running",
            contents: foreign,
            step: 1,
            reasks: 0,
            outputReasks: 0,
            usage: {},
            steps: [],
          }),
        ),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect(error).toMatchObject({ rule: "missing_signature", contentIndex: 1, partIndex: 0 });
    expect(model.requests).toHaveLength(0);
  });

  it("sends Google's sentinel when the caller opts in", async () => {
    const { model, provider } = await scripted([{ chunks: [reply([{ text: "ok" }])] }]);
    await new Agent({ provider, model: G3, tools: [echo] }).run("next", {
      previous: foreign,
      signatureSentinel: true,
    });
    expect(model.requests[0]!.body.contents[1]!.parts[0]!.thoughtSignature).toBe(SKIP_THOUGHT_SIGNATURE);
    expect(foreign[1]!.parts[0]!.thoughtSignature).toBeUndefined();
  });
});

describe("abort at each phase", () => {
  it("before start: nothing is sent", async () => {
    const { model, provider } = await scripted([]);
    const error = await new Agent({ provider, model: G25 })
      .run("x", { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RunAbortedError", phase: "start" });
    expect(model.requests).toHaveLength(0);
  });

  it("during a streamed model call", async () => {
    const controller = new AbortController();
    const hold = deferred();
    const { provider } = await scripted([
      {
        chunks: [reply([{ text: "Hel" }]), reply([{ text: "lo" }])],
        beforeChunk: (i) => (i === 1 ? hold.promise : Promise.resolve()),
      },
    ]);
    const stream = new Agent({ provider, model: G25 }).stream("x", { signal: controller.signal });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of stream) {
        seen.push(event.type);
        if (event.type === "text_delta") controller.abort(new Error("stop"));
      }
    })().catch((e: unknown) => e);
    hold.resolve();
    expect(error).toBeInstanceOf(RunAbortedError);
    expect((error as RunAbortedError).phase).toBe("model");
    expect(seen).toEqual(["run_start", "step_start", "text_delta"]);
    await expect(stream.result).rejects.toBeInstanceOf(RunAbortedError);
  });

  it("during tools: completed calls are kept in the state, the running one is not", async () => {
    const controller = new AbortController();
    let slowRuns = 0;
    const slow = testTool({
      name: "slow",
      execute: (_a, ctx) => {
        slowRuns++;
        setImmediate(() => controller.abort(new Error("stop")));
        return new Promise((_r, reject) =>
          ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason)),
        );
      },
    });
    const parts: Part[] = [
      { functionCall: { name: "echo", args: { q: "fast" } }, thoughtSignature: "c2ln" },
      { functionCall: { name: "slow", args: {} } },
    ];
    const { provider } = await scripted([{ chunks: [reply(parts)] }]);
    const error = (await new Agent({ provider, model: G3, tools: [echo, slow], toolConcurrency: 1 })
      .run("x", { signal: controller.signal })
      .catch((e: unknown) => e)) as RunAbortedError;
    expect(error).toBeInstanceOf(RunAbortedError);
    expect(error.phase).toBe("tools");
    expect(error.state.pending!.map((c) => c.outcome?.ok)).toEqual([true, undefined]);
    expect(slowRuns).toBe(1);
  });
});
