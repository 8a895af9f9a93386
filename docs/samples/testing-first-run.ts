import { Agent } from "@signet/core";
import { createProvider } from "@signet/provider";
import { createEmulator } from "@signet/testing";

const emulator = await createEmulator(); // or: await using emulator = await createEmulator();
const provider = createProvider({ gateway: "google", apiKey: "test-key", baseUrl: emulator.url });

const agent = new Agent({ provider, model: "gemini-2.5-flash" });
const result = await agent.run("Hello?");
console.log(result.text); // the generic model: "Emulated answer to: Hello?"
console.log(emulator.requests.map((r) => `${r.rpc} ${r.status}`)); // what reached the server

await provider.close();
await emulator.close();
