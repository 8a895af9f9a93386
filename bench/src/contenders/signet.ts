// Signet as a user writes it: a provider, a Zod-typed tool, an Agent; `run` and `stream`.
import { Agent } from "@signet/core";
import { type Content, createProvider, type FunctionCall, type Provider, type Tool } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";
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

/** `Agent` of @signet/core, or of another build of it (the A/B harness, ab-core.ts). */
export type AgentClass = typeof Agent;

/** The provider a contender's agent uses: by default the real one over HTTP. */
export type ProviderFor = (real: Provider) => Provider;

function agentFor(baseUrl: string, AgentOf: AgentClass = Agent, via: ProviderFor = (real) => real) {
  const provider = via(createProvider({ gateway: "google", apiKey: API_KEY, baseUrl }));
  const getWeather = defineTool({
    name: TOOL_NAME,
    description: TOOL_DESCRIPTION,
    parameters: z.object({ city: z.string().describe("City name") }),
    execute: ({ city }) => weather(city),
  });
  return { provider, agent: new AgentOf({ provider, model: MODEL, tools: [getWeather] }) };
}

/** `Agent.run` and `Agent.stream` of one build of @signet/core, as contenders. */
export function signetContenders(AgentOf: AgentClass, tag = "", via?: ProviderFor): [Contender, Contender] {
  const run: Contender = {
    id: `signet${tag}`,
    label: `Signet Agent.run${tag}`,
    streaming: false,
    signet: true,
    setup(baseUrl): ContenderRunner {
      const { provider, agent } = agentFor(baseUrl, AgentOf, via);
      return {
        run: async () => (await agent.run(QUESTION)).text,
        close: () => provider.close(),
      };
    },
  };
  const stream: Contender = {
    id: `signet-stream${tag}`,
    label: `Signet Agent.stream${tag}`,
    streaming: true,
    signet: true,
    setup(baseUrl): ContenderRunner {
      const { provider, agent } = agentFor(baseUrl, AgentOf, via);
      return {
        async run() {
          const stream = agent.stream(QUESTION);
          // A consumer that reads every event, as a UI would.
          for await (const _event of stream) {
          }
          return (await stream.result).text;
        },
        close: () => provider.close(),
      };
    },
  };
  return [run, stream];
}

export const [signetRun, signetStream] = signetContenders(Agent);

/**
 * The floor's loop written on @signet/provider instead of fetch: what the provider layer costs (or
 * saves) on its own, and so what the agent loop adds on top of it. Opt-in (`--only signet-provider`).
 */
export const signetProviderLoop: Contender = {
  id: "signet-provider",
  label: "provider.generate loop",
  streaming: false,
  optIn: true,
  setup(baseUrl): ContenderRunner {
    const provider = createProvider({ gateway: "google", apiKey: API_KEY, baseUrl });
    const parameters = { ...WEATHER_GEMINI_SCHEMA, required: [...WEATHER_GEMINI_SCHEMA.required] };
    const tools: Tool[] = [
      { functionDeclarations: [{ name: TOOL_NAME, description: TOOL_DESCRIPTION, parameters }] },
    ];
    return {
      async run() {
        const contents: Content[] = [{ role: "user", parts: [{ text: QUESTION }] }];
        for (let i = 0; i < 10; i++) {
          const result = await provider.generate(MODEL, { contents, tools });
          contents.push({ role: "model", parts: result.parts });
          const calls: FunctionCall[] = [];
          for (const part of result.parts) {
            const call = (part as { functionCall?: FunctionCall }).functionCall;
            if (call) calls.push(call);
          }
          if (calls.length === 0) return result.text;
          contents.push({
            role: "user",
            parts: calls.map((call) => ({
              functionResponse: {
                ...(call.id === undefined ? {} : { id: call.id }),
                name: call.name,
                response: weather(String(call.args?.city)),
              },
            })),
          });
        }
        throw new Error("provider loop: no answer after 10 steps");
      },
      close: () => provider.close(),
    };
  },
};
