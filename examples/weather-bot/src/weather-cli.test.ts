// The weather bot as a user runs it: a child process, its stdout and stderr, its exit code, and the
// exact traffic it sent to a local emulator standing in for each gateway.

import { cleanEnv, runCli } from "@signet/example-support/cli-testing";
import type { Content, GenerateContentRequest } from "@signet/provider";
import { createEmulator, type Emulator, type GatewayId } from "@signet/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = "examples/weather-bot/src/main.ts";
const KEY = "sk-test-0123456789abcdef";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
afterAll(() => emulator.close());

const online = (gateway: GatewayId, stream: boolean, on: Emulator = emulator) =>
  cleanEnv({
    SIGNET_GATEWAY: gateway,
    SIGNET_API_KEY: KEY,
    SIGNET_BASE_URL: on.baseUrlFor(gateway),
    SIGNET_STREAM: stream ? "1" : "0",
    WEATHER_DATA: "sample",
  });

const bodyOf = (i: number, on: Emulator = emulator) => on.requests[i]!.body as GenerateContentRequest;
const functionResponses = (content: Content | undefined) =>
  (content?.parts ?? []).flatMap((p) => (p.functionResponse !== undefined ? [p.functionResponse] : []));

const cases: { gateway: GatewayId; stream: boolean; cities: string[] }[] = [
  { gateway: "google", stream: true, cities: ["Paris", "Tokyo"] },
  { gateway: "google", stream: false, cities: ["Paris"] },
  { gateway: "kie", stream: true, cities: ["London"] },
  { gateway: "kie", stream: false, cities: ["Paris", "Tokyo", "Cairo"] },
  { gateway: "kkiai", stream: true, cities: ["Berlin", "Sydney"] },
  { gateway: "kkiai", stream: false, cities: ["Tokyo"] },
  { gateway: "aivideoapi", stream: true, cities: ["Reykjavik"] },
  { gateway: "aivideoapi", stream: false, cities: ["New York", "Paris"] },
];

// Concurrent, each with its own emulator: every case is a child process, mostly waiting on startup.
describe.concurrent("pnpm weather against each gateway (emulated)", () => {
  it.for(cases)("$gateway, stream=$stream, $cities", async ({ gateway, stream, cities }, { expect }) => {
    await using emulator = await createEmulator();
    const question = `What's the weather in ${cities.join(" and ")}?`;
    const run = await runCli(MAIN, [question], online(gateway, stream, emulator));

    expect(run.stderr).not.toContain(KEY);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`mode: online · ${gateway} · `);
    expect(run.stderr).toContain(stream ? "· streaming ·" : "· not streaming ·");
    expect(run.stderr).not.toContain("offline");

    // Two model calls on the gateway's own route: the calls, then the answer.
    expect(emulator.requests.map((r) => [r.gateway, r.status])).toEqual([
      [gateway, 200],
      [gateway, 200],
    ]);
    // KIE documents only the stream endpoint; the others use generateContent when not streaming.
    const streamed = gateway === "kie" || stream;
    expect(emulator.requests.map((r) => r.rpc)).toEqual(
      Array(2).fill(streamed ? "streamGenerateContent" : "generateContent"),
    );

    const first = bodyOf(0, emulator);
    expect(first.contents).toEqual([{ role: "user", parts: [{ text: question }] }]);
    const [declaration] =
      first.tools?.flatMap((t) => (t.functionDeclarations !== undefined ? t.functionDeclarations : [])) ?? [];
    expect(declaration?.name).toBe("get_weather_forecast");
    expect(declaration?.parameters).toMatchObject({
      type: "OBJECT",
      required: ["location"],
      properties: { location: { type: "STRING" }, days: { type: "INTEGER" }, units: { type: "STRING" } },
    });

    // One call per city, all in one model turn, answered in order in the next request.
    const second = bodyOf(1, emulator);
    const modelTurn = second.contents[1]!;
    const calls = modelTurn.parts.flatMap((p) => (p.functionCall !== undefined ? [p.functionCall] : []));
    expect(calls.map((c) => c.args)).toEqual(cities.map((location) => ({ location })));
    const responses = functionResponses(second.contents[2]);
    expect(
      responses.map((r) => [r.name, (r.response as { location: { name: string } }).location.name]),
    ).toEqual(cities.map((city) => ["get_weather_forecast", city]));
    for (const r of responses)
      expect(r.response).toMatchObject({ source: "sample data (offline)", units: "celsius" });

    // The trace names every call; stdout carries only the answer, which quotes each forecast.
    for (const city of cities) {
      expect(run.stderr).toContain(`→ get_weather_forecast(location: "${city}")`);
      expect(run.stdout).toContain(`get_weather_forecast(${city}) returned {"location":{"name":"${city}"`);
    }
    expect(run.stdout).not.toContain("→");
    expect(run.stdout.startsWith("Here is what I found:")).toBe(true);
    expect(run.stdout.endsWith("\n")).toBe(true);
    expect(run.stderr).not.toContain("· step"); // the steps are for --verbose
  });
});

