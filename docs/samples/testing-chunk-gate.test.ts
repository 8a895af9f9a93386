import { Agent } from "@signet/core";
import { createProvider } from "@signet/provider";
import { chunkGate, createEmulator } from "@signet/testing";
import { expect, it } from "vitest";

it("streams text to the consumer while the response is still being written", async () => {
  await using emulator = await createEmulator();
  const provider = createProvider({ gateway: "google", apiKey: "test-key", baseUrl: emulator.url });
  const agent = new Agent({ provider, model: "gemini-2.5-flash" });

  const gate = chunkGate({ pass: 1 }); // the first chunk goes out at once
  emulator.script({
    parts: [{ text: "Let me check." }, { text: "Done." }],
    beforeChunk: gate.beforeChunk,
  });
  const texts: string[] = [];
  for await (const event of agent.stream("go")) {
    if (event.type !== "text_delta") continue;
    texts.push(event.text);
    // The second chunk is written only now: if events waited for the end of the response,
    // this loop would never get here and the test would time out instead of passing.
    if (event.text === "Let me check.") gate.release();
  }
  expect(texts).toEqual(["Let me check.", "Done."]);
  await provider.close();
});
