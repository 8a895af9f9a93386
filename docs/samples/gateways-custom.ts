import { buildHttpRequest, createProvider } from "@signet/provider";

const provider = createProvider({
  gateway: "custom",
  apiKey: "KEY",
  custom: {
    baseUrl: "https://llm-proxy.internal.example",
    generatePath: "/gemini/{model}:generateContent", // null for a stream-only endpoint
    streamPath: "/gemini/{model}:streamGenerateContent?alt=sse",
    auth: [{ type: "header", name: "x-api-key" }], // or { type: "bearer" }, { type: "query", name: "key" }
    streamBodyExtras: { stream: true }, // optional
    errorEnvelope: "gateway", // or "google" (the default)
    allowsCombinedSearchAndFunctions: false, // true only for Google's own API behind a proxy
  },
});

// What a stream call sends, built without sending it (the provider never hands out its key):
const request = { contents: [{ role: "user", parts: [{ text: "Hi" }] }] };
const spec = buildHttpRequest(provider.preset, "gemini-2.5-flash", "stream", "KEY", request);
console.log(spec.method, spec.url);
console.log(spec.headers);
console.log(spec.body);
await provider.close();
