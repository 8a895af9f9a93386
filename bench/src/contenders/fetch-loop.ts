// The floor: the least a client can do. `fetch`, one JSON.stringify per request, one JSON.parse per
// response, the model turn pushed back as received, tools run in parallel. No validation, no events,
// no retries. The floor the budget is judged against sends through undici 7's Agent (keep-alive,
// timeouts), the HTTP stack Signet uses; a second row sends through Node's default dispatcher
// (Node 20's bundled undici 6), as a plain `fetch(url)` does. See docs/benchmarks.md, "HTTP stacks".
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
import { type DispatcherInit, keepAliveAgent } from "./undici-agent.js";

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

function loop(step: Step, close: () => Promise<void>): ContenderRunner {
  return {
    async run() {
      const contents: Content[] = [{ role: "user", parts: [{ text: QUESTION }] }];
      for (let i = 0; i < MAX_STEPS; i++) {
        const turn = await step(contents);
        contents.push(turn);
        const calls = turn.parts.flatMap((p) => (p.functionCall !== undefined ? [p.functionCall] : []));
        if (calls.length === 0) {
          return turn.parts.map((p) => (p.text !== undefined && p.thought !== true ? p.text : "")).join("");
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
    close,
  };
}

/** What a loop adds to every request's init: a dispatcher, and for one floor a redirect mode. */
type Via = DispatcherInit & { redirect?: RequestInit["redirect"] };

async function post(url: string, contents: Content[], via: Via): Promise<Response> {
  const init = { method: "POST", headers: HEADERS, body: JSON.stringify({ contents, tools: TOOLS }), ...via };
  // `dispatcher` is undici's extension of RequestInit (@types/node types it with Node's bundled undici).
  const response = await fetch(url, init as RequestInit);
  if (!response.ok) throw new Error(`fetch loop: HTTP ${response.status}: ${await response.text()}`);
  return response;
}

/** A pool of its own per contender (undici 7), or none: Node's global dispatcher. */
function transport(sameStack: boolean, extra: Via = {}): { via: Via; close: () => Promise<void> } {
  if (!sameStack) return { via: extra, close: async () => {} };
  const dispatcher = keepAliveAgent();
  return { via: { ...extra, dispatcher }, close: () => dispatcher.close() };
}

function jsonLoop(base: string, sameStack: boolean, extra?: Via): ContenderRunner {
  const url = `${base}/v1beta/models/${MODEL}:generateContent`;
  const { via, close } = transport(sameStack, extra);
  return loop(async (contents) => {
    const body = (await (await post(url, contents, via)).json()) as GenerateContentResponse;
    const content = body.candidates?.[0]?.content;
    if (!content?.parts) throw new Error("fetch loop: a response without content");
    return content as Content;
  }, close);
}

/** The floor the budget is judged against: fetch + undici 7's Agent, Signet's HTTP stack. */
export const fetchLoop: Contender = {
  id: "fetch",
  label: "fetch loop (floor)",
  baseline: true,
  streaming: false,
  setup: (base) => jsonLoop(base, true),
};

/**
 * The floor with `redirect: "error"`, as @signet/provider sends: fetch then skips the copy of every
 * request it keeps to follow a redirect (a tee of the body). Opt-in (`--only fetch-noredirect`).
 */
export const fetchNoRedirectLoop: Contender = {
  id: "fetch-noredirect",
  label: "fetch loop, redirect error",
  streaming: false,
  optIn: true,
  setup: (base) => jsonLoop(base, true, { redirect: "error" }),
};

/** The same loop on Node's default dispatcher (bundled undici 6): what a plain `fetch(url)` uses. */
export const fetchNodeLoop: Contender = {
  id: "fetch-node",
  label: "fetch loop, Node's dispatcher",
  streaming: false,
  setup: (base) => jsonLoop(base, false),
};

/** The floor over `streamGenerateContent?alt=sse` (undici 7): the model turn is every chunk's parts, in order. */
export const fetchSseLoop: Contender = {
  id: "fetch-sse",
  label: "fetch loop, SSE",
  streaming: true,
  streamFloor: true,
  setup(base) {
    const url = `${base}/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`;
    const { via, close } = transport(true);
    return loop(async (contents) => {
      const response = await post(url, contents, via);
      const parts: Part[] = [];
      for await (const chunk of readSseResponses(response)) {
        const chunkParts = chunk.candidates?.[0]?.content?.parts;
        if (chunkParts) parts.push(...chunkParts);
      }
      return { role: "model", parts };
    }, close);
  },
};
