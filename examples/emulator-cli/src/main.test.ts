// The `emulator` bin run as an executable, the way pnpm's fallback runs it: its shebang brings tsx
// in, it prints its URL, serves every gateway until SIGINT or SIGTERM, then exits 0.

import { generateOnce as generate } from "@signet/example-support/cli-testing";
import { afterEach, describe, expect, it } from "vitest";
import { MAIN, type ServingProcess, startProcess } from "./serving-process.js";

const started: ServingProcess[] = [];
afterEach(() => {
  // Only the processes these tests started, each by its own handle.
  for (const run of started.splice(0)) if (run.child.exitCode === null) run.child.kill("SIGKILL");
});

function start(args: string[]): ServingProcess {
  const run = startProcess(MAIN, args);
  started.push(run);
  return run;
}

describe("the emulator bin", () => {
  it("prints its URL, serves until SIGINT, then exits 0", async () => {
    const run = start(["--key", "sk-cli-key-0001"]);
    const url = await run.firstLine();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect.poll(() => run.stderr).toContain("Ctrl-C stops it.");
    expect(run.stderr).toContain(`  kie         ${url}/kie\n`);
    const ok = await generate(url, "sk-cli-key-0001");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { candidates: unknown[] }).candidates).toHaveLength(1);
    expect((await generate(url, "sk-wrong-key-9999")).status).toBe(400);
    // Still serving after those: it does not stop on its own.
    expect(run.child.exitCode).toBeNull();
    run.child.kill("SIGINT");
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout).toBe(`${url}\n`);
    expect(run.stderr).toMatch(/Ctrl-C stops it\.\nemulator stopped\.\n$/);
    await expect(generate(url, "sk-cli-key-0001")).rejects.toThrow();
  }, 30_000);

  it("SIGTERM stops it cleanly too", async () => {
    const run = start([]);
    const url = await run.firstLine();
    expect((await generate(url, "any-key")).status).toBe(200);
    run.child.kill("SIGTERM");
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stderr).toMatch(/\nemulator stopped\.\n$/);
  }, 30_000);

  it("a wrong option is one line on stderr and exit 2", async () => {
    const run = start(["--port", "http"]);
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.stderr).toBe('emulator: --port must be a whole number from 0 to 65535 (got "http").\n');
    expect(run.stdout).toBe("");
  }, 30_000);
});
