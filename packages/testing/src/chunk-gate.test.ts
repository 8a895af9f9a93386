// Holding a turn's response between chunks, over real HTTP. "Nothing more arrives while held" is
// checked with a bounded wait: a slow machine can only make it truer, never fail it.
import type { GenerateContentResponse } from "@signet/provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { chunkGate } from "./chunk-gate.js";
import type { PartsTurn } from "./scripted-model.js";
import { createEmulator, type Emulator } from "./server.js";
import { pathFor, post, userText } from "./test-support/http.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ whenScriptEmpty: "error" });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const MODEL = "gemini-2.5-flash";
const hello = { contents: [userText("count to three")] };
const three = (extra: Partial<PartsTurn> = {}): PartsTurn => ({
  parts: [{ text: "one " }, { text: "two " }, { text: "three" }],
  signatures: "none",
  ...extra,
});

/** A stream read event by event, as a client reads it off the socket. */
async function openStream(signal?: AbortSignal) {
  const res = await fetch(`${emulator.url}${pathFor("google", MODEL, "sse")}`, {
    method: "POST",
    headers: { "x-goog-api-key": "sk-test-key-0001" },
    body: JSON.stringify(hello),
    ...(signal ? { signal } : {}),
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  /** The next whole event, or undefined at the end of the body. */
  const next = async (): Promise<GenerateContentResponse | undefined> => {
    for (;;) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end >= 0) {
        const event = buffer.slice("data: ".length, end);
        buffer = buffer.slice(end + 4);
        return JSON.parse(event) as GenerateContentResponse;
      }
      const { done, value } = await reader.read();
      if (done) return undefined;
      buffer += value;
    }
  };
  return { status: res.status, next, reader };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<"nothing yet">((r) => setTimeout(() => r("nothing yet"), ms))]);

describe("chunk gates", () => {
  it("holds each chunk until released; the response stays open meanwhile", async () => {
    const gate = chunkGate({ pass: 1 });
    emulator.script(three({ beforeChunk: gate.beforeChunk }));
    const stream = await openStream();
    expect(stream.status).toBe(200);
    const received = [await stream.next()];
    expect(await gate.held()).toBe(1);
    expect(gate.holding).toBe(1);
    expect(emulator.requests[0]!.outcome).toBe("in-flight");
    const waiting = stream.next();
    expect(await within(waiting, 50)).toBe("nothing yet");
    gate.release();
    received.push(await waiting);
    // Each release lets exactly one chunk out: if chunks were buffered until the end of the
    // response, the release after the last read would never come and this would hang.
    expect(await gate.held()).toBe(2);
    gate.release();
    received.push(await stream.next());
    expect(await stream.next()).toBeUndefined();
    expect(gate.holding).toBeUndefined();
    expect(received).toEqual(emulator.requests[0]!.responses);
    expect(received.map((c) => c!.candidates![0]!.content!.parts)).toEqual([
      [{ text: "one " }],
      [{ text: "two " }],
      [{ text: "three" }],
    ]);
    await vi.waitFor(() => expect(emulator.requests[0]!.outcome).toBe("complete"));
  });

  it("a hook sees every chunk's index in order; generateContent is one chunk", async () => {
    const seen: string[] = [];
    const hook = (tag: string) => async (index: number, signal: AbortSignal) => {
      seen.push(`${tag}${index}${signal.aborted ? "!" : ""}`);
    };
    emulator.script(
      three({ beforeChunk: hook("sse:") }),
      { text: "hi", beforeChunk: hook("json:") },
      { functionCalls: [{ name: "f" }], beforeChunk: hook("array:") },
      { blocked: { reason: "SAFETY" }, beforeChunk: hook("blocked:") },
    );
    expect((await post(emulator, hello, { stream: "sse" })).json).toHaveLength(3);
    expect((await post(emulator, hello)).status).toBe(200);
    const tools = [{ functionDeclarations: [{ name: "f", description: "f" }] }];
    expect((await post(emulator, { ...hello, tools }, { stream: "json-array" })).status).toBe(200);
    expect((await post(emulator, hello, { stream: "sse" })).json).toHaveLength(1);
    expect(seen).toEqual(["sse:0", "sse:1", "sse:2", "json:0", "array:0", "blocked:0"]);
  });

  it("a client that goes away ends the wait (client-closed) without spending a release", async () => {
    const gate = chunkGate({ pass: 1 });
    emulator.script(three({ beforeChunk: gate.beforeChunk }), {
      text: "next",
      beforeChunk: gate.beforeChunk,
    });
    const controller = new AbortController();
    const stream = await openStream(controller.signal);
    await stream.next();
    expect(await gate.held()).toBe(1);
    controller.abort();
    await vi.waitFor(() => expect(emulator.requests[0]!.outcome).toBe("client-closed"));
    expect(gate.holding).toBeUndefined();
    // The one release goes to the next response, not to the one whose client left.
    gate.release();
    const res = await post(emulator, hello);
    expect((res.json as GenerateContentResponse).candidates![0]!.content!.parts).toMatchObject([
      { text: "next" },
    ]);
  });

  it("open() lets the held chunk and every later one out", async () => {
    const gate = chunkGate();
    emulator.script(three({ beforeChunk: gate.beforeChunk }));
    const reply = post(emulator, hello, { stream: "sse" });
    expect(await gate.held()).toBe(0);
    gate.open();
    expect((await reply).json).toEqual(emulator.requests[0]!.responses);
  });

  it("closing the emulator does not wait for a held response", async () => {
    const own = await createEmulator({ script: [three({ beforeChunk: chunkGate().beforeChunk })] });
    const reply = fetch(`${own.url}${pathFor("google", MODEL, "sse")}`, {
      method: "POST",
      headers: { "x-goog-api-key": "sk-test-key-0001" },
      body: JSON.stringify(hello),
    }).then((res) => res.text());
    await vi.waitFor(() => expect(own.requests[0]?.status).toBe(200));
    await own.close();
    await expect(reply).rejects.toThrow();
    // The held answer gives up too: nothing is left running after the emulator.
    await vi.waitFor(() => expect(own.requests[0]!.outcome).toBe("client-closed"));
  });

  it("refuses a gate count that is not a whole number of chunks", () => {
    expect(() => chunkGate({ pass: -1 })).toThrow(
      /pass must be a whole number of chunks \(0 or more\), not -1/,
    );
    expect(() => chunkGate().release(0)).toThrow(
      /count must be a whole number of chunks \(1 or more\), not 0/,
    );
  });
});
