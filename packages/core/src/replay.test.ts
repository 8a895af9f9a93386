// Replays the recorded multi-turn cases (src/__fixtures__/recorded, see LICENSE-FIXTURES.md): the
// emulator is scripted with the recorded model turns (parts sent untouched, recorded signatures
// accepted), every request Signet sends must pass its validation, and each one is compared with the
// request the real client sent, on contents, parts, signatures (as decoded bytes), ids and order.
import type {
  Content,
  GenerateContentRequest,
  GenerateContentResponse,
  GroundingMetadata,
  Part,
} from "@signet/provider";
import type { PartsTurn } from "@signet/testing";
import { describe, expect, it } from "vitest";
import { Agent } from "./agent.js";
import type { RunResult } from "./run-result.js";
import { answeredParts, emulated, request, sentBody } from "./test-support/emulated.js";
import { fixtureJson, recordedChunks, recordedRequest, signatureBytes } from "./test-support/fixtures.js";
import { testTool } from "./test-support/tools.js";

interface Meta {
  turns: { turn: number; uri: string; model: string; request_file: string; response_file: string }[];
}

/** Differences between real clients and the wire that INDEX.md documents (all accepted by the API). */
interface Quirks {
  /** The client dropped (pydantic-ai) or moved (llm-gemini) the unsigned `{text: ""}` part of a stream. */
  dropEmptyText?: boolean;
  /** The client dropped `thought: true` parts from history (llm-gemini on 2.5, like crewAI). */
  dropThoughts?: boolean;
  /**
   * The client joined a stream's text pieces into one part (pydantic-ai, case 6). Only plain text
   * joins: a part with a signature or `thought` ends the run, so nothing signed is ever merged.
   */
  mergeStreamedText?: boolean;
}

type PlainText = { text: string };
const isPlainText = (part: Part): part is Part & PlainText =>
  typeof (part as { text?: unknown }).text === "string" && Object.keys(part).length === 1;

/** Consecutive plain text parts as one part, as a client that merged streamed text would send them. */
function mergeText(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last && isPlainText(last) && isPlainText(part)) out[out.length - 1] = { text: last.text + part.text };
    else out.push(part);
  }
  return out;
}

/** Everything that matters, in a comparable form. Consecutive contents of one role are one turn. */
function comparable(contents: Content[], serverIds: Set<string>, quirks: Quirks): unknown {
  const turns: Content[] = [];
  for (const content of contents) {
    const last = turns.at(-1);
    if (last && last.role === content.role) last.parts = [...last.parts, ...content.parts];
    else turns.push({ role: content.role, parts: content.parts });
  }
  return turns.map((content) => ({
    role: content.role,
    parts: (quirks.mergeStreamedText && content.role === "model" ? mergeText(content.parts) : content.parts)
      .filter(
        (part) =>
          !(quirks.dropEmptyText && (part as { text?: string }).text === "" && !part.thoughtSignature),
      )
      .filter((part) => !(quirks.dropThoughts && part.thought))
      .map((part) => {
        const out: Record<string, unknown> = { ...part };
        // python-genai writes server tool parts' `tool_type` in snake_case.
        for (const key of ["toolCall", "toolResponse"] as const) {
          const value = out[key] as Record<string, unknown> | undefined;
          if (value && "tool_type" in value) {
            const { tool_type, ...rest } = value;
            out[key] = { ...rest, toolType: tool_type };
          }
        }
        if (part.thoughtSignature) out.thoughtSignature = `bytes:${signatureBytes(part.thoughtSignature)}`;
        for (const key of ["functionCall", "functionResponse"] as const) {
          const value = out[key] as { id?: string } | undefined;
          // Clients invent ids when the model sends none; Signet echoes only the model's own.
          if (value?.id !== undefined && !serverIds.has(value.id)) {
            const { id: _client, ...rest } = value;
            out[key] = rest;
          }
        }
        return out;
      }),
  }));
}

function declaredNames(request: GenerateContentRequest): string[] {
  const tools = (request.tools ?? []) as Record<string, unknown>[];
  return tools.flatMap((tool) =>
    ((tool.functionDeclarations ?? tool.function_declarations ?? []) as { name: string }[]).map(
      (d) => d.name,
    ),
  );
}

