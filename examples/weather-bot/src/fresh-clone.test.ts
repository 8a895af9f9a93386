// The README's first command on a fresh clone of the committed tree: install, then the weather bot,
// offline. The command is read from README.md itself, so the README cannot drift from what works.
// (Installing pnpm globally is left out, and the install runs `--offline` from the local store, so
// the test needs no network; the README's second command, `pnpm test`, is what CI itself runs.)
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { cleanEnv, REPO_ROOT } from "@signet/example-support/cli-testing";
import { describe, expect, it } from "vitest";

const exec = promisify(execFile);

/** The README's install-and-run command, split on `&&`. */
async function readmeCommand(root: string): Promise<string[]> {
  const readme = await readFile(join(root, "README.md"), "utf8");
  const line = readme.split("\n").find((l) => l.includes("pnpm install") && l.includes("pnpm weather"));
  if (!line) throw new Error("README.md has no line that installs and runs `pnpm weather`.");
  return line.split("&&").map((s) => s.trim());
}

describe("a fresh clone", () => {
  it("runs the README's command: install, then pnpm weather offline", { timeout: 90_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "signet-fresh-clone-"));
    try {
      await exec("git", ["clone", "--quiet", REPO_ROOT, dir]);
      const [installPnpm, install, weather, ...rest] = await readmeCommand(dir);
      const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
      expect(installPnpm).toBe(`npm i -g ${pkg.packageManager}`);
      expect(install).toBe("pnpm install");
      expect(rest).toEqual([]);
      const env = cleanEnv({ CI: "1" });

      await exec("pnpm", ["install", "--offline", "--frozen-lockfile"], { cwd: dir, env, timeout: 60_000 });
      const run = await exec("sh", ["-c", weather!], { cwd: dir, env, timeout: 30_000 });
      expect(run.stderr).toMatch(/^offline: no API key found/m);
      expect(run.stderr).toContain('→ get_weather_forecast(location: "Paris")');
      expect(run.stderr).toContain('→ get_weather_forecast(location: "Tokyo")');
      expect(run.stdout).toContain('get_weather_forecast(Tokyo) returned {"location":{"name":"Tokyo"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
