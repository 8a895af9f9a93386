// The runnable samples, run as a reader would (tsx on the file) against a local emulator through
// the documented environment variables: they must do what the docs say they do.

import { cleanEnv, runCli } from "@signet/example-support/cli-testing";
import type { GenerateContentRequest, GenerateContentResponse } from "@signet/provider";
import { createEmulator, type Emulator, type GatewayId } from "@signet/testing";
import { describe, expect, it } from "vitest";

const KEY = "sk-docs-test";

/** Runs a sample as a reader would, against `emulator` as `gateway`, through the documented variables. */
function runSample(
  sample: string,
  emulator: Emulator,
  gateway: GatewayId = "google",
  env: Record<string, string> = {},
) {
  return runCli(
    `docs/samples/${sample}`,
    [],
    cleanEnv({
      SIGNET_GATEWAY: gateway,
      SIGNET_API_KEY: KEY,
      SIGNET_BASE_URL: emulator.baseUrlFor(gateway),
      ...env,
    }),
  );
}

const bodyOf = (emulator: Emulator, i: number) => emulator.requests[i]!.body as GenerateContentRequest;

describe("docs samples", () => {
  it("first-agent.ts (the README's example) calls its tool and prints the answer", async () => {
    await using emulator = await createEmulator();
    const run = await runCli(
      "docs/samples/first-agent.ts",
      [],
      cleanEnv({ SIGNET_API_KEY: "sk-docs-test", SIGNET_BASE_URL: emulator.url }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      'Here is what I found: get_weather(Paris) returned {"city":"Paris","tempC":18,"sky":"partly cloudy"}.\n',
    );
    const declarations = (emulator.requests[0]!.body as GenerateContentRequest).tools;
    expect(declarations).toMatchObject([
      {
        functionDeclarations: [
          {
            name: "get_weather",
            description: "The current weather in a city.",
            parameters: {
              type: "OBJECT",
              properties: { city: { type: "STRING", description: "A city name, e.g. Paris" } },
              required: ["city"],
            },
          },
        ],
      },
    ]);
  });

  it("stream-events.ts streams the answer and reports both parallel calls (kie gateway)", async () => {
    await using emulator = await createEmulator();
    const run = await runCli(
      "docs/samples/stream-events.ts",
      [],
      cleanEnv({
        SIGNET_GATEWAY: "kie",
        SIGNET_API_KEY: "sk-docs-test",
        SIGNET_BASE_URL: emulator.baseUrlFor("kie"),
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('get_weather(Paris) returned {"city":"Paris","tempC":18}');
    expect(run.stdout).toContain('get_weather(Tokyo) returned {"city":"Tokyo","tempC":24}');
    expect(run.stderr).toContain("-> get_weather { city: 'Paris' }");
    expect(run.stderr).toContain("-> get_weather { city: 'Tokyo' }");
    expect(run.stderr).toMatch(/2 steps, \d+ tokens/);
    expect(emulator.requests.map((r) => r.stream)).toEqual([true, true]);
  });

  it("search-strategy.ts: auto combines on Google + Gemini 3, and the subcall sends only googleSearch", async () => {
    await using google = await createEmulator();
    const combined = await runSample("search-strategy.ts", google);
    expect(combined.code, combined.stderr).toBe(0);
    expect(combined.stdout.split("\n")[0]).toBe('search: "auto" gives combined');

    await using kie = await createEmulator();
    const run = await runSample("search-strategy.ts", kie, "kie");
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe('search: "auto" gives subcall');
    expect(lines[1]).toMatch(/^subcall: Here is what I found: google_search\(.+\) returned \{"answer":/);
    expect(kie.requests.map((r) => r.status)).toEqual([200, 200, 200]);
    // The main request offers search as a function; the grounded one carries only googleSearch.
    expect(bodyOf(kie, 0).tools).toEqual([
      {
        functionDeclarations: [
          expect.objectContaining({ name: "get_weather" }),
          expect.objectContaining({ name: "google_search" }),
        ],
      },
    ]);
    expect(bodyOf(kie, 1).tools).toEqual([{ googleSearch: { excludeDomains: ["x.com"] } }]);
  });

  it.each([
    ["approved", [], { invoice: "42", paid: 250 }, 'pay(42, 250) returned {"invoice":"42","paid":250}'],
    [
      "rejected",
      ["--reject"],
      { error: { kind: "rejected", message: "Too expensive." } },
      'pay(42, 250) returned {"error":{"kind":"rejected","message":"Too expensive."}}',
    ],
  ])(
    "approval-pause-resume.ts pauses before the call, saves, resumes %s",
    async (_, args, response, answer) => {
      await using emulator = await createEmulator({
        script: [{ functionCalls: [{ name: "pay", args: { invoice: "42", amount: 250 } }] }],
      });
      const run = await runCli(
        "docs/samples/approval-pause-resume.ts",
        args,
        cleanEnv({ SIGNET_API_KEY: KEY, SIGNET_BASE_URL: emulator.url }),
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(
        `waiting for approval: pay {"invoice":"42","amount":250}\nHere is what I found: ${answer}.\n`,
      );
      expect(emulator.requests).toHaveLength(2);
      // The resumed run answers the saved call with what the decision allowed: the result, or the rejection.
      expect(bodyOf(emulator, 1).contents.at(-1)).toEqual({
        role: "user",
        parts: [{ functionResponse: { name: "pay", response } }],
      });
    },
  );

  it("agent-loop-run.ts: a thinking Gemini 3 run, its steps, usage and state; the signed turn goes back as received", async () => {
    await using emulator = await createEmulator();
    const run = await runSample("agent-loop-run.ts", emulator);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        [
          '^Here is what I found: get_weather\\(Paris\\) returned \\{"city":"Paris","tempC":18\\}\\.',
          "4 contents",
          "step 1: tool_calls, STOP, \\d+ tokens",
          '  get_weather\\(\\{"city":"Paris"\\}\\) -> \\{"city":"Paris","tempC":18\\}',
          "step 2: answer, STOP, \\d+ tokens",
          "\\d+ tokens in all, [1-9]\\d* thinking",
          "state: \\d+ bytes\\n$",
        ].join("\\n"),
      ),
    );
    const first = bodyOf(emulator, 0);
    expect(first.systemInstruction).toEqual({ role: "user", parts: [{ text: "Be brief." }] });
    expect(first.generationConfig).toEqual({
      thinkingConfig: { thinkingLevel: "low", includeThoughts: true },
    });
    // The model turn (a thought summary, then the signed call) is sent back exactly as it arrived.
    const turn = (emulator.requests[0]!.responses[0] as GenerateContentResponse).candidates![0]!.content!;
    expect(turn.parts!.map((p) => Object.keys(p).sort())).toEqual([
      ["text", "thought"],
      ["functionCall", "thoughtSignature"],
    ]);
    expect(bodyOf(emulator, 1).contents[1]).toEqual(turn);
  });

  it("agent-loop-stream.ts streams the text and reports the call and its result (aivideoapi)", async () => {
    await using emulator = await createEmulator();
    const run = await runSample("agent-loop-stream.ts", emulator, "aivideoapi");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('Here is what I found: get_weather(Paris) returned {"city":"Paris","tempC":18}.');
    expect(run.stderr).toMatch(
      /^step 1: get_weather \{"city":"Paris"\}\nstep 1: get_weather returned \{"city":"Paris","tempC":18\}\n\n2 steps, \d+ tokens\n$/,
    );
    expect(emulator.requests.map((r) => [r.gateway, r.stream])).toEqual([
      ["aivideoapi", true],
      ["aivideoapi", true],
    ]);
    // The answer came in several chunks; the deltas written add up to the exact text above.
    expect(emulator.requests[1]!.responses.length).toBeGreaterThan(1);
  });

  it("errors-billing.ts: a 402 is insufficient_credits, not retried, and reaches the billing branch", async () => {
    await using emulator = await createEmulator();
    emulator.failNext({ type: "insufficient-credits" });
    const run = await runSample("errors-billing.ts", emulator, "aivideoapi");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^billing: aivideoapi says .* \(HTTP 402\): .*Top up the account/);
    expect(run.stderr).not.toContain(KEY);
    expect(emulator.requests.map((r) => r.status)).toEqual([402]);
  });

  it("errors-retry-options.ts: a 503 is retried once after a jittered backoff, with the same bytes", async () => {
    await using emulator = await createEmulator();
    emulator.failNext({ type: "overloaded" });
    const run = await runSample("errors-retry-options.ts", emulator, "aivideoapi");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("Emulated answer to: Hello (2 attempts)\n");
    const notice = /^retry 2 in (\d+) ms: .*\(HTTP 503\)/.exec(run.stderr);
    expect(notice, run.stderr).not.toBeNull();
    // Equal jitter on the first step of 500 ms: half fixed, half random.
    expect(Number(notice![1])).toBeGreaterThanOrEqual(250);
    expect(Number(notice![1])).toBeLessThanOrEqual(500);
    expect(emulator.requests.map((r) => [r.model, r.status])).toEqual([
      ["gemini-3-flash", 503],
      ["gemini-3-flash", 200],
    ]);
    expect(emulator.requests[1]!.rawBody).toBe(emulator.requests[0]!.rawBody);
  });

  it("gateways-generate-stream.ts: one generate, one SSE stream, the key in x-goog-api-key only", async () => {
    await using emulator = await createEmulator();
    const run = await runCli(
      "docs/samples/gateways-generate-stream.ts",
      [],
      cleanEnv({ GEMINI_API_KEY: KEY, SIGNET_BASE_URL: emulator.url }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("Emulated answer to: Weather in Oslo?\nEmulated answer to: And in Rome?");
    expect(emulator.requests.map((r) => [r.rpc, r.url])).toEqual([
      ["generateContent", "/v1beta/models/gemini-2.5-flash:generateContent"],
      ["streamGenerateContent", "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"],
    ]);
    for (const r of emulator.requests) {
      expect(r.headers["x-goog-api-key"]).toBe("***test");
      expect(r.headers.authorization).toBeUndefined();
    }
    expect(emulator.requests[1]!.headers.accept).toBe("text/event-stream");
    expect(emulator.requests[1]!.responses.length).toBeGreaterThan(1);
  });

  it("gateways-custom.ts and gateways-base-url.ts print exactly what would be sent", async () => {
    const custom = await runCli("docs/samples/gateways-custom.ts", [], cleanEnv());
    expect(custom.code, custom.stderr).toBe(0);
    expect(custom.stdout).toBe(
      [
        "POST https://llm-proxy.internal.example/gemini/gemini-2.5-flash:streamGenerateContent?alt=sse",
        "{",
        "  'content-type': 'application/json',",
        "  accept: 'text/event-stream',",
        "  'x-api-key': 'KEY'",
        "}",
        '{"stream":true,"contents":[{"role":"user","parts":[{"text":"Hi"}]}]}',
        "",
      ].join("\n"),
    );
    const relay = await runCli("docs/samples/gateways-base-url.ts", [], cleanEnv());
    expect(relay.code, relay.stderr).toBe(0);
    expect(relay.stdout).toBe(
      [
        "http://127.0.0.1:8080/relay/gemini/v1/models/gemini-3-flash:streamGenerateContent",
        "Bearer KEY",
        '{"stream":true,"contents":[{"role":"user","parts":[{"text":"Hi"}]}]}',
        "",
      ].join("\n"),
    );
  });

  it("gateways-accumulate.ts keeps every streamed part, the signed empty carrier included (kkiai)", async () => {
    await using emulator = await createEmulator();
    const run = await runSample("gateways-accumulate.ts", emulator, "kkiai");
    expect(run.code, run.stderr).toBe(0);
    const streamed = (emulator.requests[0]!.responses as GenerateContentResponse[]).flatMap(
      (chunk) => chunk.candidates![0]!.content!.parts!,
    );
    expect(streamed.at(-1)).toEqual({ text: "", thoughtSignature: expect.any(String) });
    expect(run.stdout).toBe(
      `Emulated answer to: Weather in Oslo?\n${JSON.stringify(streamed.map((p) => Object.keys(p)))}\n`,
    );
  });

  it("tools-define-tool.ts: the declaration, the report, a decoded parse and a refused one", async () => {
    const run = await runCli("docs/samples/tools-define-tool.ts", [], cleanEnv());
    expect(run.code, run.stderr).toBe(0);
    const [declaration, report, parsed, issues, end] = run.stdout.split("\n");
    expect(JSON.parse(declaration!)).toEqual({
      name: "get_weather",
      description: "Current weather for a city",
      parameters: {
        type: "OBJECT",
        properties: {
          city: { type: "STRING", minLength: 1, description: "City name" },
          unit: { type: "STRING", enum: ["c", "f"], default: "c" },
          at: { type: "STRING", format: "date-time" },
        },
        propertyOrdering: ["city", "unit", "at"],
        required: ["city"],
      },
    });
    expect(report).toBe(
      "at: date encoded: a Date is sent as an ISO 8601 date-time string and decoded back to a Date",
    );
    expect(parsed).toBe("{ city: 'Oslo', unit: 'c', at: 2025-06-01T12:00:00.000Z }"); // a Date, not a string
    expect(JSON.parse(issues!)).toEqual([
      { path: ["city"], message: expect.stringContaining(">=1 characters") },
      { path: ["unit"], message: expect.stringContaining('expected one of "c"|"f"') },
    ]);
    expect(end).toBe("");
  });

  it("tools-structured-output.ts sends the response schema and decodes the numeric enum", async () => {
    await using emulator = await createEmulator({ schemaDialect: "signet" });
    const run = await runSample("tools-structured-output.ts", emulator);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("Calm: sample summary\n");
    expect(bodyOf(emulator, 0).generationConfig).toEqual({
      temperature: 0,
      responseMimeType: "application/json",
      responseSchema: {
        type: "OBJECT",
        properties: { summary: { type: "STRING" }, mood: { type: "STRING", enum: ["1", "2"] } },
        propertyOrdering: ["summary", "mood"],
        required: ["summary", "mood"],
      },
    });
  });

  it("testing-first-run.ts starts its own emulator and runs an agent on it (no key, no environment)", async () => {
    const run = await runCli("docs/samples/testing-first-run.ts", [], cleanEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("Emulated answer to: Hello?\n[ 'generateContent 200' ]\n");
  });
});
