// One run of the agent loop: send the conversation, run the function calls, send their responses,
// until the model answers. Every model turn goes into history exactly as received (invariant 1),
// every request passes the pre-flight check first (invariant 2), and every change worth keeping is
// in `state` before the next step, so a resume never repeats a completed call.
import { randomUUID } from "node:crypto";
import type { CallOptions, Content, FunctionCall } from "@signet/provider";
import type { AnyTool } from "@signet/tools";
import type { Logger } from "pino";
import type { AgentConfig } from "./agent-config.js";
import { SEARCH_TOOL_NAME } from "./constants.js";
import {
  BlockedError,
  InvalidInputError,
  InvalidStateError,
  MaxStepsError,
  ModelRecoveryError,
  RunAbortedError,
  SignetCoreError,
  StructuredOutputError,
} from "./errors.js";
import type { AgentEvent } from "./events.js";
import { functionCallsOf, History, textOf } from "./history.js";
import { toUserContent, type UserMessage } from "./input.js";
import { generateTurn, type ModelTurn, type PartObserver, streamTurn } from "./model-step.js";
import { preflight } from "./preflight.js";
import type { PendingApproval, RunResult } from "./run-result.js";
import { type CallOutcome, type PendingCall, parseRunState, type RunState } from "./run-state.js";
import { createSearchTool } from "./search-strategy.js";
import { applySignatureSentinel } from "./signature-sentinel.js";
import type { StepRecord, ToolCallRecord } from "./step-record.js";
import { outputReaskText } from "./structured-output.js";
import {
  errorOutcome,
  executeCalls,
  type PreparedCall,
  prepareCall,
  responseParts,
} from "./tool-execution.js";
import { addUsage, emptyUsage, usageFrom } from "./usage.js";

export interface RunOptions {
  signal?: AbortSignal;
  /** Continue a conversation: an earlier result, its state, or `Content[]` from elsewhere. */
  previous?: RunResult | RunState | readonly Content[];
  /**
   * History from elsewhere has no thought signatures; Gemini 3 refuses it. Opt in to send Google's
   * `skip_thought_signature_validator` on the unsigned first call of each step instead.
   */
  signatureSentinel?: boolean;
  /** Overrides the agent's `maxSteps` for this run (e.g. to resume after `MaxStepsError`). */
  maxSteps?: number;
}

/** A message starts a run; a saved state (or a paused result) resumes one. */
export type RunInput = UserMessage | RunState | RunResult;

const RECOVERABLE = new Set(["MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL"]);
const BLOCKED = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
  "IMAGE_RECITATION",
]);

type Phase = "start" | "model" | "tools";

export class RunLoop {
  private readonly history: History;
  private readonly log: Logger;
  private readonly tools: ReadonlyMap<string, AnyTool>;
  private readonly maxSteps: number;
  private phase: Phase = "start";
  private final: { text: string; output: unknown; finishReason: string | undefined } | undefined;
  private lastFinishReason: string | undefined;

  constructor(
    private readonly config: AgentConfig,
    private readonly state: RunState,
    private readonly resumed: boolean,
    private readonly options: RunOptions,
    private readonly transport: "generate" | "stream",
    private readonly sink: ((event: AgentEvent) => void) | undefined,
  ) {
    this.history = new History(state.contents);
    this.log = config.logger.child({ runId: state.runId });
    this.maxSteps = options.maxSteps ?? config.maxSteps;
    this.tools = config.search.subcall
      ? new Map(config.tools).set(
          SEARCH_TOOL_NAME,
          createSearchTool(config.provider, config.model, config.search.googleSearch, (result) =>
            addUsage(state.usage, usageFrom(result.usage, result.response.credits_consumed)),
          ),
        )
      : config.tools;
  }

