import { buildHttpRequest, createProvider } from "@signet/provider";

const provider = createProvider({ gateway: "kie", apiKey: "KEY", baseUrl: "http://127.0.0.1:8080/relay" });

const request = { contents: [{ role: "user", parts: [{ text: "Hi" }] }] };
const spec = buildHttpRequest(provider.preset, "gemini-3-flash", "generate", "KEY", request);
console.log(spec.url); // http://127.0.0.1:8080/relay/gemini/v1/models/gemini-3-flash:streamGenerateContent
console.log(spec.headers.authorization); // Bearer KEY
console.log(spec.body); // {"stream":true,"contents":[...]}
await provider.close();
