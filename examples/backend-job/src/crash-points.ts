// Fault injection for the resume tests: BACKEND_JOB_CRASH_AT=<phase>:<task>:<n> makes the job kill
// itself with SIGKILL (as an OOM killer or a reclaimed machine would: no cleanup, no flush) at the
// n-th checkpoint of <task> in this process, so a test stops it at an exact place without timing:
//   writing  half of the new state is in the temporary file, not yet renamed into place;
//   saved    the new state is in place, before the run goes on.
// Unset, as outside tests, it costs one comparison per checkpoint.
import { UsageError } from "@signet/example-support";

export type CrashPhase = "writing" | "saved";

export interface CrashPoint {
  phase: CrashPhase;
  task: string;
  checkpoint: number;
}

export function crashPointFromEnv(value: string | undefined): CrashPoint | undefined {
  if (!value?.trim()) return undefined;
  const match = /^(writing|saved):(.+):(\d+)$/.exec(value.trim());
  if (!match) {
    throw new UsageError(
      `BACKEND_JOB_CRASH_AT must be writing|saved:<task id>:<checkpoint number> (got "${value}").`,
    );
  }
  return { phase: match[1] as CrashPhase, task: match[2]!, checkpoint: Number(match[3]) };
}

export function crashNow(): never {
  process.kill(process.pid, "SIGKILL");
  throw new Error("unreachable: SIGKILL was sent to this process");
}
