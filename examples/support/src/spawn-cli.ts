// Runs an example's CLI (or a docs sample) as a child process, the way a user does (tsx on the
// sources), with an environment stripped of any real key so no test can reach a real gateway. The
// process is node itself with tsx's loader, resolved from the repository root (not the tsx CLI,
// which forks a second node), so signals sent to it, SIGKILL included, reach the program.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** process.env without anything that would pick a gateway, a key, a model or a test hook. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith("SIGNET_") || k === "GEMINI_API_KEY" || k === "GOOGLE_API_KEY")
      continue;
    if (k === "WEATHER_DATA" || k === "BACKEND_JOB_CRASH_AT" || k === "NODE_OPTIONS") continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves when `predicate` holds for what was written so far (rejects after `timeoutMs`). */
  waitFor(predicate: (out: { stdout: string; stderr: string }) => boolean, timeoutMs?: number): Promise<void>;
  done: Promise<CliRun>;
}

export function startCli(script: string, args: readonly string[], env: Record<string, string>): CliProcess {
  return spawnProcess(process.execPath, ["--import", "tsx", "--conditions=@signet/source", script, ...args], {
    env,
  });
}

export interface SpawnOptions {
  /** Defaults to the repository root. */
  cwd?: string;
  /** Defaults to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** A process group of its own, so a test can Ctrl-C the group as a terminal does. */
  detached?: boolean;
}

/** Any command as a child process, its output collected as it arrives. */
export function spawnProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): CliProcess {
  const child = spawn(command, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env,
    detached: options.detached,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of waiters) w();
  };
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
    notify();
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
    notify();
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      notify();
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    waitFor(predicate, timeoutMs = 15_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (predicate({ stdout, stderr })) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          } else if (child.exitCode !== null) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(
              new Error(`The CLI exited (${child.exitCode}) first.\nstdout: ${stdout}\nstderr: ${stderr}`),
            );
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out waiting.\nstdout: ${stdout}\nstderr: ${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    done,
  };
}

/** Runs the CLI to completion (stdin closed at once), killing it if it takes longer than `timeoutMs`. */
export async function runCli(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<CliRun> {
  const cli = startCli(script, args, env);
  cli.child.stdin.end();
  const timer = setTimeout(() => cli.child.kill("SIGKILL"), timeoutMs);
  try {
    return await cli.done;
  } finally {
    clearTimeout(timer);
  }
}
