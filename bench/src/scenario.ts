// The one conversation every contender runs: a question, two parallel calls of one tool, the answer.
// Kept in one place so the emulator's script and every client agree on names and results.

export const MODEL = "gemini-3-flash-preview";
export const API_KEY = "bench-key";
export const QUESTION = "What is the weather in Paris and Tokyo?";
export const CITIES = ["Paris", "Tokyo"] as const;
export const TOOL_NAME = "get_weather";
export const TOOL_DESCRIPTION = "Get the current weather for a city";

export type Weather = { city: string; temperatureC: number; sky: string };

/** The tool's implementation, shared by every contender so they all do the same work. */
export function weather(city: string): Weather {
  return { city, temperatureC: city.length + 10, sky: "clear" };
}

/** The tool's parameters as plain JSON Schema (the clients that take JSON Schema use this). */
export const WEATHER_JSON_SCHEMA = {
  type: "object",
  properties: { city: { type: "string", description: "City name" } },
  required: ["city"],
} as const;

/** The same parameters in Gemini's Schema dialect (the hand-written loop sends this). */
export const WEATHER_GEMINI_SCHEMA = {
  type: "OBJECT",
  properties: { city: { type: "STRING", description: "City name" } },
  required: ["city"],
} as const;

/**
 * Whether `answer` is the emulator's final answer for this conversation: it quotes each tool
 * result as the client sent it back, so it only matches when both calls were run and answered.
 */
export function isCompleteAnswer(answer: string): boolean {
  return CITIES.every((city) => answer.includes(JSON.stringify(weather(city))));
}
