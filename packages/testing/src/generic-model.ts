// A model that needs no script: asked a question with tools declared, it calls the tools that
// fit (one call per place named in the question, in parallel), then answers in text quoting the
// function responses it got. Enough for offline demos (the weather bot) and loop tests.
import type { FunctionDeclaration, GenerateContentRequest, GroundingMetadata, Part } from "@signet/provider";
import { isLocationField, synthesizeArgs, synthesizeValue } from "./args-synthesis.js";
import { isRecord } from "./field-names.js";
import { functionCalls, functionResponses, type Turn } from "./function-turns.js";
import type { ModelReply } from "./model-reply.js";
import type { ModelTraits } from "./model-traits.js";
import { namedEntities } from "./named-entities.js";

/** A valid 1x1 PNG: image models answer with it. */
export const TINY_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

export function genericReply(
  request: GenerateContentRequest,
  turns: readonly Turn[],
  traits: ModelTraits,
): ModelReply {
  const last = turns.at(-1);
  const thoughts: Part[] =
    traits.thinks && request.generationConfig?.thinkingConfig?.includeThoughts
      ? [{ text: "**Working it out**\n\nI read the request and decide what to answer.", thought: true }]
      : [];
  if (last && functionResponses(last).length > 0) {
    // Gemini 3 answers function results without thinking, as recorded (see `modelThought`).
    const summary = traits.family === "gemini-3" ? [] : thoughts;
    return { parts: [...summary, { text: quoteResponses(turns) }] };
  }
  const question = questionText(last);

  if (traits.image) return { parts: [...thoughts, ...imageParts(request, question)] };

  const declarations = declaredFunctions(request);
  const mode = request.toolConfig?.functionCallingConfig?.mode?.toUpperCase();
  if (declarations.length > 0 && mode !== "NONE") {
    const calls = planCalls(
      declarations,
      question,
      request.toolConfig?.functionCallingConfig?.allowedFunctionNames,
    );
    if (calls.length > 0) return { parts: [...thoughts, ...calls] };
  }

  const config = request.generationConfig;
  if (config?.responseMimeType === "application/json") {
    const schema = config.responseSchema ?? config.responseJsonSchema;
    const value = schema === undefined ? { answer: question } : synthesizeValue(schema, "answer");
    return { parts: [...thoughts, { text: JSON.stringify(value) }] };
  }
  if (request.tools?.some((t) => "googleSearch" in t)) return searchReply(question, thoughts);
  return { parts: [...thoughts, { text: `Emulated answer to: ${question}` }] };
}

function questionText(turn: Turn | undefined): string {
  const texts = (turn?.parts ?? []).flatMap((p) =>
    "text" in p.part && !p.part.thought ? [p.part.text] : [],
  );
  return texts.join(" ").trim() || "(no question)";
}

function declaredFunctions(request: GenerateContentRequest): FunctionDeclaration[] {
  return (request.tools ?? []).flatMap((t) =>
    t.functionDeclarations !== undefined ? t.functionDeclarations : [],
  );
}

function planCalls(
  declarations: FunctionDeclaration[],
  question: string,
  allowed: string[] | undefined,
): Part[] {
  const usable = declarations.filter((d) => !allowed || allowed.length === 0 || allowed.includes(d.name));
  if (usable.length === 0) return [];
  const words = new Set(
    question
      .toLowerCase()
      .match(/[a-z]{4,}/g)
      ?.map(stem) ?? [],
  );
  const relevant = usable.filter((d) =>
    `${d.name.replace(/[_.:-]/g, " ")} ${d.description ?? ""}`
      .toLowerCase()
      .match(/[a-z]{4,}/g)
      ?.some((w) => words.has(stem(w))),
  );
  const chosen = relevant.length > 0 ? relevant : [usable[0]!];
  const entities = namedEntities(question);
  const parts: Part[] = [];
  for (const declaration of chosen) {
    const schema = declaration.parameters ?? declaration.parametersJsonSchema;
    const wantsPlace =
      isRecord(schema) && isRecord(schema.properties) && Object.keys(schema.properties).some(isLocationField);
    const targets = wantsPlace && entities.length > 0 ? entities : [undefined];
    for (const entity of targets) {
      parts.push({ functionCall: { name: declaration.name, args: synthesizeArgs(schema, { entity }) } });
    }
  }
  return parts;
}

function stem(word: string): string {
  return word.replace(/(?:ing|es|s)$/, "");
}

/** Pairs the last user turn's responses with the calls they answer and quotes them. */
function quoteResponses(turns: readonly Turn[]): string {
  const last = turns.at(-1)!;
  const previous = turns.at(-2);
  const calls = previous ? functionCalls(previous) : [];
  const quotes = functionResponses(last).map((r, i) => {
    const response = (r.part as { functionResponse: { name: string; response?: unknown } }).functionResponse;
    const call = calls[i]?.part as { functionCall: { args?: Record<string, unknown> } } | undefined;
    const args = Object.values(call?.functionCall.args ?? {})
      .filter((v) => typeof v !== "object")
      .join(", ");
    return `${response.name}(${args}) returned ${JSON.stringify(response.response ?? {})}`;
  });
  return `Here is what I found: ${quotes.join("; ")}.`;
}

function imageParts(request: GenerateContentRequest, question: string): Part[] {
  const modalities = request.generationConfig?.responseModalities?.map((m) => m.toUpperCase());
  const image: Part = { inlineData: { mimeType: "image/png", data: TINY_PNG_BASE64 } };
  if (modalities && !modalities.includes("TEXT")) return [image];
  return [{ text: `Here is an image for: ${question}` }, image];
}

/** A grounded answer; support offsets are UTF-8 byte offsets, as the real API gives them. */
function searchReply(question: string, thoughts: Part[]): ModelReply {
  const sentence = `According to example.com, here is what the web says about: ${question}.`;
  const grounding: GroundingMetadata = {
    webSearchQueries: [question],
    searchEntryPoint: { renderedContent: '<div class="container">emulated search</div>' },
    groundingChunks: [
      { web: { uri: "https://example.com/search-result", title: "example.com", domain: "example.com" } },
    ],
    groundingSupports: [
      {
        segment: { startIndex: 0, endIndex: Buffer.byteLength(sentence, "utf8"), text: sentence },
        groundingChunkIndices: [0],
      },
    ],
  };
  return { parts: [...thoughts, { text: sentence }], groundingMetadata: grounding };
}
