// The model answered without calls: the run ends here, unless an `output` schema rejects the
// answer, which is then re-asked once with the issues before `StructuredOutputError`.
import { StructuredOutputError } from "./errors.js";
import type { ModelTurn } from "./model-step.js";
import type { RunContext } from "./run-context.js";
import { endStep } from "./run-events.js";
import type { StepRecord } from "./step-record.js";
import { outputReaskText } from "./structured-output.js";

/** Returns true when the run has its final answer, false after a re-ask. */
export async function finishAnswer(ctx: RunContext, turn: ModelTurn, record: StepRecord): Promise<boolean> {
  const { state, config } = ctx;
  if (turn.parts.length) ctx.history.appendModel(turn.parts);
  let output: unknown;
  if (config.output) {
    const parsed = config.output.parse(record.text);
    if (!parsed.ok) {
      if (state.outputReasks >= config.outputReasks) {
        endStep(ctx, record);
        throw new StructuredOutputError(record.text, parsed.issues, ctx.result("incomplete"), state);
      }
      state.outputReasks++;
      record.kind = "reask";
      endStep(ctx, record);
      ctx.history.appendUser([{ text: outputReaskText(parsed.issues) }]);
      const saving = ctx.checkpoint();
      if (saving) await saving;
      return false;
    }
    output = parsed.value;
  }
  ctx.final = { text: record.text, output, finishReason: turn.finishReason };
  // Saved as completed: resuming this checkpoint must not ask the model again.
  state.status = "completed";
  endStep(ctx, record);
  const saving = ctx.checkpoint();
  if (saving) await saving;
  return true;
}
