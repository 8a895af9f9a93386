// Test helper: a running `pnpm emulator` (or its bin) as a child process, so a test can wait for
// the URL line, talk to the server over loopback, then interrupt it. The spawning and output
// collection are the examples' shared `spawnProcess`.
import { fileURLToPath } from "node:url";
import { type CliProcess, spawnProcess } from "@signet/example-support/cli-testing";

export const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

export interface ServingProcess {
  child: CliProcess["child"];
  readonly stdout: string;
  readonly stderr: string;
  /** The first line of stdout, once it is complete (rejects if the process exits first or after `timeoutMs`). */
  firstLine(timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `detached` puts it in a process group of its own, so a test can Ctrl-C the group as a terminal does. */
export function startProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; detached?: boolean } = {},
): ServingProcess {
  const run = spawnProcess(command, args, options);
  return {
    child: run.child,
    get stdout() {
      return run.stdout;
    },
    get stderr() {
      return run.stderr;
    },
    async firstLine(timeoutMs = 20_000) {
      await run.waitFor(({ stdout }) => stdout.includes("\n"), timeoutMs);
      return run.stdout.slice(0, run.stdout.indexOf("\n"));
    },
    exited: run.done.then(({ code, signal }) => ({ code, signal })),
  };
}
