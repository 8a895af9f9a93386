// The README's two commands, read from README.md and run as written in a fresh clone of the
// committed tree: install pnpm, install Signet and ask the weather bot (offline); then
// `pnpm emulator` as docs/testing.md starts it; then the whole test suite. Two things differ from a new machine, both through the environment only: npm installs
// pnpm into a scratch prefix instead of the machine's global one, and npm and pnpm work offline
// (from their caches), so a missing package fails the test instead of reaching the network. The
// inner `pnpm test` skips this file (SIGNET_FRESH_CLONE), or it would clone again forever.
import { execFile } from "node:child_process";
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";
import {
  type CliProcess,
  cleanEnv,
  generateOnce,
  REPO_ROOT,
  spawnProcess,
} from "@signet/example-support/cli-testing";
import { describe, expect, it } from "vitest";

const INSTALL_AND_ASK_MS = 180_000;
const EMULATOR_MS = 30_000;
const TEST_SUITE_MS = 600_000;
const inner = process.env.SIGNET_FRESH_CLONE === "1";

/** The one-line commands of the README's "Try it" section, in order. */
function tryItCommands(readme: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith("Try it"));
  if (!section) throw new Error('README.md has no "## Try it" section.');
  return [...section.matchAll(/^```bash\n([^\n]+)\n```$/gm)].map((m) => m[1]!.trim());
}

interface ShellRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Kills `run`'s whole process group if it outlives `timeoutMs`; says whether it did. */
function groupDeadline(run: CliProcess, timeoutMs: number) {
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    process.kill(-run.child.pid!, "SIGKILL");
  }, timeoutMs);
  return {
    expired: () => expired,
    clear: () => clearTimeout(timer),
  };
}

/** `sh -c command`, its whole process group killed if it outlives `timeoutMs`. */
async function shell(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<ShellRun> {
  const run = spawnProcess("sh", ["-c", command], { cwd, env, detached: true });
  const deadline = groupDeadline(run, timeoutMs);
  const { code, stdout, stderr } = await run.done.finally(deadline.clear);
  if (deadline.expired()) {
    throw new Error(
      `"${command}" took longer than ${timeoutMs} ms.\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`,
    );
  }
  return { code, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr) };
}

/**
 * `pnpm emulator` in `cwd`, in a process group of its own: resolves with stdout's first line, one
 * generateContent's status over loopback, and how it ended once Ctrl-C reached the group (as a
 * terminal sends it). The group is killed if any of that outlives `timeoutMs`.
 */
async function emulatorRun(cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  const run = spawnProcess("pnpm", ["emulator", "--key", "sk-fresh-clone-1"], { cwd, env, detached: true });
  const deadline = groupDeadline(run, timeoutMs);
  try {
    await run.waitFor(({ stdout }) => stdout.includes("\n"), timeoutMs);
    const url = run.stdout.slice(0, run.stdout.indexOf("\n"));
    let status = 0; // stays 0 if the request fails, which the test reports
    try {
      const response = await generateOnce(url, "sk-fresh-clone-1");
      status = response.status;
      await response.arrayBuffer();
    } catch {}
    process.kill(-run.child.pid!, "SIGINT");
    // "done" waits for "close", that is for every holder of the pipes: the emulator as well as pnpm.
    const { signal, stdout, stderr } = await run.done;
    if (deadline.expired())
      throw new Error(`pnpm emulator took longer than ${timeoutMs} ms.\n${stdout}\n${stderr}`);
    return { firstLine: stdout.split("\n")[0]!, status, signal, stdout, stderr };
  } finally {
    deadline.clear();
    // On a failure above (no URL in time, say), nothing may outlive the test.
    if (run.child.exitCode === null && run.child.signalCode === null) {
      try {
        process.kill(-run.child.pid!, "SIGKILL");
      } catch {} // the group is already gone
    }
  }
}

describe("a fresh clone", () => {
  it.skipIf(inner)(
    "runs the README's two commands as written",
    { timeout: INSTALL_AND_ASK_MS + EMULATOR_MS + TEST_SUITE_MS + 60_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "signet-fresh-clone-"));
      try {
        const clone = join(dir, "signet");
        const prefix = join(dir, "npm-global");
        await promisify(execFile)("git", ["clone", "--quiet", REPO_ROOT, clone]);
        const commands = tryItCommands(await readFile(join(clone, "README.md"), "utf8"));
        expect(commands).toEqual([
          expect.stringMatching(/^npm i -g pnpm@[\d.]+ && pnpm install && pnpm weather ".+"$/),
          "pnpm test",
        ]);
        const pkg = JSON.parse(await readFile(join(clone, "package.json"), "utf8"));
        expect(commands[0]).toContain(`npm i -g ${pkg.packageManager} `);

        const env = {
          ...cleanEnv({
            npm_config_prefix: prefix,
            npm_config_offline: "true",
            SIGNET_FRESH_CLONE: "1",
          }),
          PATH: `${join(prefix, "bin")}${delimiter}${process.env.PATH}`,
        };

        const first = await shell(commands[0]!, clone, env, INSTALL_AND_ASK_MS);
        expect(first.code, first.stderr).toBe(0);
        await access(join(prefix, "bin", "pnpm")); // pnpm came from the command, not the machine
        // stdout is the answer alone: pnpm's install summary goes first, then no script banner.
        const answer = first.stdout.slice(first.stdout.indexOf("Here is what I found:"));
        expect(answer).toMatch(/^Here is what I found: .*get_weather_forecast\(Tokyo\) returned .*\.\n$/);
        expect(first.stdout).not.toContain("> signet@");
        expect(first.stderr).toMatch(/^offline: no API key found/m);
        expect(first.stderr).toContain('→ get_weather_forecast(location: "Paris")');
        expect(first.stderr).toContain('→ get_weather_forecast(location: "Tokyo")');

        // `pnpm emulator` from the clone: the URL is stdout's first line (no pnpm banner), it answers on
        // loopback, and Ctrl-C closes it cleanly (pnpm itself ends with the SIGINT, as for any command).
        const emulator = await emulatorRun(clone, env, EMULATOR_MS);
        expect(emulator.firstLine, emulator.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(emulator.status, emulator.stderr).toBe(200);
        expect(emulator.stdout).toBe(`${emulator.firstLine}\n`);
        expect(emulator.signal).toBe("SIGINT");
        expect(emulator.stderr).toMatch(/\nemulator stopped\.\n$/);

        const second = await shell(commands[1]!, clone, env, TEST_SUITE_MS);
        const output = second.stdout + second.stderr;
        expect(second.code, output.slice(-6000)).toBe(0);
        expect(output).toMatch(/Test Files .*\d+ passed/);
        expect(output).not.toMatch(/Test Files .*failed/);
        expect(output).toMatch(/fresh-clone\.test\.ts \(1 test \| 1 skipped\)/); // not run again inside
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
