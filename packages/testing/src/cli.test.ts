// `pnpm emulator` as a user runs it (tsx on the sources, as the root script does): it prints its
// URL, serves every gateway until Ctrl-C, then exits 0; a mistake in its options is one clear line.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const CLI = "packages/testing/src/cli.ts";

interface Run {
  child: ChildProcessWithoutNullStreams;
  out: { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Run[] = [];
afterEach(() => {
  // Only the processes these tests started, each by its own handle.
  for (const run of started.splice(0)) if (run.child.exitCode === null) run.child.kill("SIGKILL");
});

function start(args: string[]): Run {
  const child = spawn(TSX, ["--conditions=@signet/source", CLI, ...args], { cwd: ROOT, stdio: "pipe" });
  const out = { stdout: "", stderr: "" };
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    out.stdout += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    out.stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  const run = { child, out, exited };
  started.push(run);
  return run;
}

const ask = (url: string, key: string) =>
  fetch(`${url}/v1beta/models/gemini-2.5-flash:generateContent`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": key },
    body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "hi" }] }] }),
  });

describe("pnpm emulator", () => {
  it("prints its URL, serves until SIGINT, then exits 0", async () => {
    const run = start(["--key", "sk-cli-key-0001"]);
    await expect.poll(() => run.out.stdout, { timeout: 20_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = run.out.stdout.trim();
    await expect.poll(() => run.out.stderr).toContain(`kie         ${url}/kie`);
    const ok = await ask(url, "sk-cli-key-0001");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { candidates: unknown[] }).candidates).toHaveLength(1);
    expect((await ask(url, "sk-wrong-key-9999")).status).toBe(400);
    // Still serving after those: it does not stop on its own.
    expect(run.child.exitCode).toBeNull();
    run.child.kill("SIGINT");
    expect(await run.exited).toEqual({ code: 0, signal: null });
    await expect(ask(url, "sk-cli-key-0001")).rejects.toThrow();
  }, 30_000);

  it.each([
    [["--port", "http"], '--port must be a whole number from 0 to 65535 (got "http").'],
    [["--chunk-delay=-5"], '--chunk-delay must be a number of milliseconds, 0 or more (got "-5").'],
    [["--bogus"], "Unknown option '--bogus'"],
  ])(
    "refuses %j with one clear line and exit 2",
    async (args, message) => {
      const run = start(args);
      expect(await run.exited).toEqual({ code: 2, signal: null });
      expect(run.out.stderr).toContain(`emulator: ${message}`);
      expect(run.out.stdout).toBe("");
    },
    30_000,
  );
});
