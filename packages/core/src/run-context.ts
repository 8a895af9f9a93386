// What the modules of one run share: the agent's configuration, the live state and history, the
// run's logger, and the way out for events. Nothing here talks to the network.
import type { CallOptions, FunctionCall, GenerateContentRequest } from "@signet/provider";
import type { AnyTool } from "@signet/tools";
import type { Logger } from "pino";
import type { AgentConfig } from "./agent-config.js";
import { awaitingApproval, toApproval } from "./approvals.js";
import { SEARCH_TOOL_NAME } from "./constants.js";
import type { EventSink } from "./event-stream.js";
import type { AgentEvent } from "./events.js";
import { History } from "./history.js";
import { PreflightCheck } from "./preflight.js";
import type { RunOptions } from "./run-input.js";
import type { RunResult } from "./run-result.js";
import type { RunState } from "./run-state.js";
import { createSearchTool } from "./search-strategy.js";
import { addUsage, usageFrom } from "./usage.js";

export type RunPhase = "start" | "model" | "tools";
export type TransportKind = "generate" | "stream";

export interface FinalAnswer {
  text: string;
  output: unknown;
  finishReason: string | undefined;
}

export class RunContext {
  readonly history: History;
  readonly log: Logger;
  readonly tools: ReadonlyMap<string, AnyTool>;
  /** Proves the history before each request, step by step (only what is new each time). */
  readonly preflight: PreflightCheck;
  /** Every request of the run: the agent's fixed fields and the live history (one array all along). */
  readonly request: GenerateContentRequest;
  /** The options of every model call when nobody listens for retries. */
  readonly callOptions: CallOptions;
  /** Events are built only when someone listens. */
  readonly emitting: boolean;
  phase: RunPhase = "start";
  final: FinalAnswer | undefined;
  lastFinishReason: string | undefined;

  constructor(
    readonly config: AgentConfig,
    readonly state: RunState,
    readonly resumed: boolean,
    readonly maxSteps: number,
    readonly options: RunOptions,
    readonly transport: TransportKind,
    private readonly sink: EventSink | undefined,
  ) {
    this.history = new History(state.contents);
    this.preflight = new PreflightCheck({ requireSignatures: config.capabilities.requiresThoughtSignatures });
    this.request = { ...config.base, contents: state.contents };
    this.callOptions = { signal: options.signal };
    // A silent logger stays the same object: a child would cost an allocation per run for nothing.
    this.log = config.logger.level === "silent" ? config.logger : config.logger.child({ runId: state.runId });
    this.emitting = sink !== undefined || config.hooks.onEvent !== undefined;
    this.tools = config.search.subcall
      ? new Map(config.tools).set(
          SEARCH_TOOL_NAME,
          // The sub-request's usage counts toward this run.
          createSearchTool(config.provider, config.model, config.search.googleSearch, (result) =>
            addUsage(state.usage, usageFrom(result.usage, result.response.credits_consumed)),
          ),
        )
      : config.tools;
  }

  get runId(): string {
    return this.state.runId;
  }

  emit(event: AgentEvent): void {
    this.sink?.push(event);
    this.config.hooks.onEvent?.(event);
  }

  /** Undefined when the run may go on; else a promise to await (the consumer is behind, or the signal fires). */
  ready(): Promise<void> | undefined {
    const wait = this.sink?.ready();
    const signal = this.options.signal;
    if (!wait || !signal) return wait;
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      void wait.then(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      });
    });
  }

  /**
   * Calls `onCheckpoint`; returns what it returned, so callers await only a hook's promise: with no
   * hook (or a synchronous one) there is nothing to wait for, and an `await` would still cost a hop.
   */
  checkpoint(): void | Promise<void> {
    return this.config.hooks.onCheckpoint?.(this.state);
  }

  /** The model's id when it sent one, else one the loop assigns (never put on the wire). */
  callId(call: FunctionCall, step: number, index: number): string {
    return call.id ?? `${this.state.runId}:${step}:${index}`;
  }

  result(status: RunResult["status"]): RunResult {
    const { state } = this;
    const completed = status === "completed";
    return {
      runId: state.runId,
      status,
      text: completed ? (this.final?.text ?? "") : "",
      output: completed ? this.final?.output : undefined,
      contents: state.contents,
      steps: state.steps,
      usage: state.usage,
      state,
      searchStrategy: this.config.search.used,
      pendingApprovals: status === "awaiting_approval" ? awaitingApproval(state.pending).map(toApproval) : [],
      finishReason: this.final?.finishReason ?? this.lastFinishReason,
    };
  }
}