  /** Builds the state for `input` (a new message, or a state/result to resume). */
  static prepare(
    config: AgentConfig,
    input: RunInput,
    options: RunOptions,
  ): { state: RunState; resumed: boolean } {
    if (isResumable(input)) {
      const saved = parseRunState("schemaVersion" in input ? input : input.state);
      if (saved.model !== config.model) {
        throw new InvalidStateError(
          `This state was written for model ${saved.model}, not ${config.model}; thought signatures are bound to ` +
            "the model that made them. Resume it with an agent on the same model.",
        );
      }
      if (saved.status === "completed") {
        throw new InvalidInputError(
          "This run is complete. To continue the conversation, pass a new message with { previous: result }.",
        );
      }
      // Our own copy of the containers; parts are shared, never cloned.
      const state: RunState = {
        ...saved,
        contents: saved.contents.slice(),
        steps: saved.steps.slice(),
        usage: { ...saved.usage },
        pending: saved.pending?.map((call) => ({ ...call })),
      };
      return { state, resumed: true };
    }
    const message = toUserContent(input as UserMessage);
    let contents: Content[] = [];
    const previous = options.previous;
    if (previous !== undefined) {
      if (Array.isArray(previous)) contents = previous.slice();
      else {
        const prior = parseRunState("schemaVersion" in previous ? previous : (previous as RunResult).state);
        if (prior.status !== "completed") {
          throw new InvalidInputError(
            "The previous run has not finished (it is waiting for approval or was interrupted); resume it first.",
          );
        }
        contents = prior.contents.slice();
      }
      if (options.signatureSentinel) contents = applySignatureSentinel(contents);
    }
    contents.push(message);
    return {
      state: {
        schemaVersion: 1,
        runId: randomUUID(),
        model: config.model,
        status: "running",
        contents,
        step: 0,
        reasks: 0,
        outputReasks: 0,
        usage: emptyUsage(),
        steps: [],
      },
      resumed: false,
    };
  }

  private emit(event: AgentEvent): void {
    this.sink?.(event);
    this.config.hooks.onEvent?.(event);
  }

  private get emitting(): boolean {
    return this.sink !== undefined || this.config.hooks.onEvent !== undefined;
  }

  private async checkpoint(): Promise<void> {
    await this.config.hooks.onCheckpoint?.(this.state);
  }

  async execute(): Promise<RunResult> {
    const { state } = this;
    const strategy = this.config.search.used;
    this.log.info({ model: this.config.model, searchStrategy: strategy, resumed: this.resumed }, "run start");
    this.emit({
      type: "run_start",
      runId: state.runId,
      model: this.config.model,
      searchStrategy: strategy,
      resumed: this.resumed,
    });
    try {
      this.options.signal?.throwIfAborted();
      state.status = "running";
      if (!state.pending) this.recoverPending();
      while (true) {
        if (state.pending) {
          this.phase = "tools";
          if (await this.resolvePending()) return this.finish("awaiting_approval");
        }
        if (state.step >= this.maxSteps) {
          throw new MaxStepsError(this.maxSteps, this.result("incomplete"), state);
        }
        this.phase = "model";
        const done = await this.modelStep();
        if (done) return this.finish("completed");
      }
    } catch (error) {
      const signal = this.options.signal;
      if (signal?.aborted && !(error instanceof SignetCoreError)) {
        throw new RunAbortedError(this.phase, signal.reason, this.result("incomplete"), state);
      }
      this.log.warn({ err: error }, "run failed");
      throw error;
    }
  }

  /** A crash right after a model turn of calls leaves them unanswered and unrecorded: rebuild them. */
  private recoverPending(): void {
    const calls = this.history.trailingCalls();
    if (calls.length) this.state.pending = this.pendingFor(calls, this.state.step);
  }

  private callId(call: FunctionCall, step: number, index: number): string {
    return call.id ?? `${this.state.runId}:${step}:${index}`;
  }

  private pendingFor(calls: FunctionCall[], step: number): PendingCall[] {
    return calls.map((call, index) => {
      const pending: PendingCall = {
        callId: this.callId(call, step, index),
        name: call.name,
        args: call.args ?? {},
      };
      if (call.id !== undefined) pending.id = call.id;
      return pending;
    });
  }

