import { createProvider } from "@signet/provider";
import { createEmulator } from "@signet/testing";
import { expect, it } from "vitest";

it("a blocked prompt is a 200 with promptFeedback and no candidates", async () => {
  await using emulator = await createEmulator();
  const provider = createProvider({ gateway: "google", apiKey: "test-key", baseUrl: emulator.url });

  emulator.script({ blocked: { reason: "PROHIBITED_CONTENT" } });
  const { response } = await provider.generate("gemini-2.5-flash", {
    contents: [{ role: "user", parts: [{ text: "Something the filters refuse" }] }],
  });
  expect(response).toEqual({
    promptFeedback: { blockReason: "PROHIBITED_CONTENT" },
    usageMetadata: { promptTokenCount: expect.any(Number), totalTokenCount: expect.any(Number) },
    modelVersion: "gemini-2.5-flash",
    responseId: expect.any(String),
  });
  const usage = response.usageMetadata!;
  expect(usage.totalTokenCount).toBe(usage.promptTokenCount); // the prompt alone is counted
  await provider.close();
});
