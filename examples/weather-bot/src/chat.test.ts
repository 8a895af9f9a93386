// The chat mode driven through stdin: two questions, the second sent with the first's history, then
// a clean exit on end of input or on Ctrl-C (SIGINT), also in the middle of an answer.

import { cleanEnv, startCli } from "@signet/example-support/cli-testing";
import type { Content, GenerateContentRequest } from "@signet/provider";
import { chunkGate, createEmulator } from "@signet/testing";
import { describe, expect, it } from "vitest";

const MAIN = "examples/weather-bot/src/main.ts";

describe("pnpm weather with no question: the chat", () => {
  it("keeps the history across turns and exits 0 at end of input", async () => {
    await using emulator = await createEmulator();
    const cli = startCli(
      MAIN,
      [],
      cleanEnv({
        SIGNET_GATEWAY: "kkiai",
        SIGNET_API_KEY: "sk-chat-test-key",
        SIGNET_BASE_URL: emulator.baseUrlFor("kkiai"),
        WEATHER_DATA: "sample",
      }),
    );
    await cli.waitFor(({ stderr }) => stderr.includes("you> "));
    cli.child.stdin.write("What's the weather in Paris?\n");
    await cli.waitFor(({ stdout }) => stdout.includes("get_weather_forecast(Paris) returned"));
    cli.child.stdin.write("And in Tokyo?\n");
    await cli.waitFor(({ stdout }) => stdout.includes("get_weather_forecast(Tokyo) returned"));
    cli.child.stdin.end();
    const run = await cli.done;

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/bye\n$/);
    // Two answers on stdout, one per line, nothing else.
    expect(run.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^Here is what I found: get_weather_forecast\(Paris\) returned/),
      expect.stringMatching(/^Here is what I found: get_weather_forecast\(Tokyo\) returned/),
    ]);
    // Four model calls; the third carries the whole first exchange, exactly as it went over the wire.
    expect(emulator.requests).toHaveLength(4);
    const first = (emulator.requests[1]!.body as GenerateContentRequest).contents;
    const third = (emulator.requests[2]!.body as GenerateContentRequest).contents;
    const firstAnswer = emulator.requests[1]!.responses.flatMap(
      (r) => (r as { candidates: { content: Content }[] }).candidates[0]!.content.parts,
    );
    expect(third.slice(0, 3)).toEqual(first);
    expect(third[3]).toEqual({ role: "model", parts: firstAnswer });
    expect(third[4]).toEqual({ role: "user", parts: [{ text: "And in Tokyo?" }] });
  });

  it("Ctrl-C (SIGINT) leaves cleanly with exit 0, even while an answer is being written", async () => {
    // The answer's second chunk is held, so the signal lands in the middle of the answer, surely.
    await using emulator = await createEmulator({ whenScriptEmpty: "error" });
    const gate = chunkGate({ pass: 1 });
    emulator.script(
      { functionCalls: [{ name: "get_weather_forecast", args: { location: "Paris" } }] },
      { parts: [{ text: "Paris is " }, { text: "cloudy." }], beforeChunk: gate.beforeChunk },
    );
    const cli = startCli(
      MAIN,
      [],
      cleanEnv({ SIGNET_API_KEY: "sk-chat-test-key", SIGNET_BASE_URL: emulator.url, WEATHER_DATA: "sample" }),
    );
    await cli.waitFor(({ stderr }) => stderr.includes("you> "));
    cli.child.stdin.write("What's the weather in Paris?\n");
    await gate.held();
    await cli.waitFor(({ stdout }) => stdout === "Paris is ");
    cli.child.kill("SIGINT");
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.signal).toBeNull();
    expect(run.stdout).toBe("Paris is ");
    expect(run.stderr).toMatch(/\nbye\n$/);
    expect(run.stderr).not.toMatch(/error|Error/);
  });
});
