// Wires an Agent to a scripted loopback model through the real provider.
import { createProvider, type SignetProvider } from "@signet/provider";
import { afterEach } from "vitest";
import { type ScriptedModel, type ScriptedTurn, startScriptedModel } from "./scripted-model.js";

const open: ScriptedModel[] = [];
const providers: SignetProvider[] = [];

afterEach(async () => {
  await Promise.all(providers.splice(0).map((p) => p.close()));
  await Promise.all(open.splice(0).map((m) => m.close()));
});

export async function scripted(
  turns: ScriptedTurn[],
  gateway: "google" | "kie" | "kkiai" | "aivideoapi" = "google",
): Promise<{ model: ScriptedModel; provider: SignetProvider }> {
  const model = await startScriptedModel(turns);
  open.push(model);
  const provider = createProvider({ gateway, apiKey: "test-key", baseUrl: model.baseUrl, retry: false });
  providers.push(provider);
  return { model, provider };
}

export const G3 = "gemini-3-flash-preview";
export const G25 = "gemini-2.5-flash";
