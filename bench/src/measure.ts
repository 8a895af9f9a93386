// The measuring loop. Contenders take turns within each round, so the machine's background noise
// lands on all of them alike instead of on whoever ran during a spike. What ran just before a run
// changes its CPU by up to 20% (caches and branch predictors: every contender is cheapest right after
// itself and dearest after the AI SDK), so each turn is a block of consecutive runs of one contender:
// the first run of a block comes after another client (`position` 0), the others after itself. The
// order of the blocks is shuffled every round, so no contender always follows the same one (a fixed
// cycle, even with a rotating start, made the Node-dispatcher floor look 13% cheaper than the same
// loop on undici 7 only because it always ran right after it).
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
  /** Each run's place in its block: 0 after another contender (or the round's start), else after itself. */
  position: number[];
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
  /** Consecutive runs of one contender per round (`runs`, `maxRuns` and `warmup` round up to it). */
  block: number;
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

/** A permutation of 0..n-1 for round `index`: Fisher-Yates over a small PRNG seeded by the index. */
export function roundOrder(n: number, index: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  // mulberry32: reproducible orders from run to run of the bench.
  let seed = (index + 1) * 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
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
  block: number,
  record: ((i: number, sample: RunSample, position: number) => void) | undefined,
): Promise<void> {
  for (const i of roundOrder(active.length, index)) {
    for (let position = 0; position < block; position++) {
      // Not `record?.(i, await runOnce(...))`: a missing `record` would skip the run itself.
      const sample = await runOnce(active[i]!);
      record?.(i, sample, position);
    }
  }
  checkRequests(await emulator.drain(), active.length * block);
}

export async function measure(
  active: readonly Active[],
  emulator: EmulatorProcess,
  plan: RoundPlan,
  onProgress?: (done: number) => void,
): Promise<Samples[]> {
  await emulator.drain();
  const block = Math.max(1, plan.block);
  const rounds = (runs: number) => Math.ceil(runs / block);
  for (let r = 0; r < rounds(plan.warmup); r++) await round(active, r, emulator, block, undefined);
  const samples: Samples[] = active.map((a) => ({
    contender: a.contender,
    cpuUs: [],
    wallMs: [],
    startMs: [],
    gcUs: [],
    position: [],
  }));
  const record = (i: number, s: RunSample, position: number) => {
    const into = samples[i]!;
    into.cpuUs.push(s.cpuUs);
    into.wallMs.push(s.wallMs);
    into.startMs.push(s.startMs);
    into.position.push(position);
  };
  const gc = watchGc();
  try {
    const started = performance.now();
    const target = rounds(plan.runs ?? plan.maxRuns);
    for (let r = 0; r < target; r++) {
      await round(active, r, emulator, block, record);
      if ((r + 1) % 50 === 0) onProgress?.((r + 1) * block);
      if (plan.runs === undefined && performance.now() - started > plan.budgetMs) break;
    }
  } finally {
    chargeGc(samples, await gc.stop());
  }
  return samples;
}
