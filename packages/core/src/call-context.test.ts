// The tool context makes its signal and logger only when a tool reads them, and the signal still
// tells the truth whenever it is first read: aborted by the run, or by the call's deadline.
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { CallContext } from "./call-context.js";
import { capturingLogger } from "./test-support/log-capture.js";

const silent = pino({ level: "silent" });

describe("CallContext", () => {
  it("follows the run's signal, also when first read after the run was aborted", () => {
    const run = new AbortController();
    const early = new CallContext("c1", "t", silent, run.signal);
    const signal = early.signal;
    expect(signal.aborted).toBe(false);
    run.abort(new Error("stop"));
    expect([signal.aborted, (signal.reason as Error).message]).toEqual([true, "stop"]);
    const late = new CallContext("c2", "t", silent, run.signal);
    expect(late.signal.aborted).toBe(true);
    expect(early.signal).toBe(signal);
  });

  it("a deadline that passed before the tool looked still aborts its signal", () => {
    const context = new CallContext("c1", "t", silent, undefined);
    context.stop(new Error("timed out after 5 ms"));
    expect([context.signal.aborted, (context.signal.reason as Error).message]).toEqual([
      true,
      "timed out after 5 ms",
    ]);
  });

  it("stops forwarding the run's abort once the call settled", () => {
    const run = new AbortController();
    const context = new CallContext("c1", "t", silent, run.signal);
    const signal = context.signal;
    context.dispose();
    run.abort();
    expect(signal.aborted).toBe(false);
  });

  it("logs through a child carrying the tool name and call id, made once", () => {
    const { logger, lines } = capturingLogger("info");
    const parent = logger.child({ runId: "r1" });
    const context = new CallContext("c7", "get_weather", parent, undefined);
    expect(context.logger).toBe(context.logger);
    context.logger.info("hello");
    expect(lines).toEqual([
      expect.objectContaining({ runId: "r1", tool: "get_weather", callId: "c7", msg: "hello" }),
    ]);
  });
});
