import { Agent } from "@signet/core";
import { providerFromEnv } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";

const getWeather = defineTool({
  name: "get_weather",
  description: "The current weather in a city. Call it once per city.",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, tempC: city === "Tokyo" ? 24 : 18 }),
});

const agent = new Agent({ provider: providerFromEnv(), model: "gemini-2.5-flash", tools: [getWeather] });

const run = agent.stream("What's the weather in Paris and Tokyo?");
for await (const event of run) {
  if (event.type === "text_delta") process.stdout.write(event.text); // as the chunks arrive
  if (event.type === "tool_call") console.error(`-> ${event.name}`, event.args);
  if (event.type === "retry") console.error(`retry ${event.attempt} in ${event.delayMs} ms`);
}
const result = await run.result; // text, contents (the history as exchanged), steps, usage, state
console.error(`\n${result.steps.length} steps, ${result.usage.totalTokens} tokens`);
