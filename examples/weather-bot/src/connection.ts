// Online or offline. With a key for the configured gateway the bot talks to it for real; without
// one it starts the embedded emulator (imported only then, to keep online startup lean) and talks
// to that over loopback, through the very same provider, transport and agent loop.
import {
  apiKeyFromEnv,
  createLogger,
  createProvider,
  type Env,
  gatewayFromEnv,
  providerFromEnv,
  type SignetProvider,
} from "@signet/provider";

/** Models the gateways document for text and tools; SIGNET_MODEL or --model overrides. */
const DEFAULT_MODEL: Readonly<Record<string, string>> = {
  google: "gemini-2.5-flash",
  kie: "gemini-3-flash-v1betamodels",
  kkiai: "gemini-2.5-flash",
  aivideoapi: "gemini-3-flash",
  custom: "gemini-2.5-flash",
};

export interface Connection {
  mode: "online" | "offline";
  gateway: string;
  model: string;
  /** SIGNET_STREAM: `1` (default) or `0`. */
  stream: boolean;
  provider: SignetProvider;
  close(): Promise<void>;
}

export async function connect(env: Env, modelOverride?: string): Promise<Connection> {
  const gateway = gatewayFromEnv(env);
  const stream = parseStreamFlag(env.SIGNET_STREAM);
  const model = modelOverride || env.SIGNET_MODEL?.trim() || (DEFAULT_MODEL[gateway] ?? "gemini-2.5-flash");
  if (apiKeyFromEnv(gateway, env)) {
    const provider = providerFromEnv(env, { model });
    return { mode: "online", gateway, model, stream, provider, close: () => provider.close() };
  }
  const { createEmulator } = await import("@signet/testing");
  const emulator = await createEmulator({ chunkDelayMs: 15 });
  const emulated = gateway === "custom" ? "google" : gateway;
  let provider: SignetProvider;
  try {
    provider = createProvider({
      gateway: emulated,
      apiKey: "offline-emulator",
      baseUrl: emulator.baseUrlFor(emulated),
      model,
      logger: createLogger(env.SIGNET_LOG_LEVEL?.trim() || "silent"),
    });
  } catch (error) {
    await emulator.close(); // or the open server keeps the process alive
    throw error;
  }
  return {
    mode: "offline",
    gateway: emulated,
    model,
    stream,
    provider,
    close: async () => {
      await provider.close();
      await emulator.close();
    },
  };
}

function parseStreamFlag(value: string | undefined): boolean {
  const v = value?.trim();
  if (v === undefined || v === "" || v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  throw new UsageError(`SIGNET_STREAM must be 1 or 0 (got "${value}").`);
}

/** A mistake in how the bot was invoked (flags, environment): exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
