// Signet as a user writes it: a provider, a Zod-typed tool, an Agent; `run` and `stream`.
import { Agent } from "@signet/core";
import { createProvider, type Provider } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";
import { API_KEY, MODEL, QUESTION, TOOL_DESCRIPTION, TOOL_NAME, weather } from "../scenario.js";
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
