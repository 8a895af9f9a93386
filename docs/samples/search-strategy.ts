import { Agent } from "@signet/core";
import { providerFromEnv } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";

const provider = providerFromEnv(); // SIGNET_GATEWAY, SIGNET_API_KEY, SIGNET_BASE_URL
const model = process.env.SIGNET_MODEL ?? "gemini-3-flash-preview";
const getWeather = defineTool({
  name: "get_weather",
  description: "The current weather in a city.",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, tempC: 18 }),
});
const tools = [getWeather];

// Combined where the gateway allows it (Google + Gemini 3), else a subcall. `search: true` is the same.
const agent = new Agent({ provider, model, tools, search: "auto" });
console.log(`search: "auto" gives ${agent.searchStrategy}`);

// Always a subcall, with options for Google Search itself.
const subcall = new Agent({
  provider,
  model,
  tools,
  search: { strategy: "subcall", googleSearch: { excludeDomains: ["x.com"] } },
});
const result = await subcall.run("Search the news: did Oslo win the cup?");
console.log(`${result.searchStrategy}: ${result.text}`);
await provider.close();
