// The AI SDK as its docs show it: generateText with an executing tool and a step limit.
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { generateText, jsonSchema, stepCountIs, tool } from "ai";
import {
  API_KEY,
  MODEL,
  QUESTION,
  TOOL_DESCRIPTION,
  TOOL_NAME,
  WEATHER_JSON_SCHEMA,
  weather,
} from "../scenario.js";
import type { Contender } from "./contender.js";

export const aiSdk: Contender = {
  id: "ai-sdk",
  label: "AI SDK generateText",
  streaming: false,
  setup(baseUrl) {
    const model = createGoogleGenerativeAI({ apiKey: API_KEY, baseURL: `${baseUrl}/v1beta` })(MODEL);
    const tools = {
      [TOOL_NAME]: tool({
        description: TOOL_DESCRIPTION,
        inputSchema: jsonSchema<{ city: string }>(WEATHER_JSON_SCHEMA),
        execute: async ({ city }) => weather(city),
      }),
    };
    return {
      async run() {
        const result = await generateText({ model, tools, prompt: QUESTION, stopWhen: stepCountIs(10) });
        return result.text;
      },
      close: async () => {},
    };
  },
};
