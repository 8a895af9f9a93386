import { Agent, serializeRunState } from "@signet/core";
import { providerFromEnv } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, tempC: 18 }),
});

const agent = new Agent({
  provider: providerFromEnv(), // or createProvider({ gateway: "google", apiKey })
  model: "gemini-3-flash-preview",
  instructions: "Be brief.",
  tools: [getWeather],
  generationConfig: { thinkingConfig: { thinkingLevel: "low", includeThoughts: true } },
});

const result = await agent.run("Weather in Paris?");
console.log(result.text); // the final answer (a view over the last model turn)
console.log(`${result.contents.length} contents`); // the whole Content[] exactly as exchanged
for (const step of result.steps) {
  // per step: kind, finish reason, usage, durations, and each call with its args and result or error
  console.log(`step ${step.step}: ${step.kind}, ${step.finishReason}, ${step.usage.totalTokens} tokens`);
  for (const call of step.calls) {
    console.log(
      `  ${call.name}(${JSON.stringify(call.args)}) -> ${JSON.stringify(call.ok ? call.result : call.error)}`,
    );
  }
}
// usage: prompt, candidates, thoughts, tool-use prompt and cached tokens; gateway credits when reported
console.log(`${result.usage.totalTokens} tokens in all, ${result.usage.thoughtsTokens} thinking`);
const saved = serializeRunState(result.state); // resumable JSON
console.log(`state: ${saved.length} bytes`);
