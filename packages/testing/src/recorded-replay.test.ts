// Conformance with the real API: every recorded request Google accepted must pass the emulator's
// validation, and every recorded error must come back with the same meaning.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "./server.js";
import { pathOf, readFixture, recordedTurns } from "./test-support/recorded.js";

const turns = recordedTurns().flatMap((t) =>
  t.request_file ? [{ ...t, request_file: t.request_file }] : [],
);

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ apiKeys: ["replay-key-0001"] });
});
afterAll(() => emulator.close());

async function replay(turn: (typeof turns)[number], key = "replay-key-0001") {
  const body = readFixture(turn.request_file);
  const res = await fetch(emulator.url + pathOf(turn.uri, turn.model), {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": key },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe("recorded requests the real API accepted", () => {
  const accepted = turns.filter((t) => t.status === 200);
  it("covers every recorded 200", () => {
    expect(accepted.length).toBeGreaterThanOrEqual(40);
  });
  it.each(accepted.map((t) => [`${t.case} t${t.turn}`, t] as const))(
    "%s passes validation",
    async (_n, turn) => {
      const { status, text } = await replay(turn);
      expect(text.slice(0, 2000)).not.toContain('"error"');
      expect(status).toBe(200);
    },
  );
});

describe("recorded errors come back with the same meaning", () => {
  const find = (name: string) => turns.find((t) => t.case === name)!;
  const recorded = (name: string) => JSON.parse(readFixture(`${name}.response.json`));

  it("an invalid key is a 400 INVALID_ARGUMENT with ErrorInfo API_KEY_INVALID", async () => {
    const { status, text } = await replay(find("mirascope__error-400-api-key-invalid"), "not-a-valid-key");
    expect(status).toBe(400);
    const error = JSON.parse(text).error;
    expect(error.status).toBe("INVALID_ARGUMENT");
    expect(error.message).toBe("API key not valid. Please pass a valid API key.");
    expect(error.details[0]).toMatchObject({ reason: "API_KEY_INVALID", domain: "googleapis.com" });
  });

  it("an unknown model on the SSE endpoint is a plain-JSON 404 with Google's wording", async () => {
    const turn = find("mirascope__error-404-model-not-found-stream");
    const res = await fetch(emulator.url + pathOf(turn.uri, turn.model), {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": "replay-key-0001" },
      body: readFixture(turn.request_file),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual(recorded("mirascope__error-404-model-not-found-stream"));
  });

  it.each([
    ["pydantic-ai__error-500-internal", { type: "internal" }],
    ["pydantic-ai__error-503-overloaded", { type: "overloaded" }],
    ["crewAI__error-429-resource-exhausted", { type: "error", kind: "capacity" }],
  ] as const)(
    "%s: the request is valid, and the matching fault gives the recorded body",
    async (name, fault) => {
      const turn = find(name);
      expect((await replay(turn)).status).toBe(200);
      emulator.failNext(fault);
      const { status, text } = await replay(turn);
      expect(status).toBe(turn.status);
      expect(JSON.parse(text)).toEqual(recorded(name));
    },
  );
});
