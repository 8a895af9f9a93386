import {
  type Content,
  type GenerateContentRequest,
  providerFromEnv,
  StreamAccumulator,
  toGenerateResult,
} from "@signet/provider";

const provider = providerFromEnv();
const model = process.env.SIGNET_MODEL ?? "gemini-3-flash-preview";
const history: Content[] = [{ role: "user", parts: [{ text: "Weather in Oslo?" }] }];
const request: GenerateContentRequest = { contents: history };

const acc = new StreamAccumulator();
for await (const chunk of provider.stream(model, request)) acc.add(chunk);
const result = toGenerateResult(acc.response(), undefined, 1);
history.push({ role: "model", parts: result.parts }); // every part as streamed, signatures in place

console.log(result.text);
console.log(JSON.stringify(result.parts.map((part) => Object.keys(part))));
await provider.close();
