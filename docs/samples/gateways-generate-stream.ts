import { createProvider, textOf } from "@signet/provider";

const provider = createProvider({
  gateway: "google",
  apiKey: process.env.GEMINI_API_KEY ?? "",
  baseUrl: process.env.SIGNET_BASE_URL, // when unset, Google's own
});

const result = await provider.generate("gemini-2.5-flash", {
  contents: [{ role: "user", parts: [{ text: "Weather in Oslo?" }] }],
});
console.log(result.text); // a view; put result.parts in history, never result.text

for await (const chunk of provider.stream("gemini-2.5-flash", {
  contents: [{ role: "user", parts: [{ text: "And in Rome?" }] }],
})) {
  // each chunk is a whole GenerateContentResponse holding only the new parts, yielded as it arrives
  process.stdout.write(textOf(chunk.candidates?.[0]?.content?.parts ?? []));
}
await provider.close(); // releases the connection pool
