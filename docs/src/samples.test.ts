// The runnable samples, run as a reader would (tsx on the file) against a local emulator through
// the documented environment variables: they must do what the docs say they do.
import type { GenerateContentRequest } from "@signet/provider";
import { createEmulator } from "@signet/testing";
import { describe, expect, it } from "vitest";
import { cleanEnv, runCli } from "../../examples/weather-bot/src/test-support/spawn-cli.js";

describe("docs samples", () => {
  it("first-agent.ts (the README's example) calls its tool and prints the answer", async () => {
    await using emulator = await createEmulator();
    const run = await runCli(
      "docs/samples/first-agent.ts",
      [],
      cleanEnv({ SIGNET_API_KEY: "sk-docs-test", SIGNET_BASE_URL: emulator.url }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      'Here is what I found: get_weather(Paris) returned {"city":"Paris","tempC":18,"sky":"partly cloudy"}.\n',
    );
    const declarations = (emulator.requests[0]!.body as GenerateContentRequest).tools;
    expect(declarations).toMatchObject([
      {
        functionDeclarations: [
          {
            name: "get_weather",
            description: "The current weather in a city.",
            parameters: {
              type: "OBJECT",
              properties: { city: { type: "STRING", description: "A city name, e.g. Paris" } },
              required: ["city"],
            },
          },
        ],
      },
    ]);
  });

  it("stream-events.ts streams the answer and reports both parallel calls (kie gateway)", async () => {
    await using emulator = await createEmulator();
    const run = await runCli(
      "docs/samples/stream-events.ts",
      [],
      cleanEnv({
        SIGNET_GATEWAY: "kie",
        SIGNET_API_KEY: "sk-docs-test",
        SIGNET_BASE_URL: emulator.baseUrlFor("kie"),
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('get_weather(Paris) returned {"city":"Paris","tempC":18}');
    expect(run.stdout).toContain('get_weather(Tokyo) returned {"city":"Tokyo","tempC":24}');
    expect(run.stderr).toContain("-> get_weather { city: 'Paris' }");
    expect(run.stderr).toContain("-> get_weather { city: 'Tokyo' }");
    expect(run.stderr).toMatch(/2 steps, \d+ tokens/);
    expect(emulator.requests.map((r) => r.stream)).toEqual([true, true]);
  });
});
