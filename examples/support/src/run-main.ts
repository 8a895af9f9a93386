// The exit contract every example CLI keeps: its own code on success; on failure one line on stderr
// (`<name>: <what went wrong and what to do>`) and 2 for a mistake in the invocation (flags, environment),
// 130 when interrupted, 1 for anything else. No stack trace ever reaches the user.
import { ConfigError } from "@signet/provider";
import { oneLineError } from "./one-line-error.js";

/** A mistake in how the command was invoked (a flag, an environment variable): exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The run was stopped by Ctrl-C or SIGTERM: exit code 130. */
export class InterruptedError extends Error {
  override name = "InterruptedError";
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError) return 2;
  if (error instanceof InterruptedError) return 130;
  return 1;
}

export function runMain(name: string, main: () => Promise<number>): void {
  // A reader that stops early (`| head`) closes stdout: that is the end of the output, not a failure.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: ${oneLineError(error)}\n`);
      process.exitCode = exitCodeFor(error);
    },
  );
}
