// @google/genai as its docs show a manual tool loop: generateContent, run `functionCalls`, send
// the model turn and the function responses back.
import { type Content, GoogleGenAI, type Part } from "@google/genai";
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

const MAX_STEPS = 10;

export const genai: Contender = {
  id: "genai",
  label: "@google/genai manual loop",
  streaming: false,
  setup(baseUrl) {
    const ai = new GoogleGenAI({ apiKey: API_KEY, httpOptions: { baseUrl } });
    const config = {
      tools: [
        {
          functionDeclarations: [
            { name: TOOL_NAME, description: TOOL_DESCRIPTION, parametersJsonSchema: WEATHER_JSON_SCHEMA },
          ],
        },
      ],
    };
    return {
      async run() {
        const contents: Content[] = [{ role: "user", parts: [{ text: QUESTION }] }];
        for (let i = 0; i < MAX_STEPS; i++) {
          const response = await ai.models.generateContent({ model: MODEL, contents, config });
          const calls = response.functionCalls ?? [];
          if (calls.length === 0) return response.text ?? "";
          const turn = response.candidates?.[0]?.content;
          if (!turn) throw new Error("genai: a response without content");
          contents.push(turn);
          const parts = await Promise.all(
            calls.map(
              async (call): Promise<Part> => ({
                functionResponse: {
                  ...(call.id === undefined ? {} : { id: call.id }),
                  name: call.name ?? "",
                  response: weather(String(call.args?.city)),
                },
              }),
            ),
          );
          contents.push({ role: "user", parts });
        }
        throw new Error(`genai: no answer after ${MAX_STEPS} steps`);
      },
      close: async () => {},
    };
  },
};
