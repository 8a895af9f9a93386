// Online or offline, the same way for every example. With a key for the configured gateway the
// provider talks to it for real; without one the embedded emulator starts on 127.0.0.1 (imported
// only then, to keep online startup lean) and the very same provider, transport and agent loop talk
// to it over loopback, so the offline path runs the code the online one does.
import {
  apiKeyFromEnv,
  createLogger,
  createProvider,
  type Env,
  type GatewayName,
  gatewayFromEnv,
  type Logger,
  providerFromEnv,
  type SignetProvider,
} from "@signet/provider";
import type { EmulatorOptions } from "@signet/testing";

export interface ConnectOptions {
  /** The model asked for on the command line; SIGNET_MODEL, then `defaultModel`, come after it. */
  model?: string | undefined;
  defaultModel: string | ((gateway: GatewayName) => string);
  /** The provider's logger; default: SIGNET_LOG_LEVEL (pino JSON on stderr), silent when unset. */
  logger?: Logger;
  /** How the offline emulator behaves (a pause between stream chunks, say). */
  emulator?: EmulatorOptions;
}

export interface Connection {
  mode: "online" | "offline";
  /** The gateway talked to (offline: the one the emulator speaks for; `custom` is emulated as google). */
  gateway: GatewayName;
  model: string;
  provider: SignetProvider;
  /** Closes the provider's pool and, offline, the emulator: an open server keeps the process alive. */
  close(): Promise<void>;
}

export async function connect(env: Env, options: ConnectOptions): Promise<Connection> {
  const gateway = gatewayFromEnv(env);
  const fallback = options.defaultModel;
  const model =
    options.model?.trim() ||
    env.SIGNET_MODEL?.trim() ||
    (typeof fallback === "string" ? fallback : fallback(gateway));
  const logger = options.logger;

  if (apiKeyFromEnv(gateway, env)) {
    const provider = providerFromEnv(env, logger ? { model, logger } : { model });
    return { mode: "online", gateway, model, provider, close: () => provider.close() };
  }

  const { createEmulator } = await import("@signet/testing");
  const emulator = await createEmulator(options.emulator);
  const emulated = gateway === "custom" ? "google" : gateway;
  let provider: SignetProvider;
  try {
    provider = createProvider({
      gateway: emulated,
      apiKey: "offline-emulator",
      baseUrl: emulator.baseUrlFor(emulated),
      model,
      logger: logger ?? createLogger(env.SIGNET_LOG_LEVEL?.trim() || "silent"),
    });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  return {
    mode: "offline",
    gateway: emulated,
    model,
    provider,
    close: async () => {
      await provider.close();
      await emulator.close();
    },
  };
}
