// A provider that replays, from memory, the responses the emulator gave for the bench's conversation:
// no HTTP, no serialization, so what a run costs is the agent loop itself (and Zod's argument
// parsing). Each call parses the recorded JSON again, so every run gets fresh objects, as from the wire.
import {
  type GenerateContentRequest,
  type GenerateContentResponse,
  type Provider,
  toGenerateResult,
} from "@signet/provider";
import { type AgentClass, signetContenders } from "./contenders/signet.js";

/** Recorded JSON: the whole response and the stream's chunks, for each of the two requests. */
export interface Recording {
  calls: { response: string; chunks: string[] };
  answer: { response: string; chunks: string[] };
}

const answersCalls = (request: GenerateContentRequest) =>
  request.contents.at(-1)?.parts.some((p) => "functionResponse" in p) === true;

function wrap(inner: Provider, overrides: Pick<Provider, "generate" | "stream">): Provider {
  return {
    gateway: inner.gateway,
    logger: inner.logger,
    capabilities: (model) => inner.capabilities(model),
    close: () => inner.close(),
    ...overrides,
  };
}

/** Runs the conversation once each way against the emulator at `baseUrl`, keeping what came back. */
export async function record(Agent: AgentClass, baseUrl: string): Promise<Recording> {
  const rec: Recording = { calls: { response: "", chunks: [] }, answer: { response: "", chunks: [] } };
  const recording = (provider: Provider) =>
    wrap(provider, {
      async generate(model, request, options) {
        const result = await provider.generate(model, request, options);
        rec[answersCalls(request) ? "answer" : "calls"].response = JSON.stringify(result.response);
        return result;
      },
      async *stream(model, request, options) {
        const into = rec[answersCalls(request) ? "answer" : "calls"].chunks;
        into.length = 0;
        for await (const chunk of provider.stream(model, request, options)) {
          into.push(JSON.stringify(chunk));
          yield chunk;
        }
      },
    });
  for (const contender of signetContenders(Agent, "", recording)) {
    const runner = await contender.setup(baseUrl);
    try {
      await runner.run();
    } finally {
      await runner.close();
    }
  }
  if (!rec.calls.response || !rec.answer.response || !rec.calls.chunks.length || !rec.answer.chunks.length) {
    throw new Error("The recording is incomplete.");
  }
  return rec;
}

/** Replays `rec`: the function calls for the question, the answer for the function responses. */
export function replayProvider(like: Provider, rec: Recording): Provider {
  return wrap(like, {
    async generate(_model, request) {
      const response = JSON.parse(rec[answersCalls(request) ? "answer" : "calls"].response);
      return toGenerateResult(response as GenerateContentResponse, undefined, 1);
    },
    async *stream(_model, request) {
      for (const chunk of rec[answersCalls(request) ? "answer" : "calls"].chunks) {
        yield JSON.parse(chunk) as GenerateContentResponse;
      }
    },
  });
}
