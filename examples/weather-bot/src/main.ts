#!/usr/bin/env -S node --import tsx --conditions=@signet/source
// `pnpm weather "<question>"`: the answer on stdout as it is generated, the trace on stderr, exit 0;
// any failure is one line on stderr and a non-zero exit (2 for a usage mistake, 1 otherwise, 130
// when interrupted). The shebang makes this file the package's `weather` bin, which is how
// `pnpm weather` reaches it without pnpm's script banner on stdout (see the README).
import {
  type Connection,
  connect,
  defaultTextModel,
  InterruptedError,
  runMain,
} from "@signet/example-support";
import { ask } from "./ask.js";
import { chat } from "./chat.js";
import { parseCli, USAGE } from "./cli-options.js";
import type { WeatherSource } from "./forecast-types.js";
import { openMeteoSource } from "./open-meteo.js";
import { sampleWeatherSource } from "./sample-weather.js";
import { createTrace } from "./trace.js";
import { weatherAgent } from "./weather-agent.js";

const say = (line: string) => process.stderr.write(`${line}\n`);

function announce(connection: Connection, source: WeatherSource, stream: boolean): void {
  const data = source.name === "sample" ? "sample data" : "open-meteo.com";
  const offline = connection.mode === "offline";
  if (offline) {
    say(
      "offline: no API key found (set SIGNET_API_KEY, or GEMINI_API_KEY for Google, to use a real model); " +
        "answering from the embedded Gemini emulator.",
    );
  }
  say(
    `mode: ${connection.mode} · ${connection.gateway}${offline ? " emulator" : ""} · ${connection.model} · ` +
      `${stream ? "streaming" : "not streaming"} · weather: ${data}`,
  );
}

async function main(): Promise<number> {
  const options = parseCli(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const connection = await connect(process.env, {
    model: options.model,
    defaultModel: defaultTextModel,
    emulator: { chunkDelayMs: 15 }, // offline answers stream visibly, as a real model's do
  });
  try {
    const dataSource = options.data ?? (connection.mode === "online" ? "open-meteo" : "sample");
    const source = dataSource === "sample" ? sampleWeatherSource() : openMeteoSource();
    announce(connection, source, options.stream);
    const agent = weatherAgent({
      provider: connection.provider,
      model: connection.model,
      source,
      onEvent: createTrace({ verbose: options.verbose }),
    });
    if (options.question === "") return await chat(agent, { stream: options.stream, json: options.json });

    const controller = new AbortController();
    process.once("SIGINT", () => controller.abort());
    try {
      const result = await ask(agent, options.question, {
        stream: options.stream,
        printText: !options.json,
        signal: controller.signal,
      });
      if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (controller.signal.aborted)
        throw new InterruptedError("Interrupted (Ctrl-C) before the answer was complete.");
      throw error;
    }
  } finally {
    await connection.close();
  }
}

runMain("weather", main);
