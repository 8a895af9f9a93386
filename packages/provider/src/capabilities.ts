// What each gateway x model allows, so the agent loop can plan before it sends anything.
import type { GatewayPreset } from "./gateways.js";
import { GATEWAY_PRESETS, type PresetGatewayName } from "./gateways.js";
import type { GatewayName, ModelCapabilities } from "./provider-types.js";

/** Gemini 3 and later (`gemini-3-pro-preview`, `gemini-3.1-pro`, `models/gemini-3-flash`, ...). */
export function isGemini3OrLater(model: string): boolean {
  const m = /(?:^|\/)gemini-(\d+)/i.exec(model);
  return !!m && Number(m[1]) >= 3;
}

/**
 * The capability table. Google + Gemini 3 may combine googleSearch with functionDeclarations
 * (with `toolConfig.includeServerSideToolInvocations: true`); everything else is exclusive.
 */
export function capabilitiesFor(gateway: GatewayName | GatewayPreset, model: string): ModelCapabilities {
  const preset: GatewayPreset | undefined =
    typeof gateway === "string"
      ? gateway === "custom"
        ? undefined
        : GATEWAY_PRESETS[gateway as PresetGatewayName]
      : gateway;
  const name = typeof gateway === "string" ? gateway : gateway.name;
  const gemini3 = isGemini3OrLater(model);
  return {
    gateway: name,
    model,
    searchWithFunctions: preset?.allowsCombinedSearchAndFunctions && gemini3 ? "combined" : "exclusive",
    requiresThoughtSignatures: gemini3,
  };
}
