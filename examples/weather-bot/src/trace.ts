// The stderr trace: what the agent is doing, compact by default (tool calls, results, retries),
// more with --verbose (steps, thoughts, usage, finish reasons). stdout stays for the answer alone.
import type { AgentEvent } from "@signet/core";

export interface TraceOptions {
  verbose: boolean;
  /** Where the trace goes; default stderr. */
  out?: (text: string) => void;
}

const argsView = (args: Record<string, unknown>) =>
  Object.entries(args)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(", ");

const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Returns an event handler that writes trace lines to stderr. */
export function createTrace({ verbose, out = (t) => process.stderr.write(t) }: TraceOptions) {
  const write = (line: string) => out(`${line}\n`);
  const calls = new Map<string, string>();
  let thinking = false;
  return (event: AgentEvent): void => {
    if (thinking && event.type !== "thought_delta") {
      write("");
      thinking = false;
    }
    switch (event.type) {
      case "run_start":
        if (verbose) write(`· run ${event.runId} on ${event.model}${event.resumed ? " (resumed)" : ""}`);
        break;
      case "step_start":
        if (verbose) write(`· step ${event.step}`);
        break;
      case "thought_delta":
        if (verbose) {
          if (!thinking) out("  thinking: ");
          out(event.text.replace(/\n+/g, " "));
          thinking = true;
        }
        break;
      case "tool_call": {
        const view = argsView(event.args);
        calls.set(event.callId, view);
        write(`→ ${event.name}(${view})`);
        break;
      }
      case "tool_result":
        write(
          `✓ ${event.name}(${calls.get(event.callId) ?? ""}) ${seconds(event.durationMs)}` +
            (verbose ? ` ${clip(JSON.stringify(event.result), 400)}` : ""),
        );
        break;
      case "tool_error":
        write(`✗ ${event.name}: ${event.error.kind}: ${clip(event.error.message)} (sent to the model)`);
        break;
      case "retry":
        write(`↻ attempt ${event.attempt} in ${seconds(event.delayMs)}: ${clip(event.error.message)}`);
        break;
      case "step_finish":
        if (verbose) {
          const u = event.usage;
          write(
            `· step ${event.step} done: ${event.record.kind}, finish ${event.record.finishReason ?? "-"}, ` +
              `tokens in ${u.promptTokens} out ${u.candidatesTokens} thoughts ${u.thoughtsTokens}`,
          );
        }
        break;
      case "run_finish":
        if (verbose) {
          const u = event.result.usage;
          write(`· ${event.result.status} in ${event.result.steps.length} step(s), ${u.totalTokens} tokens`);
        }
        break;
      default:
        break;
    }
  };
}
