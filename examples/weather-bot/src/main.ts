// `pnpm weather "<question>"`: the answer on stdout, the trace on stderr, exit 0; any failure is one
// line on stderr and a non-zero exit (2 for a usage mistake, 1 otherwise, 130 when interrupted).
import { ask } from "./ask.js";
import { chat } from "./chat.js";
import { parseCli, USAGE } from "./cli-options.js";
import { type Connection, connect, UsageError } from "./connection.js";
import type { WeatherSource } from "./forecast-types.js";
import { oneLineError } from "./one-line-error.js";
import { openMeteoSource } from "./open-meteo.js";
import { sampleWeatherSource } from "./sample-weather.js";
import { createTrace } from "./trace.js";
import { weatherAgent } from "./weather-agent.js";

const say = (line: string) => process.stderr.write(`${line}\n`);

function announce(connection: Connection, source: WeatherSource): void {
  const data = source.name === "sample" ? "sample data" : "open-meteo.com";
  if (connection.mode === "offline") {
    say(
      `offline: no API key found (set SIGNET_API_KEY, or GEMINI_API_KEY for Google, to use a real model); ` +
        `answering from the embedded Gemini emulator.`,
    );
  }
  say(
    `mode: ${connection.mode} · ${connection.gateway}${connection.mode === "offline" ? " emulator" : ""} · ` +
      `${connection.model} · ${connection.stream ? "streaming" : "not streaming"} · weather: ${data}`,
  );
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseCli(argv, process.env);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const connection = await connect(process.env, options.model);
  try {
    const dataSource = options.data ?? (connection.mode === "online" ? "open-meteo" : "sample");
    const source = dataSource === "sample" ? sampleWeatherSource() : openMeteoSource();
    announce(connection, source);
    const agent = weatherAgent({
      provider: connection.provider,
      model: connection.model,
      source,
      onEvent: createTrace({ verbose: options.verbose }),
    });
    if (options.question === "") return await chat(agent, { stream: connection.stream, json: options.json });

    const controller = new AbortController();
    process.once("SIGINT", () => controller.abort(new Error("Interrupted (Ctrl-C).")));
    const result = await ask(agent, options.question, {
      stream: connection.stream,
      printText: !options.json,
      signal: controller.signal,
    });
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    await connection.close();
  }
}

// A reader that stops early (`| head`) closes stdout: that is the end of the output, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    say(`weather: ${oneLineError(error)}`);
    const interrupted = (error as { code?: unknown }).code === "aborted";
    process.exitCode = error instanceof UsageError ? 2 : interrupted ? 130 : 1;
  },
);
