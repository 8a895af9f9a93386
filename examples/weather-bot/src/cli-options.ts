// The command line: `weather [question...] [--verbose] [--json] [--model id] [--data sample|open-meteo]`.
import { parseArgs } from "node:util";
import { UsageError } from "./connection.js";

export interface CliOptions {
  /** Empty: chat mode. */
  question: string;
  verbose: boolean;
  json: boolean;
  model: string | undefined;
  /** Where forecasts come from; default: Open-Meteo online, sample data offline. */
  data: "sample" | "open-meteo" | undefined;
  help: boolean;
}

export const USAGE = `Usage: pnpm weather "<question>" [--verbose] [--json] [--model <id>] [--data sample|open-meteo]
       pnpm weather            (no question: a chat; Ctrl-C or Ctrl-D to leave)

The answer goes to stdout; tool calls, retries and the mode go to stderr.
Environment: SIGNET_GATEWAY (google|kie|kkiai|aivideoapi), SIGNET_API_KEY (google: also GEMINI_API_KEY,
GOOGLE_API_KEY), SIGNET_BASE_URL, SIGNET_MODEL, SIGNET_STREAM (1|0), SIGNET_LOG_LEVEL, WEATHER_DATA.
Without an API key the bot runs offline against the embedded emulator with sample weather.`;

export function parseCli(argv: readonly string[], env: Record<string, string | undefined>): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see --help)`);
  }
  const { values, positionals } = parsed;
  const data = values.data ?? (env.WEATHER_DATA?.trim() || undefined);
  if (data !== undefined && data !== "sample" && data !== "open-meteo") {
    throw new UsageError(`--data / WEATHER_DATA must be "sample" or "open-meteo" (got "${data}").`);
  }
  return {
    question: positionals.join(" ").trim(),
    verbose: values.verbose ?? false,
    json: values.json ?? false,
    model: values.model,
    data,
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      verbose: { type: "boolean", short: "v" },
      json: { type: "boolean" },
      model: { type: "string" },
      data: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
