import { Agent } from "@signet/core";
import { providerFromEnv } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, tempC: 18 }),
});
const agent = new Agent({ provider: providerFromEnv(), model: "gemini-2.5-flash", tools: [getWeather] });

const stream = agent.stream("Weather in Paris?");
for await (const event of stream) {
  switch (event.type) {
    case "text_delta":
      process.stdout.write(event.text); // as each chunk arrives
      break;
    case "tool_call":
      console.error(`step ${event.step}: ${event.name} ${JSON.stringify(event.args)}`);
      break;
    case "tool_result":
      console.error(`step ${event.step}: ${event.name} returned ${JSON.stringify(event.result)}`);
      break;
  }
}
const result = await stream.result; // the same result `run` returns
console.error(`\n${result.steps.length} steps, ${result.usage.totalTokens} tokens`);
