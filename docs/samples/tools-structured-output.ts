import { type GenerateContentRequest, providerFromEnv } from "@signet/provider";
import { toResponseSchema } from "@signet/tools";
import { z } from "zod";

enum Mood {
  Calm = 1,
  Stormy = 2,
}
const format = toResponseSchema(z.object({ summary: z.string(), mood: z.enum(Mood) }));

const provider = providerFromEnv();
const request: GenerateContentRequest = {
  contents: [{ role: "user", parts: [{ text: "Summarize: the sea was rough all night." }] }],
  generationConfig: { temperature: 0 },
};
request.generationConfig = { ...request.generationConfig, ...format.generationConfig };
const { text: finalText } = await provider.generate("gemini-2.5-flash", request);

const result = format.parse(finalText); // { ok: true, value } | { ok: false, reason, issues }
if (result.ok) console.log(`${Mood[result.value.mood]}: ${result.value.summary}`);
else console.error(result.reason, result.issues);
await provider.close();
