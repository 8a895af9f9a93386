import { createProvider, type GenerateContentRequest } from "@signet/provider";

const apiKey = process.env.SIGNET_API_KEY ?? ""; // none: a ConfigError (missing_api_key) naming what to set
const provider = createProvider({
  gateway: "aivideoapi",
  apiKey,
  baseUrl: process.env.SIGNET_BASE_URL, // when unset, the gateway's own
  retry: { maxAttempts: 3, maxTotalWaitMs: 20_000 },
});
const request: GenerateContentRequest = { contents: [{ role: "user", parts: [{ text: "Hello" }] }] };

const result = await provider.generate("gemini-3-flash", request, {
  signal: AbortSignal.timeout(60_000), // the whole call, retries included
  timeoutMs: 30_000, // each attempt
  onRetry: ({ attempt, delayMs, error }) =>
    console.error(`retry ${attempt} in ${delayMs} ms: ${error.message}`),
});
console.log(`${result.text} (${result.attempts} attempts)`);
await provider.close();
