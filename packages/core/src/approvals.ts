// Approvals: a call that needs a human decision waits while the run pauses with its state; a
// rejected call is answered with an error the model can read; an approved one runs like any other.
import type { FunctionCall } from "@signet/provider";
import { errorOutcome, type PreparedCall, prepareCall } from "./call-preparation.js";
import type { RunContext } from "./run-context.js";
import { emitOutcome } from "./run-events.js";
import type { PendingApproval } from "./run-result.js";
import type { PendingCall } from "./run-state.js";

/** The calls still waiting for a decision. */
export function awaitingApproval(pending: readonly PendingCall[] | undefined): PendingCall[] {
  return pending ? pending.filter((call) => call.approval === "pending" && !call.outcome) : [];
}

export function toApproval(call: PendingCall): PendingApproval {
  const approval: PendingApproval = { callId: call.callId, name: call.name, args: call.args };
  if (call.id !== undefined) approval.id = call.id;
  return approval;
}

/**
 * Looks each unsettled call up, validates its arguments and applies its approval rule. Returns, at
 * each call's index, the prepared call when it may run now; rejected calls are settled here (their
 * outcome is the error the model receives), calls awaiting a decision are left out.
 */
export async function decideCalls(
  ctx: RunContext,
  pending: PendingCall[],
  step: number,
): Promise<(PreparedCall | undefined)[]> {
  const runnable: (PreparedCall | undefined)[] = new Array(pending.length);
  for (let i = 0; i < pending.length; i++) {
    const call = pending[i]!;
    if (call.outcome) continue;
    const functionCall: FunctionCall =
      call.id === undefined
        ? { name: call.name, args: call.args }
        : { id: call.id, name: call.name, args: call.args };
    const ready = prepareCall(call.callId, functionCall, ctx.tools);
    // Only a valid call asks for approval: an invalid one goes back to the model as an error anyway.
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
      emitOutcome(ctx, call, step);
      continue;
    }
    if (call.approval !== "pending") runnable[i] = ready;
  }
  return runnable;
}
