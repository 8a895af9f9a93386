import { Agent } from "@signet/core";
import { createProvider } from "@signet/provider";
import { createEmulator } from "@signet/testing";
import { defineTool } from "@signet/tools";
import { expect, it } from "vitest";
import { z } from "zod";

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, tempC: city === "Oslo" ? 3 : 18 }),
});

it("answers with the weather of both cities, from one step of parallel calls", async () => {
  await using emulator = await createEmulator({ whenScriptEmpty: "error" });
  const provider = createProvider({ gateway: "google", apiKey: "test-key", baseUrl: emulator.url });
  const agent = new Agent({ provider, model: "gemini-2.5-flash", tools: [getWeather] });

  emulator.script(
    {
      functionCalls: [
        { name: "get_weather", args: { city: "Oslo" } },
        { name: "get_weather", args: { city: "Rome" } },
      ],
    },
    { text: "Oslo 3°C, Rome 18°C." },
  );
  const result = await agent.run("Weather in Oslo and Rome?");
  expect(result.text).toBe("Oslo 3°C, Rome 18°C.");
  expect(emulator.requests[1]!.body).toMatchObject({
    contents: [
      { role: "user", parts: [{ text: "Weather in Oslo and Rome?" }] },
      {
        role: "model",
        parts: [
          { functionCall: { name: "get_weather", args: { city: "Oslo" } } },
          { functionCall: { name: "get_weather", args: { city: "Rome" } } },
        ],
      },
      {
        role: "user",
        parts: [
          { functionResponse: { name: "get_weather", response: { city: "Oslo", tempC: 3 } } },
          { functionResponse: { name: "get_weather", response: { city: "Rome", tempC: 18 } } },
        ],
      },
    ],
  });
  await provider.close();
});
