// A text-and-tools model each gateway documents (seeds and Google's docs), for when neither
// --model nor SIGNET_MODEL says otherwise. Gateways name models their own way.
import type { GatewayName } from "@signet/provider";

export function defaultTextModel(gateway: GatewayName): string {
  if (gateway === "kie") return "gemini-3-flash-v1betamodels";
  if (gateway === "aivideoapi") return "gemini-3-flash";
  return "gemini-2.5-flash";
}