/** A recorded response (all its chunks) as one scripted turn: the parts exactly as recorded. */
function recordedTurn(chunks: GenerateContentResponse[]): PartsTurn {
  const parts: Part[] = [];
  let finishReason: string | undefined;
  let finishMessage: string | undefined;
  let groundingMetadata: GroundingMetadata | undefined;
  for (const chunk of chunks) {
    const candidate = chunk.candidates?.[0];
    parts.push(...(candidate?.content?.parts ?? []));
    finishReason = candidate?.finishReason ?? finishReason;
    finishMessage = candidate?.finishMessage ?? finishMessage;
    if (candidate?.groundingMetadata && Object.keys(candidate.groundingMetadata).length) {
      groundingMetadata = candidate.groundingMetadata;
    }
  }
  return {
    parts,
    signatures: "none",
    ...(finishReason ? { finishReason } : {}),
    ...(finishMessage ? { finishMessage } : {}),
    ...(groundingMetadata ? { groundingMetadata } : {}),
  };
}

async function replay(prefix: string, quirks: Quirks = {}) {
  const meta = fixtureJson<Meta>(`${prefix}.meta.json`);
  const requests = meta.turns.map((t) => recordedRequest(t.request_file));
  const responses = meta.turns.map((t) => recordedChunks(t.response_file));
  // Per turn: case 6 streams its first answer and asks the follow-up with generateContent.
  const streamed = meta.turns.map((t) => t.uri.includes(":streamGenerateContent"));
  const serverIds = new Set<string>();
  for (const chunks of responses) {
    for (const chunk of chunks) {
      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
        const id = (part as { functionCall?: { id?: string } }).functionCall?.id;
        if (id) serverIds.add(id);
      }
    }
  }
  // Each tool returns what the real client answered, in order.
  const answers = new Map<string, Record<string, unknown>[]>();
  for (const content of requests.at(-1)!.contents) {
    for (const part of content.parts) {
      const fr = (part as { functionResponse?: { name: string; response: Record<string, unknown> } })
        .functionResponse;
      if (fr) answers.set(fr.name, [...(answers.get(fr.name) ?? []), fr.response]);
    }
  }
  const tools = declaredNames(requests[0]!).map((name) =>
    testTool({ name, execute: () => answers.get(name)?.shift() ?? {} }),
  );
  const { emulator, provider } = await emulated(
    responses.map((chunks, k) => recordedTurn(streamed[k] ? chunks : [chunks[0]!])),
    { emulator: { foreignSignatures: "accept" } },
  );
  const hasSearch = (requests[0]!.tools ?? []).some((t) => "googleSearch" in t || "google_search" in t);
  const agent = new Agent({
    provider,
    model: meta.turns[0]!.model,
    tools,
    ...(hasSearch ? { search: "combined" as const } : {}),
  });
  const go = (input: Content, previous?: RunResult | Content[]) => {
    const options = previous ? { previous } : {};
    const stream = streamed[emulator.requests.length] ?? streamed[0];
    return (stream ? agent.stream(input.parts, options).result : agent.run(input.parts, options)).catch(
      () => undefined,
    );
  };
  const first = requests[0]!.contents;
  let result = await go(first.at(-1)!, first.slice(0, -1));
  // A recorded next request that ends with new user text continues the conversation.
  while (result && emulator.requests.length < requests.length) {
    const next = requests[emulator.requests.length]!.contents.at(-1)!;
    if (!next.parts.some((p: Part) => "text" in p)) break;
    result = await go(next, result);
  }
  // A recording may end on a call the real client answered in a later, unrecorded request.
  expect(emulator.requests.length).toBeGreaterThanOrEqual(requests.length);
  for (let k = 0; k < requests.length; k++) {
    // Accepted by the emulator's validation, as the real API accepted the recorded request.
    expect(request(emulator, k).status, request(emulator, k).error).toBe(200);
    expect(comparable(sentBody(emulator, k).contents, serverIds, quirks), `${prefix} turn ${k + 1}`).toEqual(
      comparable(requests[k]!.contents, serverIds, quirks),
    );
  }
  return { emulator, requests, result };
}

