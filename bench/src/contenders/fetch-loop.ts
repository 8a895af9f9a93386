// The floor: the least a client can do. Plain `fetch`, one JSON.stringify per request, one
// JSON.parse per response, the model turn pushed back as received, tools run in parallel. No
// validation, no events, no retries.
import type { Content, GenerateContentResponse, Part } from "@signet/provider";
import {
  API_KEY,
  MODEL,
  QUESTION,
  TOOL_DESCRIPTION,
  TOOL_NAME,
  WEATHER_GEMINI_SCHEMA,
  weather,
} from "../scenario.js";
import type { Contender, ContenderRunner } from "./contender.js";
import { readSseResponses } from "./sse-lines.js";

const MAX_STEPS = 10;
const TOOLS = [
  {
    functionDeclarations: [
      { name: TOOL_NAME, description: TOOL_DESCRIPTION, parameters: WEATHER_GEMINI_SCHEMA },
    ],
  },
];
const HEADERS = { "content-type": "application/json", "x-goog-api-key": API_KEY };

type Step = (contents: Content[]) => Promise<Content>;

function loop(step: Step): ContenderRunner {
  return {
    async run() {
      const contents: Content[] = [{ role: "user", parts: [{ text: QUESTION }] }];
      for (let i = 0; i < MAX_STEPS; i++) {
        const turn = await step(contents);
        contents.push(turn);
        const calls = turn.parts.flatMap((p) => ("functionCall" in p ? [p.functionCall] : []));
        if (calls.length === 0) {
          return turn.parts.map((p) => ("text" in p && p.thought !== true ? p.text : "")).join("");
        }
        const parts = await Promise.all(
          calls.map(
            async (call): Promise<Part> => ({
              functionResponse: {
                ...(call.id === undefined ? {} : { id: call.id }),
                name: call.name,
                response: weather(String(call.args?.city)),
              },
            }),
          ),
        );
        contents.push({ role: "user", parts });
      }
      throw new Error(`fetch loop: no answer after ${MAX_STEPS} steps`);
    },
    close: async () => {},
  };
}

async function post(url: string, contents: Content[]): Promise<Response> {
  const response = await fetch(url, {
    method: "POST",
    headers: HEADERS,
    body: JSON.stringify({ contents, tools: TOOLS }),
  });
  if (!response.ok) throw new Error(`fetch loop: HTTP ${response.status}: ${await response.text()}`);
  return response;
}

export const fetchLoop: Contender = {
  id: "fetch",
  label: "fetch loop (floor)",
  baseline: true,
  streaming: false,
  setup(base) {
    const url = `${base}/v1beta/models/${MODEL}:generateContent`;
    return loop(async (contents) => {
      const body = (await (await post(url, contents)).json()) as GenerateContentResponse;
      const content = body.candidates?.[0]?.content;
      if (!content?.parts) throw new Error("fetch loop: a response without content");
      return content as Content;
    });
  },
};

/** The same floor over `streamGenerateContent?alt=sse`: the model turn is every chunk's parts, in order. */
export const fetchSseLoop: Contender = {
  id: "fetch-sse",
  label: "fetch loop, SSE",
  streaming: true,
  setup(base) {
    const url = `${base}/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`;
    return loop(async (contents) => {
      const response = await post(url, contents);
      const parts: Part[] = [];
      for await (const chunk of readSseResponses(response)) {
        const chunkParts = chunk.candidates?.[0]?.content?.parts;
        if (chunkParts) parts.push(...chunkParts);
      }
      return { role: "model", parts };
    });
  },
};