describe("pnpm weather, other paths", () => {
  it("with no key runs offline on the embedded emulator and says so", async () => {
    const run = await runCli(MAIN, ["What's the weather in Paris and Tokyo?"], cleanEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^offline: no API key found/m);
    expect(run.stderr).toContain(
      "mode: offline · google emulator · gemini-2.5-flash · streaming · weather: sample data",
    );
    expect(run.stderr).toContain('→ get_weather_forecast(location: "Paris")');
    expect(run.stderr).toContain('→ get_weather_forecast(location: "Tokyo")');
    expect(run.stdout).toContain('"source":"sample data (offline)"');
    expect(run.stdout).toContain(
      'get_weather_forecast(Tokyo) returned {"location":{"name":"Tokyo","country":"Japan"',
    );
  });

  it("--json prints the whole result as JSON on stdout", async () => {
    emulator.reset();
    const run = await runCli(MAIN, ["Weather in Paris?", "--json"], online("google", true));
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.status).toBe("completed");
    expect(result.text).toContain("get_weather_forecast(Paris) returned");
    expect(result.steps.map((s: { kind: string }) => s.kind)).toEqual(["tool_calls", "answer"]);
    expect(result.contents.map((c: Content) => c.role)).toEqual(["user", "model", "user", "model"]);
    // The history in the result is what went over the wire.
    expect(result.contents.slice(0, 3)).toEqual(bodyOf(1).contents);
  });

  it("--verbose adds the run, each step with its tokens, the tool results and the total", async () => {
    emulator.reset();
    const run = await runCli(MAIN, ["Weather in Paris?", "--verbose"], online("google", true));
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^· run [\w-]+ on gemini-2\.5-flash$/),
        "· step 1",
        expect.stringMatching(/^· step 1 done: tool_calls, finish STOP, tokens in \d+ out \d+ thoughts \d+$/),
        expect.stringMatching(
          /^✓ get_weather_forecast\(location: "Paris"\) \d+ ms \{"location":\{"name":"Paris"/,
        ),
        "· step 2",
        expect.stringMatching(/^· step 2 done: answer, finish STOP, tokens in \d+ out \d+ thoughts \d+$/),
        expect.stringMatching(/^· completed in 2 step\(s\), \d+ tokens$/),
      ]),
    );
    // The answer alone on stdout, as without --verbose.
    expect(run.stdout).toMatch(/^Here is what I found: get_weather_forecast\(Paris\) returned \{.*\}\.\n$/);
  });

  it("shows a retry on stderr and still answers", async () => {
    emulator.reset();
    emulator.failNext({ type: "overloaded" });
    const run = await runCli(MAIN, ["Weather in Paris?"], online("google", true));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/↻ attempt 2 in \d+ ms: .*overloaded/);
    expect(emulator.requests.map((r) => r.status)).toEqual([503, 200, 200]);
  });
});
