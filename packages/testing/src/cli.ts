// `pnpm emulator` (the bin of the private `@signet/emulator-cli` package runs this): starts the emulator
// on loopback, prints its URL on stdout (and where each gateway lives on stderr), and serves until
// Ctrl-C, so any client can be pointed at it. A mistake in the options is one line on stderr and
// exit 2; a port that cannot be bound, exit 1. It has no top-level effects: the package stays
// side-effect free, and its published build needs no tsx to run it.
import { parseArgs } from "node:util";
import { GATEWAY_IDS } from "./gateway-wire.js";
import { createEmulator } from "./server.js";

const USAGE =
  "Usage: pnpm emulator [--port N] [--key KEY]... [--chunk-delay MS]\n" +
  "  --port         port on 127.0.0.1 (default: a free one)\n" +
  "  --key          accept only this API key (repeatable; default: any non-empty key)\n" +
  "  --chunk-delay  pause between stream chunks, in ms (default 0)";

/** Where the CLI writes; the process's own streams unless a test passes others. */
export interface EmulatorCliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

interface CliOptions {
  port: number;
  chunkDelayMs: number;
  keys: string[] | undefined;
}

class CliUsageError extends Error {}

/** The options, `"help"`, or a CliUsageError saying what is wrong. */
function readOptions(argv: readonly string[]): CliOptions | "help" {
  let values: { port?: string; key?: string[]; "chunk-delay"?: string; help?: boolean };
  try {
    // `pnpm emulator -- --port 8787` may hand the program a literal `--` first: skip it.
    ({ values } = parseArgs({
      args: argv[0] === "--" ? argv.slice(1) : [...argv],
      options: {
        port: { type: "string" },
        key: { type: "string", multiple: true },
        "chunk-delay": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) return "help";
  const port = Number(values.port ?? "0");
  if (!/^\d+$/.test(values.port ?? "0") || port > 65535) {
    throw new CliUsageError(`--port must be a whole number from 0 to 65535 (got "${values.port}").`);
  }
  const chunkDelayMs = Number(values["chunk-delay"] ?? "0");
  if (!Number.isFinite(chunkDelayMs) || chunkDelayMs < 0) {
    throw new CliUsageError(
      `--chunk-delay must be a number of milliseconds, 0 or more (got "${values["chunk-delay"]}").`,
    );
  }
  if (values.key?.some((k) => k.trim() === "")) throw new CliUsageError("--key must not be empty.");
  return { port, chunkDelayMs, keys: values.key };
}

/**
 * Runs `pnpm emulator` with `argv` (the arguments after the command). Resolves with the exit code:
 * 0 after `--help`, or once SIGINT/SIGTERM has closed the server; 2 for a wrong option; 1 when the
 * port cannot be bound. A second Ctrl-C while closing exits at once with 130.
 */
export async function runEmulatorCli(
  argv: readonly string[],
  io: EmulatorCliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const fail = (message: string, code: number) => {
    io.stderr.write(`emulator: ${message}\n`);
    return code;
  };
  let options: CliOptions | "help";
  try {
    options = readOptions(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return fail(error.message, 2);
    throw error;
  }
  if (options === "help") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let emulator: Awaited<ReturnType<typeof createEmulator>>;
  try {
    emulator = await createEmulator({
      port: options.port,
      chunkDelayMs: options.chunkDelayMs,
      // Serving for hours, it keeps only the recent requests.
      logLimit: 1000,
      ...(options.keys ? { apiKeys: options.keys } : {}),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === "EADDRINUSE"
        ? `port ${options.port} is in use: pick another with --port, or omit it for a free one.`
        : `cannot listen on 127.0.0.1:${options.port}: ${(error as Error).message}`,
      1,
    );
  }

  io.stdout.write(`${emulator.url}\n`);
  for (const gateway of GATEWAY_IDS) {
    io.stderr.write(`  ${gateway.padEnd(11)} ${emulator.baseUrlFor(gateway)}\n`);
  }
  io.stderr.write(
    `Point a client at it, e.g. SIGNET_BASE_URL=${emulator.url} (${options.keys ? "a key you passed with --key" : "any API key"}). Ctrl-C stops it.\n`,
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      // A second Ctrl-C does not wait for open connections.
      if (stopping) process.exit(130);
      stopping = true;
      void emulator.close().then(() => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        // Says the close completed: behind `pnpm emulator`, which dies with the Ctrl-C at once
        // instead of waiting for its child, this line is how the stop shows it was clean.
        io.stderr.write("emulator stopped.\n");
        resolve(0);
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
