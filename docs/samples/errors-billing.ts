import { type GenerateContentRequest, isProviderError, providerFromEnv } from "@signet/provider";

const provider = providerFromEnv(); // SIGNET_GATEWAY, SIGNET_API_KEY, SIGNET_BASE_URL
const model = "gemini-2.5-flash";
const request: GenerateContentRequest = { contents: [{ role: "user", parts: [{ text: "Hello" }] }] };

function notifyBilling(message: string): void {
  console.error(`billing: ${message}`); // e.g. tell the account's owner
}

try {
  const result = await provider.generate(model, request);
  console.log(result.text);
} catch (error) {
  if (isProviderError(error) && error.code === "insufficient_credits") notifyBilling(error.message);
  else throw error;
} finally {
  await provider.close();
}