  /** One model call; returns true when the run has its final answer. */
  private async modelStep(): Promise<boolean> {
    const { state, config } = this;
    const step = ++state.step;
    this.emit({ type: "step_start", runId: state.runId, step });
    preflight(state.contents, { requireSignatures: config.capabilities.requiresThoughtSignatures });
    const request = { ...config.base, contents: state.contents };
    const info = { runId: state.runId, step, model: config.model, request };
    await config.hooks.beforeModelCall?.(info);
    const callOptions: CallOptions = { signal: this.options.signal };
    if (this.emitting) {
      callOptions.onRetry = (notice) =>
        this.emit({
          type: "retry",
          runId: state.runId,
          step,
          attempt: notice.attempt,
          delayMs: notice.delayMs,
          error: notice.error,
        });
    }
    if (this.log.isLevelEnabled("debug"))
      this.log.debug({ step, contents: state.contents.length }, "model call");
    const started = performance.now();
    const turn =
      this.transport === "stream"
        ? await streamTurn(config.provider, config.model, request, callOptions, this.observer(step))
        : await generateTurn(config.provider, config.model, request, callOptions);
    const modelDurationMs = performance.now() - started;
    addUsage(state.usage, turn.usage);
    await config.hooks.afterModelCall?.({ ...info, turn, durationMs: modelDurationMs });
    this.lastFinishReason = turn.finishReason;

    const parts = turn.parts;
    const calls = functionCallsOf(parts);
    const record: StepRecord = {
      step,
      kind: "answer",
      finishReason: turn.finishReason,
      text: textOf(parts),
      calls: [],
      usage: turn.usage,
      modelDurationMs,
      attempts: turn.attempts,
    };
    if (turn.finishMessage !== undefined) record.finishMessage = turn.finishMessage;

    const blockReason = turn.promptFeedback?.blockReason;
    if (blockReason && parts.length === 0) {
      this.endStep(record);
      throw new BlockedError(
        "prompt",
        blockReason,
        turn.promptFeedback?.blockReasonMessage,
        turn.promptFeedback,
        this.result("incomplete"),
        state,
      );
    }

    if (turn.finishReason && RECOVERABLE.has(turn.finishReason)) {
      record.kind = "reask";
      if (state.reasks >= config.maxReasks) {
        this.endStep(record);
        throw new ModelRecoveryError(
          turn.finishReason,
          turn.finishMessage,
          state.reasks,
          this.result("incomplete"),
          state,
        );
      }
      state.reasks++;
      if (calls.length) return this.startToolStep(parts, calls, record, turn);
      this.endStep(record);
      if (parts.length) this.history.appendModel(parts);
      this.history.appendUser([
        {
          text:
            `Your last reply ended with ${turn.finishReason}${turn.finishMessage ? ` (${turn.finishMessage})` : ""}. ` +
            "Call only the declared functions, with arguments as valid JSON that matches their parameters.",
        },
      ]);
      await this.checkpoint();
      return false;
    }

    if (turn.finishReason && BLOCKED.has(turn.finishReason)) {
      // Keep what did arrive, unless it holds calls nobody will answer.
      if (parts.length && calls.length === 0) this.history.appendModel(parts);
      this.endStep(record);
      throw new BlockedError(
        "response",
        turn.finishReason,
        turn.finishMessage,
        turn.promptFeedback,
        this.result("incomplete"),
        state,
      );
    }

    if (calls.length) return this.startToolStep(parts, calls, record, turn);

    if (parts.length) this.history.appendModel(parts);
    if (config.output) {
      const parsed = config.output.parse(record.text);
      if (!parsed.ok) {
        if (state.outputReasks < config.outputReasks) {
          state.outputReasks++;
          record.kind = "reask";
          this.endStep(record);
          this.history.appendUser([{ text: outputReaskText(parsed.issues) }]);
          await this.checkpoint();
          return false;
        }
        this.endStep(record);
        throw new StructuredOutputError(record.text, parsed.issues, this.result("incomplete"), state);
      }
      this.final = { text: record.text, output: parsed.value, finishReason: turn.finishReason };
    } else {
      this.final = { text: record.text, output: undefined, finishReason: turn.finishReason };
    }
    this.endStep(record);
    await this.checkpoint();
    return true;
  }

