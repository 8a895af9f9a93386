import { describe, expect, it } from "vitest";
import { providerFromEnv, providerOptionsFromEnv } from "./env.js";
import { ConfigError } from "./errors.js";
import { createProvider } from "./provider.js";

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("providerFromEnv", () => {
  it("defaults to google and takes GEMINI_API_KEY / GOOGLE_API_KEY there", () => {
    expect(providerOptionsFromEnv({ GEMINI_API_KEY: "g1" })).toMatchObject({
      gateway: "google",
      apiKey: "g1",
    });
    expect(providerOptionsFromEnv({ GOOGLE_API_KEY: "g2" }).apiKey).toBe("g2");
    expect(providerOptionsFromEnv({ SIGNET_API_KEY: "s", GEMINI_API_KEY: "g" }).apiKey).toBe("s");
  });

  it("reads gateway, base URL, model and log level", async () => {
    const p = providerFromEnv({
      SIGNET_GATEWAY: "KIE",
      SIGNET_API_KEY: "k",
      SIGNET_BASE_URL: "http://127.0.0.1:9000/",
      SIGNET_MODEL: "gemini-3-flash",
      SIGNET_LOG_LEVEL: "warn",
    });
    expect([p.gateway, p.preset.baseUrl, p.preset.streamPath, p.model, p.logger.level]).toEqual([
      "kie",
      "http://127.0.0.1:9000",
      "/gemini/v1/models/{model}:streamGenerateContent",
      "gemini-3-flash",
      "warn",
    ]);
    await p.close();
  });

  it("a missing key is a typed error naming what to set", () => {
    const google = configError(() => providerFromEnv({}));
    expect(google.code).toBe("missing_api_key");
    expect(google.message).toMatch(/SIGNET_API_KEY \(or GEMINI_API_KEY \/ GOOGLE_API_KEY\)/);
    const kie = configError(() => providerFromEnv({ SIGNET_GATEWAY: "kie", GEMINI_API_KEY: "g" }));
    expect(kie.message).toBe("No API key for the kie gateway: pass apiKey, or set SIGNET_API_KEY.");
    expect(configError(() => createProvider({ gateway: "kkiai", apiKey: " " })).code).toBe("missing_api_key");
  });

  it("an unknown gateway or a custom one without base URL is a typed error", () => {
    expect(configError(() => providerFromEnv({ SIGNET_GATEWAY: "openai", SIGNET_API_KEY: "k" })).code).toBe(
      "unknown_gateway",
    );
    expect(
      configError(() => providerFromEnv({ SIGNET_GATEWAY: "custom", SIGNET_API_KEY: "k" })).message,
    ).toMatch(/SIGNET_BASE_URL/);
    expect(configError(() => providerFromEnv({ SIGNET_API_KEY: "k", SIGNET_LOG_LEVEL: "chatty" })).code).toBe(
      "invalid_config",
    );
  });
});
