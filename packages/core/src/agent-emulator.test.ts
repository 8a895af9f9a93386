// The agent against the strict @signet/testing emulator: it issues its own thought signatures and
// refuses (as the real API does) any request that drops or moves one, mispairs responses, or mixes
// search with function tools where the gateway forbids it.
import { createProvider } from "@signet/provider";
import { createEmulator } from "@signet/testing";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import { G3 } from "./test-support/emulated.js";
import { testTool } from "./test-support/tools.js";

const weather = testTool<{ city: string }>({
  name: "get_weather",
  required: { city: "string" },
  execute: ({ city }) => ({ city, tempC: 20 }),
});

describe.each(["google", "kie", "kkiai", "aivideoapi"] as const)("emulated %s", (gateway) => {
  it.each(["run", "stream"] as const)(
    "parallel then sequential calls with %s: every request accepted",
    async (mode) => {
      await using emulator = await createEmulator({
        whenScriptEmpty: "error",
        foreignSignatures: "reject",
        schemaDialect: "signet",
        script: [
          {
            functionCalls: [
              { name: "get_weather", args: { city: "Paris" } },
              { name: "get_weather", args: { city: "Rome" } },
            ],
          },
          { functionCalls: [{ name: "get_weather", args: { city: "Oslo" } }] },
          { text: "Paris 20, Rome 20, Oslo 20", thought: "Summarising" },
        ],
      });
      const provider = createProvider({
        gateway,
        apiKey: "sk-test",
        baseUrl: emulator.baseUrlFor(gateway),
        retry: false,
      });
      try {
        const agent = new Agent({
          provider,
          model: G3,
          tools: [weather],
          search: true,
          generationConfig: { thinkingConfig: { includeThoughts: true } },
        });
        const result = mode === "run" ? await agent.run("weather?") : await agent.stream("weather?").result;
        expect(result.text).toBe("Paris 20, Rome 20, Oslo 20");
        expect(result.searchStrategy).toBe(gateway === "google" ? "combined" : "subcall");
        expect(emulator.requests).toHaveLength(3);
        // Every model turn went back exactly as the emulator sent it.
        const body = emulator.requests.at(-1)!.body as { contents: unknown[] };
        expect(body.contents).toEqual(result.contents.slice(0, -1));
        // Only the first of the parallel calls is signed, and its signature came back on it.
        const calls = result.contents[1]!.parts.filter((p) => "functionCall" in p);
        expect(calls.map((p) => Boolean(p.thoughtSignature))).toEqual([true, false]);
      } finally {
        await provider.close();
      }
    },
  );
});
