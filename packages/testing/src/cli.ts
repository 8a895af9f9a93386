// `pnpm emulator`: starts the emulator on loopback and prints where each gateway lives, so any
// client can be pointed at it. Options: --port N, --key K (repeatable; default: any key).
import { parseArgs } from "node:util";
import { GATEWAY_IDS } from "./gateway-routes.js";
import { createEmulator } from "./server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    key: { type: "string", multiple: true },
    "chunk-delay": { type: "string", default: "0" },
  },
});

const emulator = await createEmulator({
  port: Number(values.port),
  chunkDelayMs: Number(values["chunk-delay"]),
  ...(values.key ? { apiKeys: values.key } : {}),
});
process.stdout.write(`${emulator.url}\n`);
for (const gateway of GATEWAY_IDS)
  process.stderr.write(`  ${gateway.padEnd(11)} ${emulator.baseUrlFor(gateway)}\n`);
process.stderr.write(
  `Point a client at it, e.g. SIGNET_BASE_URL=${emulator.url} (any API key${values.key ? " you passed with --key" : ""}). Ctrl-C stops it.\n`,
);
const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
