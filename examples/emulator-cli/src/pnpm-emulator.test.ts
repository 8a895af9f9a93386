// `pnpm emulator` itself, as docs/testing.md writes it. The root package has no `emulator` script:
// the command reaches @signet/emulator-cli's `emulator` bin through pnpm's documented fallback (an
// unknown command runs like `pnpm exec`), so stdout's first line is the URL, with no
// `> signet@ emulator ...` banner before it. An `emulator` script would bring the banner back.
// Ctrl-C is sent to the process group, as a terminal does: pnpm itself dies of it at once (as it does
// for any command it runs), while the emulator closes its server and says so before exiting.

import { generateOnce as generate } from "@signet/example-support/cli-testing";
import { afterEach, describe, expect, it } from "vitest";
import { type ServingProcess, startProcess } from "./serving-process.js";

const started: ServingProcess[] = [];
afterEach(() => {
  // Only the process groups these tests started, each by its own id.
  for (const run of started.splice(0)) {
    try {
      process.kill(-run.child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

describe("pnpm emulator at the repository root", () => {
  it("stdout's first line is the URL; it serves, and Ctrl-C stops it cleanly", async () => {
    const run = startProcess("pnpm", ["emulator", "--key", "sk-pnpm-key-0001"], { detached: true });
    started.push(run);
    const url = await run.firstLine();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await generate(url, "sk-pnpm-key-0001")).status).toBe(200);
    process.kill(-run.child.pid!, "SIGINT");
    // "close" waits for every holder of the pipes, so the emulator has exited too by then.
    expect(await run.exited).toEqual({ code: null, signal: "SIGINT" });
    expect(run.stdout).toBe(`${url}\n`);
    expect(run.stderr).toMatch(/Ctrl-C stops it\.\nemulator stopped\.\n$/);
    await expect(generate(url, "sk-pnpm-key-0001")).rejects.toThrow();
  }, 30_000);

  it("a wrong option keeps its exit code and its one line; pnpm adds nothing", async () => {
    const run = startProcess("pnpm", ["emulator", "--chunk-delay=-5"], { detached: true });
    started.push(run);
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      'emulator: --chunk-delay must be a number of milliseconds, 0 or more (got "-5").\n',
    );
  }, 30_000);
});
