// Signet as a user writes it: a provider, a Zod-typed tool, an Agent; `run` and `stream`.
import { Agent } from "@signet/core";
import { createProvider } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";
import { API_KEY, MODEL, QUESTION, TOOL_DESCRIPTION, TOOL_NAME, weather } from "../scenario.js";
import type { Contender, ContenderRunner } from "./contender.js";

function agentFor(baseUrl: string) {
  const provider = createProvider({ gateway: "google", apiKey: API_KEY, baseUrl });
  const getWeather = defineTool({
    name: TOOL_NAME,
    description: TOOL_DESCRIPTION,
    parameters: z.object({ city: z.string().describe("City name") }),
    execute: ({ city }) => weather(city),
  });
  return { provider, agent: new Agent({ provider, model: MODEL, tools: [getWeather] }) };
}

export const signetRun: Contender = {
  id: "signet",
  label: "Signet Agent.run",
  streaming: false,
  signet: true,
  setup(baseUrl): ContenderRunner {
    const { provider, agent } = agentFor(baseUrl);
    return {
      run: async () => (await agent.run(QUESTION)).text,
      close: () => provider.close(),
    };
  },
};

export const signetStream: Contender = {
  id: "signet-stream",
  label: "Signet Agent.stream",
  streaming: true,
  signet: true,
  setup(baseUrl): ContenderRunner {
    const { provider, agent } = agentFor(baseUrl);
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
