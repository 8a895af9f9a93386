// Any failure is exactly one line on stderr and a non-zero exit, with nothing on stdout and no key
// anywhere. Progress lines written before the failure (the mode, retries) may precede it; the test
// checks that every other line is one of those, so a stack trace or a second error line fails it.
import { createServer } from "node:net";
import { type CliRun, cleanEnv, runCli } from "@signet/example-support/cli-testing";
import { createEmulator, type GatewayId } from "@signet/testing";
import { describe, expect, it } from "vitest";

const MAIN = "examples/weather-bot/src/main.ts";
const KEY = "sk-wrong-key-0123456789";
const PROGRESS = /^(offline: |mode: |→ |✓ |✗ |↻ )/;

const online = (gateway: GatewayId, baseUrl: string, extra: Record<string, string> = {}) =>
  cleanEnv({
    SIGNET_GATEWAY: gateway,
    SIGNET_API_KEY: KEY,
    SIGNET_BASE_URL: baseUrl,
    WEATHER_DATA: "sample",
    ...extra,
  });

/** Asserts the failure contract and returns the one error line (without the `weather: ` prefix). */
function failureLine(run: CliRun, code: number): string {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toContain(KEY);
  const lines = run.stderr.split("\n");
  expect(lines.pop()).toBe(""); // ends with a newline
  const errors = lines.filter((line) => !PROGRESS.test(line));
  expect(errors, run.stderr).toHaveLength(1);
  expect(lines.at(-1)).toBe(errors[0]);
  expect(errors[0]).toMatch(/^weather: /);
  return errors[0]!.slice("weather: ".length);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.concurrent("pnpm weather failures: one line on stderr", () => {
  it("a key Google refuses (400 API_KEY_INVALID), exit 1, not retried", async () => {
    await using strict = await createEmulator({ apiKeys: ["the-right-key-123456"] });
    const run = await runCli(MAIN, ["Weather in Paris?"], online("google", strict.url));
    expect(failureLine(run, 1)).toMatch(
      /^google rejected the API key \(HTTP 400\): .*Check the key .*\(invalid_api_key\)$/,
    );
    expect(strict.requests).toHaveLength(1);
  });

  it("a key a gateway refuses (401), exit 1", async () => {
    await using strict = await createEmulator({ apiKeys: ["the-right-key-123456"] });
    const run = await runCli(
      MAIN,
      ["Weather in Paris?"],
      online("aivideoapi", strict.baseUrlFor("aivideoapi")),
    );
    expect(failureLine(run, 1)).toMatch(
      /^aivideoapi rejected the API key \(HTTP 401\): .*\(invalid_api_key\)$/,
    );
  });

  it("out of credits (402), exit 1, not retried", async () => {
    await using emulator = await createEmulator();
    emulator.failNext({ type: "insufficient-credits" });
    const run = await runCli(MAIN, ["Weather in Paris?"], online("kie", emulator.baseUrlFor("kie")));
    expect(failureLine(run, 1)).toMatch(/^kie .*\(HTTP 402\).*\(insufficient_credits\)$/);
    expect(emulator.requests.map((r) => r.status)).toEqual([402]);
  });

  it("a model the gateway does not have (404), exit 1", async () => {
    await using emulator = await createEmulator();
    const env = online("kkiai", emulator.baseUrlFor("kkiai"), { SIGNET_MODEL: "gpt-4o" });
    const run = await runCli(MAIN, ["Weather in Paris?"], env);
    expect(failureLine(run, 1)).toMatch(
      /^kkiai does not serve "gpt-4o" \(HTTP 404\): .*Pick another model.*\(model_not_found\)$/,
    );
    expect(run.stderr).toContain("mode: online · kkiai · gpt-4o · ");
  });

  it("an unreachable SIGNET_BASE_URL: retried (shown), then one line, exit 1", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCli(MAIN, ["Weather in Paris?"], online("google", url));
    const line = failureLine(run, 1);
    expect(line).toMatch(/^Could not reach google .*ECONNREFUSED.*SIGNET_BASE_URL.*\(network_error\)$/);
    expect(run.stderr.match(/^↻ attempt \d in /gm)).toHaveLength(3); // 4 attempts in all
  });

  it("an unknown SIGNET_GATEWAY: only the error line, exit 2", async () => {
    const run = await runCli(MAIN, ["hi"], cleanEnv({ SIGNET_GATEWAY: "openai" }));
    expect(failureLine(run, 2)).toBe(
      'SIGNET_GATEWAY="openai" is not a gateway Signet knows. Use one of: google, kie, kkiai, aivideoapi, custom. (unknown_gateway)',
    );
    expect(run.stderr.split("\n")).toHaveLength(2);
  });

  it("a bad SIGNET_STREAM, SIGNET_LOG_LEVEL or flag: exit 2", async () => {
    const stream = await runCli(MAIN, ["hi"], cleanEnv({ SIGNET_STREAM: "yes" }));
    expect(failureLine(stream, 2)).toBe('SIGNET_STREAM must be 1 or 0 (got "yes").');
    const level = await runCli(MAIN, ["hi"], cleanEnv({ SIGNET_API_KEY: KEY, SIGNET_LOG_LEVEL: "loud" }));
    expect(failureLine(level, 2)).toMatch(/^Log level "loud" is not a pino level\. Use one of: silent, /);
    const flag = await runCli(MAIN, ["--nope"], cleanEnv());
    expect(failureLine(flag, 2)).toMatch(/^Unknown option '--nope'.*\(see --help\)$/);
  });
});