  private observer(step: number): PartObserver | undefined {
    if (!this.emitting) return undefined;
    const runId = this.state.runId;
    return {
      onText: (text) => this.emit({ type: "text_delta", runId, step, text }),
      onThought: (text) => this.emit({ type: "thought_delta", runId, step, text }),
      onFunctionCall: (part, index) =>
        this.emit({
          type: "tool_call",
          runId,
          step,
          callId: this.callId(part.functionCall, step, index),
          name: part.functionCall.name,
          args: part.functionCall.args ?? {},
          call: part.functionCall,
        }),
    };
  }

  private async startToolStep(
    parts: ModelTurn["parts"],
    calls: FunctionCall[],
    record: StepRecord,
    _turn: ModelTurn,
  ): Promise<false> {
    const { state } = this;
    if (record.kind !== "reask") record.kind = "tool_calls";
    this.history.appendModel(parts);
    state.steps.push(record);
    state.pending = this.pendingFor(calls, record.step);
    if (this.transport === "generate" && this.emitting) {
      for (let i = 0; i < calls.length; i++) {
        const call = calls[i]!;
        const pending = state.pending[i]!;
        this.emit({
          type: "tool_call",
          runId: state.runId,
          step: record.step,
          callId: pending.callId,
          name: call.name,
          args: pending.args,
          call,
        });
      }
    }
    await this.checkpoint();
    return false;
  }

  /** A step without pending tools ends here. */
  private endStep(record: StepRecord): void {
    this.state.steps.push(record);
    this.emit({
      type: "step_finish",
      runId: this.state.runId,
      step: record.step,
      record,
      usage: record.usage,
    });
  }

  /**
   * Approvals, then execution of the step's calls; returns true when the run must pause for approval.
   * Completed calls (from before a crash or a pause) are reused, never run again.
   */
  private async resolvePending(): Promise<boolean> {
    const { state, config } = this;
    const pending = state.pending!;
    const step = state.step;
    const runId = state.runId;
    const prepared: (PreparedCall | undefined)[] = new Array(pending.length);
    for (let i = 0; i < pending.length; i++) {
      const call = pending[i]!;
      if (call.outcome) continue;
      const functionCall: FunctionCall =
        call.id === undefined
          ? { name: call.name, args: call.args }
          : { id: call.id, name: call.name, args: call.args };
      const ready = prepareCall(call.callId, functionCall, this.tools);
      if (ready.ok && call.approval === undefined && ready.tool.needsApproval !== undefined) {
        const rule = ready.tool.needsApproval;
        if (typeof rule === "function" ? await rule(ready.args) : rule) call.approval = "pending";
      }
      if (call.approval === "rejected") {
        call.outcome = errorOutcome({
          kind: "rejected",
          message:
            call.rejectionMessage ??
            `The user did not approve this call to "${call.name}"; do not retry it unchanged.`,
        });
        this.emitOutcome(call, step);
        continue;
      }
      if (call.approval === "pending") continue;
      prepared[i] = ready;
    }

    const indices: number[] = [];
    const batch: PreparedCall[] = [];
    for (let i = 0; i < prepared.length; i++) {
      if (prepared[i]) {
        indices.push(i);
        batch.push(prepared[i]!);
      }
    }
    if (batch.length) {
      const byCallId = new Map(indices.map((i) => [pending[i]!.callId, pending[i]!]));
      await executeCalls(batch, {
        concurrency: config.toolConcurrency,
        defaultTimeoutMs: config.toolTimeoutMs,
        signal: this.options.signal,
        logger: this.log,
        onStart: config.hooks.beforeToolCall
          ? (call) => {
              const p = byCallId.get(call.callId)!;
              return config.hooks.beforeToolCall!({
                runId,
                step,
                callId: p.callId,
                name: p.name,
                args: p.args,
              });
            }
          : undefined,
        onSettled: async (call, outcome) => {
          const p = byCallId.get(call.callId)!;
          p.outcome = outcome;
          this.emitOutcome(p, step);
          await config.hooks.afterToolCall?.({
            runId,
            step,
            callId: p.callId,
            name: p.name,
            args: p.args,
            outcome,
          });
          await this.checkpoint();
        },
      });
    }

    const awaiting = pending.filter((call) => call.approval === "pending" && !call.outcome);
    if (awaiting.length) {
      state.status = "awaiting_approval";
      this.emit({ type: "approval_required", runId, step, approvals: awaiting.map(toApproval) });
      await this.checkpoint();
      return true;
    }

    const functionCalls = pending.map((call) =>
      call.id === undefined ? { name: call.name } : { id: call.id, name: call.name },
    );
    this.history.appendUser(
      responseParts(
        functionCalls,
        pending.map((call) => call.outcome!),
      ),
    );
    let record = state.steps[state.steps.length - 1];
    if (!record || record.step !== step) {
      // The model turn was recovered from history after a crash: no record was saved for it.
      record = {
        step,
        kind: "tool_calls",
        finishReason: undefined,
        text: "",
        calls: [],
        usage: emptyUsage(),
        modelDurationMs: 0,
        attempts: 0,
      };
      state.steps.push(record);
    }
    record.calls = pending.map(toCallRecord);
    state.pending = undefined;
    state.status = "running";
    this.emit({ type: "step_finish", runId, step, record, usage: record.usage });
    await this.checkpoint();
    return false;
  }

