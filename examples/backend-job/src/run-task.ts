// One task: start its run, or resume it from its checkpoint, with its own child logger (every line
// carries the task id, the agent's own and each tool call's included). Every checkpoint the loop
// reports is saved before the loop goes on, so a restart repeats no finished model turn and no
// finished tool call.
import { Agent, type RunResult, type RunState } from "@signet/core";
import type { Provider } from "@signet/provider";
import type { Logger } from "pino";
import type { ActionLog, CheckpointStore, TaskResult } from "./checkpoint-store.js";
import { lookupCustomer, searchHelpCenter, setTicketTriage } from "./support-tools.js";
import { type Task, ticketPrompt } from "./tasks.js";

export const TRIAGE_INSTRUCTIONS =
  "You triage customer support tickets. Look up the customer and search the help center (both at once), " +
  "then call set_ticket_triage exactly once with a priority, a category and a one-sentence summary. " +
  "VIP customers and outages get a higher priority. Finish with a two-sentence note for the person " +
  "who will handle the ticket, citing any help-center article that applies.";

export interface TaskContext {
  provider: Provider;
  model: string;
  store: CheckpointStore;
  actions: ActionLog;
  logger: Logger;
  signal: AbortSignal;
}

const lastModelText = (state: RunState): string => {
  const last = state.contents.findLast((c) => c.role === "model");
  return (last?.parts ?? []).flatMap((p) => ("text" in p && !p.thought ? [p.text] : [])).join("");
};

export async function runTask(task: Task, ctx: TaskContext): Promise<TaskResult> {
  if (!task.ok) return { id: task.id, status: "failed", error: task.error, code: "invalid_task" };
  const { ticket } = task;
  const log = ctx.logger.child({ taskId: ticket.id });
  const saved = await ctx.store.loadState(ticket.id);

  const finished = async (state: RunState, resumed: boolean, text: string): Promise<TaskResult> => ({
    id: ticket.id,
    status: "ok",
    answer: text,
    triage: await ctx.actions.find(`${ticket.id}/`),
    steps: state.steps.length,
    tokens: state.usage.totalTokens,
    resumed,
  });

  // Killed after the run completed but before its result line was written: nothing left to ask.
  if (saved?.status === "completed") {
    log.info({ runId: saved.runId }, "task already completed in its checkpoint");
    return finished(saved, true, lastModelText(saved));
  }

  const agent = new Agent({
    provider: ctx.provider,
    model: ctx.model,
    instructions: TRIAGE_INSTRUCTIONS,
    tools: [lookupCustomer, searchHelpCenter, setTicketTriage(ctx.actions, ticket.id)],
    logger: log,
    hooks: {
      // Awaited by the loop: the state is on disk before the run goes on.
      onCheckpoint: (state) => ctx.store.saveState(ticket.id, state),
      beforeToolCall: ({ step, callId, name }) => log.info({ step, callId, tool: name }, "tool start"),
      afterToolCall: ({ step, callId, name, outcome }) =>
        log.info({ step, callId, tool: name, ok: outcome.ok, durationMs: outcome.durationMs }, "tool done"),
    },
  });
  log.info({ resumed: saved !== undefined, step: saved?.step ?? 0 }, saved ? "task resumed" : "task started");
  try {
    const result: RunResult = saved
      ? await agent.run(saved, { signal: ctx.signal })
      : await agent.run(ticketPrompt(ticket), { signal: ctx.signal });
    // No save here: the loop's last checkpoint already holds the completed state.
    log.info({ steps: result.steps.length, tokens: result.usage.totalTokens }, "task done");
    return finished(result.state, saved !== undefined, result.text);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    log.error({ err: error }, "task failed");
    return {
      id: ticket.id,
      status: "failed",
      error: message.replace(/\s*\n\s*/g, " "),
      ...(typeof code === "string" ? { code } : {}),
    };
  }
}