describe("recorded multi-turn cases: Signet's next request matches the real client's", () => {
  it.each([
    "pydantic-ai__g25flash-single-fc-roundtrip",
    "pydantic-ai__g3flash-parallel-fc-multiturn",
    "pydantic-ai__g3pro-thoughts-multiturn",
    "pydantic-ai__g20flash-stream-fc-multiturn",
    "pydantic-ai__g3flash-fc-plus-google-search",
    "mirascope__g25flash-parallel-fc",
    "mirascope__g25flash-parallel-fc-stream",
    "crewAI__g25flash-parallel-fc-3calls",
    "js-genai__g25flash-stream-fc-afc",
  ])("%s", async (prefix) => {
    await replay(prefix);
  });

  it("pydantic-ai g3 pro stream: same signed call; Signet also keeps the trailing empty STOP part", async () => {
    const { emulator } = await replay("pydantic-ai__g3pro-stream-fc-signature", { dropEmptyText: true });
    expect(sentBody(emulator, 1).contents[1]!.parts.at(-1)).toEqual({ text: "" });
  });

  it("llm-gemini 2.5: same calls and signatures; Signet also keeps the thought part llm-gemini dropped", async () => {
    const { emulator } = await replay("llm-gemini__g25flash-thoughts-fc-jsonarray-stream", {
      dropThoughts: true,
    });
    expect(sentBody(emulator, 1).contents[1]!.parts[0]).toMatchObject({ thought: true });
  });

  it("case 5, search grounding over two questions: same history, googleSearch alone on every request", async () => {
    const { emulator, requests, result } = await replay("pydantic-ai__g25pro-google-search");
    expect(emulator.requests).toHaveLength(2);
    for (let k = 0; k < 2; k++) expect(sentBody(emulator, k).tools).toEqual(requests[k]!.tools);
    expect(sentBody(emulator, 1).tools).toEqual([{ googleSearch: {} }]);
    expect(result?.searchStrategy).toBe("search_only");
    const [answer] = recordedChunks("pydantic-ai__g25pro-google-search.t2.response.json");
    expect(result?.contents.at(-1)).toEqual(answer!.candidates![0]!.content);
    expect(result?.text).toBe((answer!.candidates![0]!.content!.parts![0] as { text: string }).text);
  });

  it("case 6, streamed search answer then a generateContent follow-up: pydantic-ai merged the streamed text; Signet keeps each part", async () => {
    // Narrow normalisation: only unsigned, non-thought text parts are joined, and only for the
    // comparison with pydantic-ai's request. What Signet sends is asserted as is just below.
    const { emulator, requests, result } = await replay("pydantic-ai__g25pro-google-search-stream", {
      mergeStreamedText: true,
    });
    for (let k = 0; k < 2; k++) expect(sentBody(emulator, k).tools).toEqual(requests[k]!.tools);
    expect([request(emulator, 0).rpc, request(emulator, 1).rpc]).toEqual([
      "streamGenerateContent",
      "generateContent",
    ]);
    const streamedParts = answeredParts(emulator, 0);
    expect(streamedParts.length).toBeGreaterThan(1);
    // The streamed answer went back as the parts it arrived in: same objects' content, same order.
    expect(sentBody(emulator, 1).contents[1]).toEqual({ role: "model", parts: streamedParts });
    expect(result?.contents[1]).toEqual({ role: "model", parts: streamedParts });
    expect(result?.searchStrategy).toBe("search_only");
  });

  it("case 18 is not a conversation, so it has no next request to compare", () => {
    // mirascope recorded two INDEPENDENT requests (INDEX.md): t2 resends the same lone question with
    // other thinking settings instead of t1's answer, so no Signet request corresponds to it.
    const t1 = recordedRequest("mirascope__g3pro-stream-thoughts-signature-on-empty-text.t1.request.json");
    const t2 = recordedRequest("mirascope__g3pro-stream-thoughts-signature-on-empty-text.t2.request.json");
    expect(t1.contents).toHaveLength(1);
    expect(t2.contents).toEqual(t1.contents);
    expect(t2.generationConfig).not.toEqual(t1.generationConfig);
  });

  it("crewAI 2.5 thoughts: same signed call; Signet also keeps the two thought parts crewAI dropped", async () => {
    const { emulator } = await replay("crewAI__g25flash-thoughts-fc", { dropThoughts: true });
    const sent = sentBody(emulator, 1).contents[1]!.parts;
    expect(sent.map((p) => Object.keys(p).sort().join("+"))).toEqual([
      "text+thought",
      "text+thought",
      "functionCall+thoughtSignature",
    ]);
    expect(sent).toEqual(answeredParts(emulator, 0));
  });

  it("llm-gemini g3 flash: same parts and signature; llm-gemini moved the empty text part first", async () => {
    // INDEX.md: llm-gemini prepends {"text":""} to the model turn; Signet keeps the part where it arrived (last).
    const { emulator } = await replay("llm-gemini__g3flash-fc-signature-jsonarray-stream", {
      dropEmptyText: true,
    });
    expect(sentBody(emulator, 1).contents[1]!.parts.map((p) => Object.keys(p).sort().join("+"))).toEqual([
      "functionCall+thoughtSignature",
      "text",
    ]);
  });

  it("case 8 keeps the server-issued id and every signed toolCall/toolResponse part", async () => {
    const { emulator } = await replay("pydantic-ai__g3flash-fc-plus-google-search");
    const sent = sentBody(emulator, 1).contents;
    expect(sent[2]!.parts[0]).toMatchObject({ functionResponse: { id: "oqeiriep", name: "calculator" } });
    expect(sent[1]!.parts.filter((p) => p.thoughtSignature).length).toBe(sent[1]!.parts.length);
  });
});
