// The command line and the bot's own settings: `weather [question...] [--verbose] [--json]
// [--model id] [--data sample|open-meteo]`, SIGNET_STREAM and WEATHER_DATA. The gateway, key, base
// URL, model and log level are read where the connection is made (examples/support).
import { parseArgs } from "node:util";
import { UsageError } from "@signet/example-support";

export interface CliOptions {
  /** Empty: chat mode. */
  question: string;
  verbose: boolean;
  json: boolean;
  model: string | undefined;
  /** SIGNET_STREAM: `1` (default) streams with streamGenerateContent, `0` uses generateContent. */
  stream: boolean;
  /** Where forecasts come from; default: Open-Meteo online, sample data offline. */
  data: "sample" | "open-meteo" | undefined;
  help: boolean;
}

export const USAGE = `Usage: pnpm weather "<question>" [--verbose] [--json] [--model <id>] [--data sample|open-meteo]
       pnpm weather            (no question: a chat; Ctrl-C or Ctrl-D to leave)

The answer goes to stdout as it is generated; the mode, tool calls and retries go to stderr.
--verbose adds steps, token counts, tool results (and thought summaries a model sends); --json
prints the whole run result instead of the text.
Environment: SIGNET_GATEWAY (google|kie|kkiai|aivideoapi), SIGNET_API_KEY (google: also GEMINI_API_KEY,
GOOGLE_API_KEY), SIGNET_BASE_URL, SIGNET_MODEL, SIGNET_STREAM (1|0), SIGNET_LOG_LEVEL, WEATHER_DATA.
Without an API key the bot runs offline against the embedded emulator with sample weather.
Exit codes: 0 answered, 1 failed, 2 wrong flag or environment variable, 130 interrupted.`;

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
    stream: parseStreamFlag(env.SIGNET_STREAM),
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

function parseStreamFlag(value: string | undefined): boolean {
  const v = value?.trim();
  if (v === undefined || v === "" || v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  throw new UsageError(`SIGNET_STREAM must be 1 or 0 (got "${value}").`);
}
