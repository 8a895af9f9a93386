// Test helper: a running `pnpm emulator` (or its bin) as a child process, its output collected, so a
// test can wait for the URL line, talk to the server over loopback, then interrupt it.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

export interface ServingProcess {
  child: ChildProcessWithoutNullStreams;
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
  const child = spawn(command, args, {
    cwd: options.cwd ?? REPO_ROOT,
    detached: options.detached,
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  const firstLine = (timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`No line on stdout within ${timeoutMs} ms.`)), timeoutMs);
      const check = () => {
        const end = stdout.indexOf("\n");
        if (end >= 0) done(undefined, stdout.slice(0, end));
      };
      const early = () =>
        done(new Error(`Exited before a line on stdout.\nstdout: ${stdout}\nstderr: ${stderr}`));
      function done(error: Error | undefined, line = "") {
        clearTimeout(timer);
        child.stdout.off("data", check);
        child.off("close", early);
        if (error) reject(error);
        else resolve(line);
      }
      child.stdout.on("data", check);
      child.on("close", early);
      check();
    });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    firstLine,
    exited,
  };
}

/** One generateContent on the google route, with `key`. */
export const generate = (url: string, key: string) =>
  fetch(`${url}/v1beta/models/gemini-2.5-flash:generateContent`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": key },
    body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "hi" }] }] }),
  });
