// Each environment variable of the contract (DESIGN.md, "Public names") changes what the bot does,
// seen from outside: the key that reaches the emulator (masked in its log to the last 4 characters),
// the model in the URL, the logs on stderr. SIGNET_GATEWAY, SIGNET_BASE_URL and SIGNET_STREAM are
// covered for every gateway in weather-cli.test.ts; the invalid values in weather-failures.test.ts.
import { cleanEnv, runCli } from "@signet/example-support/cli-testing";
import { createEmulator } from "@signet/testing";
import { describe, expect, it } from "vitest";

const MAIN = "examples/weather-bot/src/main.ts";
const QUESTION = "Weather in Paris?";

describe.concurrent("pnpm weather reads its environment", () => {
  it.for([
    ["GEMINI_API_KEY", "gemini-key-aaaa1111"],
    ["GOOGLE_API_KEY", "google-key-bbbb2222"],
  ] as const)("%s is Google's key", async ([name, key], { expect }) => {
    await using emulator = await createEmulator({ apiKeys: [key] });
    const run = await runCli(MAIN, [QUESTION], cleanEnv({ [name]: key, SIGNET_BASE_URL: emulator.url }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("mode: online · google · ");
    expect(emulator.requests.map((r) => r.headers["x-goog-api-key"])).toEqual([
      `***${key.slice(-4)}`,
      `***${key.slice(-4)}`,
    ]);
  });

  it("SIGNET_API_KEY comes before GEMINI_API_KEY", async () => {
    await using emulator = await createEmulator({ apiKeys: ["signet-key-cccc3333"] });
    const env = cleanEnv({
      SIGNET_API_KEY: "signet-key-cccc3333",
      GEMINI_API_KEY: "gemini-key-dddd4444",
      SIGNET_BASE_URL: emulator.url,
    });
    const run = await runCli(MAIN, [QUESTION], env);
    expect(run.code, run.stderr).toBe(0);
    expect(emulator.requests[0]!.headers["x-goog-api-key"]).toBe("***3333");
  });

  it("GEMINI_API_KEY is not a key for another gateway: the bot says it is offline", async () => {
    const run = await runCli(
      MAIN,
      [QUESTION],
      cleanEnv({ SIGNET_GATEWAY: "kie", GEMINI_API_KEY: "gemini-key-eeee5555" }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^offline: no API key found/m);
    expect(run.stderr).toContain("mode: offline · kie emulator · gemini-3-flash-v1betamodels · ");
  });

  it("SIGNET_MODEL picks the model (in the request URL); --model overrides it", async () => {
    await using emulator = await createEmulator();
    const env = cleanEnv({
      SIGNET_API_KEY: "sk-model-test",
      SIGNET_BASE_URL: emulator.url,
      SIGNET_MODEL: "gemini-3-flash-preview",
    });
    const fromEnv = await runCli(MAIN, [QUESTION], env);
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stderr).toContain("mode: online · google · gemini-3-flash-preview · ");
    const fromFlag = await runCli(MAIN, [QUESTION, "--model", "gemini-2.5-pro"], env);
    expect(fromFlag.code, fromFlag.stderr).toBe(0);
    expect(emulator.requests.map((r) => r.model)).toEqual([
      "gemini-3-flash-preview",
      "gemini-3-flash-preview",
      "gemini-2.5-pro",
      "gemini-2.5-pro",
    ]);
    expect(emulator.requests[0]!.url).toMatch(
      /^\/v1beta\/models\/gemini-3-flash-preview:streamGenerateContent\?/,
    );
  });

  it("SIGNET_LOG_LEVEL=debug writes the provider's JSON logs to stderr, never stdout, never the key", async () => {
    await using emulator = await createEmulator();
    const key = "sk-log-test-ffff6666";
    const env = cleanEnv({ SIGNET_API_KEY: key, SIGNET_BASE_URL: emulator.url, SIGNET_LOG_LEVEL: "debug" });
    const run = await runCli(MAIN, [QUESTION], env);
    expect(run.code, run.stderr).toBe(0);
    const logs = run.stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { name: string; level: number; msg: string });
    expect(logs.filter((l) => l.msg === "Gemini request")).toHaveLength(2);
    expect(logs.every((l) => l.name === "signet" && l.level >= 20)).toBe(true);
    expect(run.stderr).not.toContain(key);
    expect(run.stdout).toMatch(/^Here is what I found: /);
    expect(run.stdout).not.toContain('{"level"');

    const quiet = await runCli(MAIN, [QUESTION], { ...env, SIGNET_LOG_LEVEL: "" });
    expect(quiet.stderr).not.toMatch(/^\{/m);
  });
});
