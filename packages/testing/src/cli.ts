// `pnpm emulator`: starts the emulator on loopback, prints its URL on stdout (and where each gateway
// lives on stderr), and serves until Ctrl-C, so any client can be pointed at it. A mistake in the
// options is one line on stderr and exit 2; a port that cannot be bound, exit 1.
import { parseArgs } from "node:util";
import { GATEWAY_IDS } from "./gateway-wire.js";
import { createEmulator, type Emulator } from "./server.js";

const USAGE =
  "Usage: pnpm emulator [--port N] [--key KEY]... [--chunk-delay MS]\n" +
  "  --port         port on 127.0.0.1 (default: a free one)\n" +
  "  --key          accept only this API key (repeatable; default: any non-empty key)\n" +
  "  --chunk-delay  pause between stream chunks, in ms (default 0)";

function fail(message: string, code: number): never {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(code);
}

function readOptions(): { port: number; chunkDelayMs: number; keys: string[] | undefined } {
  let values: { port?: string; key?: string[]; "chunk-delay"?: string; help?: boolean };
  try {
    // `pnpm emulator -- --port 8787` hands the script a literal `--` first: skip it.
    const args = process.argv.slice(2);
    ({ values } = parseArgs({
      args: args[0] === "--" ? args.slice(1) : args,
      options: {
        port: { type: "string" },
        key: { type: "string", multiple: true },
        "chunk-delay": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const port = Number(values.port ?? "0");
  if (!/^\d+$/.test(values.port ?? "0") || port > 65535) {
    fail(`--port must be a whole number from 0 to 65535 (got "${values.port}").`, 2);
  }
  const chunkDelayMs = Number(values["chunk-delay"] ?? "0");
  if (!Number.isFinite(chunkDelayMs) || chunkDelayMs < 0) {
    fail(`--chunk-delay must be a number of milliseconds, 0 or more (got "${values["chunk-delay"]}").`, 2);
  }
  if (values.key?.some((k) => k.trim() === "")) fail("--key must not be empty.", 2);
  return { port, chunkDelayMs, keys: values.key };
}

const options = readOptions();
let emulator: Emulator;
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
  fail(
    code === "EADDRINUSE"
      ? `port ${options.port} is in use: pick another with --port, or omit it for a free one.`
      : `cannot listen on 127.0.0.1:${options.port}: ${(error as Error).message}`,
    1,
  );
}

process.stdout.write(`${emulator.url}\n`);
for (const gateway of GATEWAY_IDS) {
  process.stderr.write(`  ${gateway.padEnd(11)} ${emulator.baseUrlFor(gateway)}\n`);
}
process.stderr.write(
  `Point a client at it, e.g. SIGNET_BASE_URL=${emulator.url} (${options.keys ? "a key you passed with --key" : "any API key"}). Ctrl-C stops it.\n`,
);

let stopping = false;
const stop = () => {
  // A second Ctrl-C does not wait for open connections.
  if (stopping) process.exit(130);
  stopping = true;
  void emulator.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
