// Signet's own transport against the emulator, for every gateway: a two-step tool loop and a
// stream, through the real provider (fetch, SSE / JSON-array parsing, error mapping).
import { type Content, createProvider, type ProviderError, type Tool } from "@signet/provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GatewayId } from "./gateway-routes.js";
import { createEmulator, type Emulator } from "./server.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ apiKeys: ["sk-e2e-key-0001"], foreignSignatures: "reject" });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const tools: Tool[] = [
  {
    functionDeclarations: [
      {
        name: "get_weather",
        description: "Get the current weather for a city",
        parameters: { type: "OBJECT", properties: { city: { type: "STRING" } }, required: ["city"] },
      },
    ],
  },
];

const provider = (gateway: GatewayId) =>
  createProvider({ gateway, apiKey: "sk-e2e-key-0001", baseUrl: emulator.baseUrlFor(gateway), retry: false });

describe.each(["google", "kie", "kkiai", "aivideoapi"] as const)("@signet/provider on %s", (gateway) => {
  it("runs a two-step tool loop on Gemini 3 and streams an answer", async () => {
    const p = provider(gateway);
    try {
      const model = "gemini-3-flash-preview";
      const contents: Content[] = [{ role: "user", parts: [{ text: "Weather in Paris and Tokyo?" }] }];
      const first = await p.generate(model, { contents, tools });
      const calls = first.parts.filter((part) => "functionCall" in part);
      expect(calls).toHaveLength(2);
      contents.push({ role: "model", parts: first.parts });
      contents.push({
        role: "user",
        parts: calls.map(() => ({
          functionResponse: { name: "get_weather", response: { tempC: 21 } },
        })),
      });
      let text = "";
      for await (const chunk of p.stream(model, { contents, tools })) {
        for (const part of chunk.candidates?.[0]?.content?.parts ?? []) if ("text" in part) text += part.text;
      }
      expect(text).toContain('get_weather(Tokyo) returned {"tempC":21}');
      expect(emulator.requests.map((r) => r.status)).toEqual([200, 200]);
    } finally {
      await p.close();
    }
  });
});

describe("@signet/provider error mapping", () => {
  it("reads aivideoapi's 402 as insufficient credits, not retryable", async () => {
    const p = provider("aivideoapi");
    try {
      emulator.failNext({ type: "insufficient-credits" });
      const error = (await p
        .generate("gemini-3-flash", { contents: [{ role: "user", parts: [{ text: "hi" }] }] })
        .catch((e: unknown) => e)) as ProviderError;
      expect(error.status).toBe(402);
      expect(error.code).toBe("insufficient_credits");
      expect(error.retryable).toBe(false);
    } finally {
      await p.close();
    }
  });
});
