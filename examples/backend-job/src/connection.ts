// The provider for the job: the configured gateway when a key is set, else the embedded emulator
// (its generic model calls the tools with synthesized arguments), so the job runs anywhere.

import type { SignetProvider } from "@signet/provider";
import { apiKeyFromEnv, createProvider, type Env, gatewayFromEnv, providerFromEnv } from "@signet/provider";
import type { Logger } from "pino";

export interface Connection {
  mode: "online" | "offline";
  gateway: string;
  model: string;
  provider: SignetProvider;
  close(): Promise<void>;
}

export async function connect(env: Env, logger: Logger, model?: string): Promise<Connection> {
  const gateway = gatewayFromEnv(env);
  const chosen = model || env.SIGNET_MODEL?.trim() || "gemini-2.5-flash";
  if (apiKeyFromEnv(gateway, env)) {
    const provider = providerFromEnv(env, { model: chosen, logger });
    return { mode: "online", gateway, model: chosen, provider, close: () => provider.close() };
  }
  const { createEmulator } = await import("@signet/testing");
  const emulator = await createEmulator();
  const emulated = gateway === "custom" ? "google" : gateway;
  let provider: SignetProvider;
  try {
    provider = createProvider({
      gateway: emulated,
      apiKey: "offline-emulator",
      baseUrl: emulator.baseUrlFor(emulated),
      model: chosen,
      logger,
    });
  } catch (error) {
    await emulator.close(); // or the open server keeps the process alive
    throw error;
  }
  return {
    mode: "offline",
    gateway: emulated,
    model: chosen,
    provider,
    close: async () => {
      await provider.close();
      await emulator.close();
    },
  };
}
