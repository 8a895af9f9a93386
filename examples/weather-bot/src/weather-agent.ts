// The agent: one model, one tool, short instructions. Everything else is Signet's defaults.
import { Agent, type AgentEvent } from "@signet/core";
import type { SignetProvider } from "@signet/provider";
import type { WeatherSource } from "./forecast-types.js";
import { weatherTool } from "./weather-tool.js";

export const INSTRUCTIONS =
  "You are a concise weather assistant. For any question about weather, call get_weather_forecast; " +
  "when several places are asked about, call it for all of them at once. Answer in a few sentences " +
  "with the numbers you got, and say so when the data is sample data rather than a real forecast.";

export function weatherAgent(options: {
  provider: SignetProvider;
  model: string;
  source: WeatherSource;
  onEvent: (event: AgentEvent) => void;
}): Agent {
  return new Agent({
    provider: options.provider,
    model: options.model,
    instructions: INSTRUCTIONS,
    tools: [weatherTool(options.source)],
    hooks: { onEvent: options.onEvent },
  });
}