  private emitOutcome(call: PendingCall, step: number): void {
    if (!this.emitting) return;
    const outcome = call.outcome!;
    const base = {
      runId: this.state.runId,
      step,
      callId: call.callId,
      name: call.name,
      durationMs: outcome.durationMs,
    };
    if (outcome.ok) this.emit({ type: "tool_result", ...base, result: outcome.result });
    else this.emit({ type: "tool_error", ...base, error: outcome.error });
  }

  private result(status: RunResult["status"]): RunResult {
    const { state } = this;
    return {
      runId: state.runId,
      status,
      text: status === "completed" ? (this.final?.text ?? "") : "",
      output: status === "completed" ? this.final?.output : undefined,
      contents: state.contents,
      steps: state.steps,
      usage: state.usage,
      state,
      searchStrategy: this.config.search.used,
      pendingApprovals:
        status === "awaiting_approval"
          ? (state.pending ?? []).filter((c) => c.approval === "pending" && !c.outcome).map(toApproval)
          : [],
      finishReason: this.final?.finishReason ?? this.lastFinishReason,
    };
  }

  private finish(status: "completed" | "awaiting_approval"): RunResult {
    if (status === "completed") this.state.status = "completed";
    const result = this.result(status);
    this.log.info({ status, steps: this.state.step, usage: this.state.usage }, "run finish");
    this.emit({ type: "run_finish", runId: this.state.runId, result });
    return result;
  }
}

function isResumable(input: RunInput): input is RunState | RunResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return false;
  return "schemaVersion" in input || ("state" in input && "runId" in input && "contents" in input);
}

function toApproval(call: PendingCall): PendingApproval {
  const approval: PendingApproval = { callId: call.callId, name: call.name, args: call.args };
  if (call.id !== undefined) approval.id = call.id;
  return approval;
}

function toCallRecord(call: PendingCall): ToolCallRecord {
  const outcome: CallOutcome = call.outcome!;
  const base = { callId: call.callId, name: call.name, args: call.args, durationMs: outcome.durationMs };
  const withId = call.id === undefined ? base : { ...base, id: call.id };
  return outcome.ok
    ? { ...withId, ok: true, result: outcome.result }
    : { ...withId, ok: false, error: outcome.error };
}
