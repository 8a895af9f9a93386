// The answer reaches stdout while the model is still writing it, and Ctrl-C during an answer is one
// line and exit 130. The emulator holds the answer after its first chunk (chunkGate), so the proof
// does not depend on timing: if the bot waited for the end of the response, stdout would stay empty
// until the test releases the gate, and the test would time out instead of passing.
import { cleanEnv, startCli } from "@signet/example-support/cli-testing";
import { chunkGate, createEmulator, type Emulator, type ScriptedTurn } from "@signet/testing";
import { describe, expect, it } from "vitest";

const MAIN = "examples/weather-bot/src/main.ts";

const env = (emulator: Emulator) =>
  cleanEnv({ SIGNET_API_KEY: "sk-stream-test", SIGNET_BASE_URL: emulator.url, WEATHER_DATA: "sample" });

/** One call for Paris, then an answer in two chunks, the second held until the test lets it go. */
function script(emulator: Emulator) {
  const gate = chunkGate({ pass: 1 });
  const turns: ScriptedTurn[] = [
    { functionCalls: [{ name: "get_weather_forecast", args: { location: "Paris" } }] },
    {
      parts: [{ text: "Paris: 18°C and cloudy, " }, { text: "light rain tomorrow." }],
      beforeChunk: gate.beforeChunk,
    },
  ];
  emulator.script(...turns);
  return gate;
}

describe("pnpm weather streams its answer", () => {
  it("the first words are on stdout while the emulator still holds the rest of the answer", async () => {
    await using emulator = await createEmulator({ whenScriptEmpty: "error" });
    const gate = script(emulator);
    const cli = startCli(MAIN, ["Weather in Paris?"], env(emulator));
    cli.child.stdin.end();

    expect(await gate.held()).toBe(1);
    await cli.waitFor(({ stdout }) => stdout.includes("Paris: 18°C and cloudy, "));
    // Both at once: the words are out, the response is not finished.
    expect(cli.stdout).toBe("Paris: 18°C and cloudy, ");
    expect(gate.holding).toBe(1);
    expect(emulator.requests.map((r) => r.outcome)).toEqual(["complete", "in-flight"]);

    gate.open();
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("Paris: 18°C and cloudy, light rain tomorrow.\n");
    expect(emulator.requests.map((r) => r.outcome)).toEqual(["complete", "complete"]);
  });

  it("Ctrl-C in the middle of an answer: what was written stays, one line on stderr, exit 130", async () => {
    await using emulator = await createEmulator({ whenScriptEmpty: "error" });
    const gate = script(emulator);
    const cli = startCli(MAIN, ["Weather in Paris?"], env(emulator));
    cli.child.stdin.end();

    await gate.held();
    await cli.waitFor(
      ({ stdout, stderr }) =>
        stdout.includes("Paris: 18°C and cloudy, ") &&
        stderr.includes('✓ get_weather_forecast(location: "Paris")'),
    );
    const before = cli.stderr;
    cli.child.kill("SIGINT");
    const run = await cli.done;

    expect(run.code).toBe(130);
    expect(run.signal).toBeNull();
    expect(run.stdout).toBe("Paris: 18°C and cloudy, ");
    // Exactly one line was added to stderr, and it says what happened.
    expect(run.stderr.slice(before.length)).toBe(
      "weather: Interrupted (Ctrl-C) before the answer was complete.\n",
    );
  });
});
