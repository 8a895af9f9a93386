// `pnpm weather` itself, as the README writes it. The root package has no `weather` script: the
// command reaches this package's `weather` bin through pnpm's documented fallback (an unknown
// command runs like `pnpm exec`), which prints no `> signet@ weather ...` banner on stdout and no
// ELIFECYCLE line, and passes the exit code through. A `weather` script would bring both back.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cleanEnv, REPO_ROOT } from "@signet/example-support/cli-testing";
import { describe, expect, it } from "vitest";

const exec = promisify(execFile);
const pnpm = (args: string[]) =>
  exec("pnpm", args, { cwd: REPO_ROOT, env: cleanEnv(), timeout: 30_000 }).then(
    (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );

describe("pnpm weather at the repository root", () => {
  it("stdout holds the answer alone: no pnpm banner", async () => {
    const run = await pnpm(["weather", "Weather in Paris?"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Here is what I found: get_weather_forecast\(Paris\) returned \{.*\}\.\n$/);
    expect(run.stderr).toMatch(/^offline: no API key found/);
  });

  it("a failure keeps its exit code and its one line; pnpm adds nothing", async () => {
    const run = await pnpm(["weather", "--nope"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^weather: Unknown option '--nope'.*\n$/);
    expect(run.stderr.split("\n")).toHaveLength(2);
  });
});
