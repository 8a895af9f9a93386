// The measuring loop. Contenders take turns within each round (the starting one rotates), so the
// machine's background noise lands on all of them alike instead of on whoever ran during a spike.
// Each run is bracketed by process.cpuUsage() (user + system, all threads of this process: GC and
// undici included, the emulator excluded since it is another process) and performance.now().
// Garbage-collection pauses are observed too and charged to the run they fell in (gc-watch.ts), to
// tell what a tail of slow runs is made of.
import type { Contender, ContenderRunner } from "./contenders/index.js";
import type { EmulatorProcess } from "./emulator-client.js";
import type { LoggedRequest } from "./emulator-protocol.js";
import { chargeGc, watchGc } from "./gc-watch.js";
import { isCompleteAnswer } from "./scenario.js";

export interface Samples {
  contender: Contender;
  cpuUs: number[];
  wallMs: number[];
  /** performance.now() at each run's start. */
  startMs: number[];
  /** Main-thread GC pause (µs) that fell within each run. */
  gcUs: number[];
}

export interface Active {
  contender: Contender;
  runner: ContenderRunner;
}

export interface RoundPlan {
  /** Runs to measure per contender; undefined = until `budgetMs` is spent. */
  runs: number | undefined;
  /** Upper bound on runs per contender when `runs` is undefined. */
  maxRuns: number;
  budgetMs: number;
  warmup: number;
}

/** Model requests one conversation makes: the question, then the function responses. */
export const REQUESTS_PER_RUN = 2;

export interface RunSample {
  cpuUs: number;
  wallMs: number;
  startMs: number;
}

export async function runOnce(active: Active): Promise<RunSample> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const text = await active.runner.run();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (!isCompleteAnswer(text)) {
    throw new Error(`${active.contender.label}: the final answer does not quote both tool results: ${text}`);
  }
  return { cpuUs: cpu.user + cpu.system, wallMs, startMs: t0 };
}

/** Every request since the last drain must be a 200 model call: anything else voids the round. */
export function checkRequests(entries: readonly LoggedRequest[], runs: number): void {
  const bad = entries.find((e) => e.status !== 200 || e.outcome !== "complete");
  if (bad) throw new Error(`The emulator refused a request: ${bad.status} ${bad.error ?? bad.outcome}`);
  if (entries.length !== runs * REQUESTS_PER_RUN) {
    throw new Error(
      `Expected ${runs * REQUESTS_PER_RUN} model requests for ${runs} runs, the emulator served ${entries.length}.`,
    );
  }
}

async function round(
  active: readonly Active[],
  index: number,
  emulator: EmulatorProcess,
  record: ((i: number, sample: RunSample) => void) | undefined,
): Promise<void> {
  for (let k = 0; k < active.length; k++) {
    const i = (index + k) % active.length;
    const sample = await runOnce(active[i]!);
    record?.(i, sample);
  }
  checkRequests(await emulator.drain(), active.length);
}

export async function measure(
  active: readonly Active[],
  emulator: EmulatorProcess,
  plan: RoundPlan,
  onProgress?: (done: number) => void,
): Promise<Samples[]> {
  await emulator.drain();
  for (let r = 0; r < plan.warmup; r++) await round(active, r, emulator, undefined);
  const samples: Samples[] = active.map((a) => ({
    contender: a.contender,
    cpuUs: [],
    wallMs: [],
    startMs: [],
    gcUs: [],
  }));
  const record = (i: number, s: RunSample) => {
    samples[i]!.cpuUs.push(s.cpuUs);
    samples[i]!.wallMs.push(s.wallMs);
    samples[i]!.startMs.push(s.startMs);
  };
  const gc = watchGc();
  try {
    const started = performance.now();
    const target = plan.runs ?? plan.maxRuns;
    for (let r = 0; r < target; r++) {
      await round(active, r, emulator, record);
      if ((r + 1) % 50 === 0) onProgress?.(r + 1);
      if (plan.runs === undefined && performance.now() - started > plan.budgetMs) break;
    }
  } finally {
    chargeGc(samples, await gc.stop());
  }
  return samples;
}
