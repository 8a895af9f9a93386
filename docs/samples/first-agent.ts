import { Agent } from "@signet/core";
import { providerFromEnv } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";

const getWeather = defineTool({
  name: "get_weather",
  description: "The current weather in a city.",
  parameters: z.object({ city: z.string().describe("A city name, e.g. Paris") }),
  execute: async ({ city }) => ({ city, tempC: 18, sky: "partly cloudy" }),
});

const agent = new Agent({
  provider: providerFromEnv(), // SIGNET_GATEWAY, SIGNET_API_KEY, SIGNET_BASE_URL
  model: process.env.SIGNET_MODEL ?? "gemini-2.5-flash",
  tools: [getWeather],
});

const result = await agent.run("What's the weather in Paris?");
console.log(result.text);
