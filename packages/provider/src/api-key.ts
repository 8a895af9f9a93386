// The API key as given: present, and one line of printable ASCII. A key with a space, a line break or
// a non-ASCII character cannot go in a header; fetch would refuse it with a message quoting the whole
// header value, key included. Refused here instead, without ever echoing the key.
import { ConfigError } from "./errors.js";
import type { GatewayName } from "./provider-types.js";

/** Where a key for `gateway` comes from in the environment. */
export function apiKeyEnvHint(gateway: GatewayName): string {
  return `SIGNET_API_KEY${gateway === "google" ? " (or GEMINI_API_KEY / GOOGLE_API_KEY)" : ""}`;
}

/** The trimmed key, or a `ConfigError` that says what is wrong with it (never the key itself). */
export function checkApiKey(gateway: GatewayName, apiKey: unknown): string {
  const key = typeof apiKey === "string" ? apiKey.trim() : "";
  if (key === "") {
    throw new ConfigError(
      "missing_api_key",
      `No API key for the ${gateway} gateway: pass apiKey, or set ${apiKeyEnvHint(gateway)}.`,
    );
  }
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) {
      throw new ConfigError(
        "invalid_config",
        `The API key for the ${gateway} gateway has a space, line break or non-ASCII character at position ${i + 1} of ${key.length}. Copy the key again into apiKey or ${apiKeyEnvHint(gateway)}: it is one line of printable ASCII.`,
      );
    }
  }
  return key;
}
