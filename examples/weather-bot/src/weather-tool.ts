// The bot's one tool. Its Zod schema is the Gemini declaration (converted once by defineTool) and
// the validator of what the model sends; a source failure reaches the model as `{error}`.
import { defineTool } from "@signet/tools";
import { z } from "zod";
import type { WeatherSource } from "./forecast-types.js";

export const forecastParameters = z.object({
  location: z
    .string()
    .min(1)
    .describe('A city or place, optionally with its country: "Paris" or "Paris, France".'),
  days: z.number().int().min(1).max(7).optional().describe("How many days to forecast, 1 to 7 (default 3)."),
  units: z.enum(["celsius", "fahrenheit"]).optional().describe("Temperature units (default celsius)."),
});

export function weatherTool(source: WeatherSource) {
  return defineTool({
    name: "get_weather_forecast",
    description:
      "Get the current weather and the daily forecast (summary, high, low, precipitation) for one location. " +
      "Call it once per location; for several places, call it for each of them at once.",
    parameters: forecastParameters,
    timeoutMs: 20_000,
    execute: ({ location, days, units }, { signal }) =>
      source.forecast({ location, days: days ?? 3, units: units ?? "celsius" }, signal),
  });
}
