// Everything the job keeps on disk, in one directory, so a killed job started again picks up where
// it was: a state file per task (written atomically at each checkpoint), the results (append-only
// JSONL, the last line for an id wins), and the action log the side-effecting tool writes.
import { appendFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseRunState, type RunState, serializeRunState } from "@signet/core";
import { type CrashPoint, crashNow } from "./crash-points.js";

export interface TaskResult {
  id: string;
  status: "ok" | "failed";
  /** The model's closing note (ok). */
  answer?: string;
  /** What set_ticket_triage recorded (ok). */
  triage?: unknown;
  error?: string;
  code?: string;
  steps?: number;
  tokens?: number;
  /** True when this run continued a checkpoint left by an earlier, interrupted job. */
  resumed?: boolean;
}

async function readLines(path: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  // A line cut short by a kill is ignored: only whole lines count.
  return text.split("\n").flatMap((line) => {
    try {
      return line.trim() ? [JSON.parse(line)] : [];
    } catch {
      return [];
    }
  });
}

/** The side effects of set_ticket_triage, keyed for idempotency. */
export class ActionLog {
  private readonly done = new Set<string>();
  private constructor(private readonly path: string) {}

  static async open(path: string): Promise<ActionLog> {
    const log = new ActionLog(path);
    for (const line of await readLines(path)) log.done.add((line as { key: string }).key);
    return log;
  }

  /** Records once per key; false when the key was already recorded. */
  async record(key: string, action: unknown): Promise<boolean> {
    if (this.done.has(key)) return false;
    this.done.add(key);
    await appendFile(this.path, `${JSON.stringify({ key, action, at: new Date().toISOString() })}\n`);
    return true;
  }

  async find(prefix: string): Promise<unknown> {
    const lines = (await readLines(this.path)) as { key: string; action: unknown }[];
    return lines.findLast((l) => l.key.startsWith(prefix))?.action;
  }
}

export class CheckpointStore {
  readonly resultsPath: string;
  readonly actionsPath: string;
  private readonly stateDir: string;
  private readonly writes = new Map<string, Promise<void>>();
  private readonly saves = new Map<string, number>();

  private constructor(
    readonly dir: string,
    private readonly crashAt: CrashPoint | undefined,
  ) {
    this.resultsPath = join(dir, "results.jsonl");
    this.actionsPath = join(dir, "actions.jsonl");
    this.stateDir = join(dir, "state");
  }

  /** `crashAt`: the test hook of crash-points.ts (undefined outside tests). */
  static async open(dir: string, crashAt?: CrashPoint): Promise<CheckpointStore> {
    const store = new CheckpointStore(dir, crashAt);
    await mkdir(store.stateDir, { recursive: true });
    return store;
  }

  private statePath(id: string): string {
    return join(this.stateDir, `${id}.json`);
  }

  /**
   * Written to a temporary file then renamed: a kill leaves the old state or the new, never half.
   * Parallel tool calls checkpoint at once, so writes for one task are chained in call order.
   */
  saveState(id: string, state: RunState): Promise<void> {
    const json = serializeRunState(state); // serialize now: the run keeps mutating `state`
    const path = this.statePath(id);
    const count = (this.saves.get(id) ?? 0) + 1;
    this.saves.set(id, count);
    const crash =
      this.crashAt?.task === id && this.crashAt.checkpoint === count ? this.crashAt.phase : undefined;
    const write = (this.writes.get(id) ?? Promise.resolve()).then(async () => {
      if (crash === "writing") {
        await writeFile(`${path}.tmp`, json.slice(0, json.length >> 1));
        crashNow();
      }
      await writeFile(`${path}.tmp`, json);
      await rename(`${path}.tmp`, path);
      if (crash === "saved") crashNow();
    });
    this.writes.set(id, write);
    return write;
  }

  async loadState(id: string): Promise<RunState | undefined> {
    try {
      return parseRunState(await readFile(this.statePath(id), "utf8"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async appendResult(result: TaskResult): Promise<void> {
    await appendFile(this.resultsPath, `${JSON.stringify(result)}\n`);
  }

  /** The last result per task id. */
  async results(): Promise<Map<string, TaskResult>> {
    const out = new Map<string, TaskResult>();
    for (const r of (await readLines(this.resultsPath)) as TaskResult[]) out.set(r.id, r);
    return out;
  }
}
