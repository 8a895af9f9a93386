// The stderr trace, event by event: compact by default (calls, results, tool errors, retries),
// more with --verbose (the run, steps with tokens, thoughts on one line, results, the total).
import type { AgentEvent } from "@signet/core";
import { describe, expect, it } from "vitest";
import { createTrace } from "./trace.js";

const runId = "run-1";
const args = { location: "Paris" };
const EVENTS: AgentEvent[] = [
  { type: "run_start", runId, model: "gemini-2.5-flash", searchStrategy: "none", resumed: false },
  { type: "step_start", runId, step: 1 },
  { type: "thought_delta", runId, step: 1, text: "The user asks\nabout Paris." },
  { type: "thought_delta", runId, step: 1, text: " Call the tool." },
  {
    type: "tool_call",
    runId,
    step: 1,
    callId: "c1",
    name: "get_weather_forecast",
    args,
    call: { name: "get_weather_forecast", args },
  },
  {
    type: "tool_result",
    runId,
    step: 1,
    callId: "c1",
    name: "get_weather_forecast",
    result: { t: 18 },
    durationMs: 4,
  },
  {
    type: "tool_error",
    runId,
    step: 1,
    callId: "c2",
    name: "get_weather_forecast",
    error: { kind: "invalid_arguments", message: "days: must be at most 7" },
    durationMs: 0,
  },
  { type: "retry", runId, step: 2, attempt: 2, delayMs: 1500, error: new Error("The model is overloaded.") },
];

function trace(verbose: boolean, events: AgentEvent[] = EVENTS): string {
  let text = "";
  const onEvent = createTrace({ verbose, out: (t) => (text += t) });
  for (const event of events) onEvent(event);
  return text;
}

describe("createTrace", () => {
  it("by default: tool calls, results with their time, tool errors and retries, one line each", () => {
    expect(trace(false)).toBe(
      '→ get_weather_forecast(location: "Paris")\n' +
        '✓ get_weather_forecast(location: "Paris") 4 ms\n' +
        "✗ get_weather_forecast: invalid_arguments: days: must be at most 7 (sent to the model)\n" +
        "↻ attempt 2 in 1.5 s: The model is overloaded.\n",
    );
  });

  it("--verbose: the run, the step, the thoughts on one line, the result's JSON", () => {
    expect(trace(true)).toBe(
      "· run run-1 on gemini-2.5-flash\n" +
        "· step 1\n" +
        "  thinking: The user asks about Paris. Call the tool.\n" +
        '→ get_weather_forecast(location: "Paris")\n' +
        '✓ get_weather_forecast(location: "Paris") 4 ms {"t":18}\n' +
        "✗ get_weather_forecast: invalid_arguments: days: must be at most 7 (sent to the model)\n" +
        "↻ attempt 2 in 1.5 s: The model is overloaded.\n",
    );
  });
});
