// The environment a CLI or example reads (DESIGN.md): SIGNET_GATEWAY, SIGNET_API_KEY (google also
// GEMINI_API_KEY / GOOGLE_API_KEY), SIGNET_BASE_URL, SIGNET_MODEL, SIGNET_LOG_LEVEL.
import { checkApiKey } from "./api-key.js";
import { ConfigError } from "./errors.js";
import { isGatewayName, type PresetGatewayName } from "./gateways.js";
import { createLogger } from "./logging.js";
import { createProvider, type ProviderOptions, type SignetProvider } from "./provider.js";
import type { GatewayName } from "./provider-types.js";

export type Env = Record<string, string | undefined>;

function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

/** The gateway named by SIGNET_GATEWAY (default google); a typed error for an unknown name. */
export function gatewayFromEnv(env: Env = process.env): GatewayName {
  const name = nonEmpty(env.SIGNET_GATEWAY)?.toLowerCase() ?? "google";
  if (!isGatewayName(name)) {
    throw new ConfigError(
      "unknown_gateway",
      `SIGNET_GATEWAY="${env.SIGNET_GATEWAY}" is not a gateway Signet knows. Use one of: google, kie, kkiai, aivideoapi, custom.`,
    );
  }
  return name;
}

/** The API key the environment holds for `gateway`, if any. */
export function apiKeyFromEnv(gateway: GatewayName, env: Env = process.env): string | undefined {
  return (
    nonEmpty(env.SIGNET_API_KEY) ??
    (gateway === "google" ? (nonEmpty(env.GEMINI_API_KEY) ?? nonEmpty(env.GOOGLE_API_KEY)) : undefined)
  );
}

/**
 * Provider options from the environment, merged under `overrides`. Throws `ConfigError`
 * (`missing_api_key`, `unknown_gateway`, `invalid_config`) with what to set.
 */
export function providerOptionsFromEnv(
  env: Env = process.env,
  overrides: Partial<Omit<ProviderOptions, "gateway" | "custom">> = {},
): ProviderOptions {
  const gateway = gatewayFromEnv(env);
  const apiKey = checkApiKey(gateway, overrides.apiKey ?? apiKeyFromEnv(gateway, env));
  const baseUrl = overrides.baseUrl ?? nonEmpty(env.SIGNET_BASE_URL);
  const model = overrides.model ?? nonEmpty(env.SIGNET_MODEL);
  const level = nonEmpty(env.SIGNET_LOG_LEVEL);
  const logger = overrides.logger ?? (level ? createLogger(level) : undefined);
  const common = { ...overrides, apiKey, baseUrl, model, logger };
  if (gateway === "custom") {
    if (!baseUrl) {
      throw new ConfigError(
        "invalid_config",
        "SIGNET_GATEWAY=custom needs SIGNET_BASE_URL (the gateway's base URL).",
      );
    }
    return { ...common, gateway, custom: { baseUrl } };
  }
  return { ...common, gateway: gateway as PresetGatewayName };
}

/** `createProvider(providerOptionsFromEnv(env, overrides))`. */
export function providerFromEnv(
  env: Env = process.env,
  overrides: Partial<Omit<ProviderOptions, "gateway" | "custom">> = {},
): SignetProvider {
  return createProvider(providerOptionsFromEnv(env, overrides));
}
