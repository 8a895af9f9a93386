// A/B of @signet/core: the working tree's core against the core of an earlier commit, both over the
// same provider and tools, with the two floors, interleaved in one process against one emulator
// process. Both cores are copies under packages/core/node_modules/.ab/ (ignored by git; their imports
// resolve as the package's own do): the commit's exported with `git archive`, the tree's copied.
//   node --import tsx --conditions=@signet/source bench/src/ab-core.ts <commit> [--runs N] [--warmup N] [--blocks N]
// With --memory, the agents get a provider that replays the emulator's responses from memory
// (replay-provider.ts): no HTTP, so the figures are the agent loop's own CPU, with much less noise;
// runs are timed in batches of 20 (a run is then a few tens of µs); --runs counts runs, not batches.
//
// Whichever copy a process loads first runs 3-4% faster than the other, even when both hold the very
// same code (measured: HEAD against an unchanged tree, either way round). So the A/B runs twice, in
// two processes, once with each core loaded first, and reports the geometric mean of the two
// after/before ratios, where that bias cancels; per block of rounds too, to show the spread.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Contender } from "./contenders/contender.js";
import { fetchLoop, fetchSseLoop } from "./contenders/fetch-loop.js";
import { type AgentClass, type ProviderFor, signetContenders } from "./contenders/signet.js";
import { startEmulatorProcess } from "./emulator-client.js";
import { type Active, measure, roundOrder, type Samples } from "./measure.js";
import { record, replayProvider } from "./replay-provider.js";
import { steadyRuns } from "./report.js";
import { isCompleteAnswer } from "./scenario.js";
import { mean, quantiles } from "./stats.js";

const USAGE = "Usage: ab-core.ts <commit> [--runs N] [--warmup N] [--blocks N] [--memory]";
/** Runs per timed batch in --memory mode. */
const BATCH = 20;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const AB_DIR = `${ROOT}packages/core/node_modules/.ab`;

interface Options {
  rev: string;
  runs: number;
  warmup: number;
  blocks: number;
  memory: boolean;
  /** Set in the child processes: which core to load first. */
  child: "tree" | "rev" | undefined;
}

function parse(argv: string[]): Options {
  const [rev, ...rest] = argv;
  if (!rev || rev.startsWith("-")) throw new Error(USAGE);
  const out: Options = { rev, runs: 1500, warmup: 500, blocks: 10, memory: false, child: undefined };
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i]?.replace(/^--/, "");
    if (key === "memory") {
      out.memory = true;
      i--;
      continue;
    }
    const value = rest[i + 1];
    if (key === "child" && (value === "tree" || value === "rev")) {
      out.child = value;
      continue;
    }
    const n = Number(value);
    if ((key !== "runs" && key !== "warmup" && key !== "blocks") || !Number.isInteger(n) || n < 1) {
      throw new Error(USAGE);
    }
    out[key] = n;
  }
  return out;
}

/** Exports packages/core/src of `sha` once; returns its index.ts. */
function coreAt(sha: string): string {
  const dir = `${AB_DIR}/${sha}`;
  if (!existsSync(`${dir}/src/index.ts`)) {
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync("git", ["archive", sha, "packages/core/src"], { cwd: ROOT });
    execFileSync("tar", ["-x", "--strip-components=2", "-C", dir], { input: archive });
  }
  return `${dir}/src/index.ts`;
}

/** A fresh copy of the working tree's packages/core/src; returns its index.ts. */
function coreOfTree(): string {
  const dir = `${AB_DIR}/tree`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(`${ROOT}packages/core/src`, `${dir}/src`, { recursive: true });
  return `${dir}/src/index.ts`;
}

const median = (values: readonly number[]) => quantiles(values, [0.5])[0.5];

/** What one child process measured. */
interface Half {
  loadedFirst: "tree" | "rev";
  lines: string[];
  /** after/before ratio of medians, whole run and per block, for run and stream. */
  run: { all: number; blocks: number[]; before: number; after: number };
  stream: { all: number; blocks: number[]; before: number; after: number };
}

function describe(s: Samples, floor: Samples): string {
  const q = quantiles(s.cpuUs, [0.25, 0.5, 0.75]);
  const f = median(floor.cpuUs);
  const us = (v: number) => v.toFixed(v < 100 ? 1 : 0).padStart(5);
  return (
    `${s.contender.label.padEnd(28)} p25 ${us(q[0.25])}  p50 ${us(q[0.5])}` +
    `  p75 ${us(q[0.75])}  mean ${us(mean(s.cpuUs))} µs` +
    `  p50 vs floor ${(q[0.5] / f).toFixed(3)}x  mean vs floor ${(mean(s.cpuUs) / mean(floor.cpuUs)).toFixed(3)}x`
  );
}

function ratios(before: Samples, after: Samples, blocks: number) {
  const n = before.cpuUs.length;
  const size = Math.max(1, Math.floor(n / blocks));
  const perBlock: number[] = [];
  for (let b = 0; b + size <= n; b += size) {
    perBlock.push(median(after.cpuUs.slice(b, b + size)) / median(before.cpuUs.slice(b, b + size)));
  }
  const [mb, ma] = [median(before.cpuUs), median(after.cpuUs)];
  return { all: ma / mb, blocks: perBlock, before: mb, after: ma };
}

async function half(opts: Options, sha: string, first: "tree" | "rev"): Promise<Half> {
  const load = async (file: string) => (await import(pathToFileURL(file).href)) as { Agent: AgentClass };
  const [revFile, treeFile] = [coreAt(sha), coreOfTree()];
  const loaded =
    first === "tree"
      ? { after: await load(treeFile), before: await load(revFile) }
      : { before: await load(revFile), after: await load(treeFile) };
  const emulator = await startEmulatorProcess();
  const active: Active[] = [];
  try {
    const via = opts.memory ? await replaying(loaded.before.Agent, emulator.url) : undefined;
    const [runBefore, streamBefore] = signetContenders(loaded.before.Agent, ` @${opts.rev}`, via);
    const [runAfter, streamAfter] = signetContenders(loaded.after.Agent, " (tree)", via);
    const floors = opts.memory ? [] : [fetchLoop, fetchSseLoop];
    const contenders: Contender[] = [...floors, runBefore, runAfter, streamBefore, streamAfter];
    for (const contender of contenders)
      active.push({ contender, runner: await contender.setup(emulator.url) });
    const plan = { runs: opts.runs, maxRuns: opts.runs, budgetMs: 0, warmup: opts.warmup, block: 4 };
    // The runs after a run of the same agent (see measure.ts); in memory, every batch.
    const samples = (
      opts.memory ? await measureBatches(active, plan) : await measure(active, emulator, plan)
    ).map(steadyRuns);
    // Against the floors; in memory, against the earlier core's own figures.
    const [rb, ra, sb, sa] = samples.slice(floors.length) as [Samples, Samples, Samples, Samples];
    const [floor, sseFloor] = opts.memory ? [rb, sb] : (samples as [Samples, Samples]);
    const lines = samples.map((s) => describe(s, s.contender.streaming ? sseFloor : floor));
    return {
      loadedFirst: first,
      lines,
      run: ratios(rb, ra, opts.blocks),
      stream: ratios(sb, sa, opts.blocks),
    };
  } finally {
    await Promise.all(active.map((a) => a.runner.close()));
    await emulator.close();
  }
}

async function replaying(Agent: AgentClass, baseUrl: string): Promise<ProviderFor> {
  const recording = await record(Agent, baseUrl);
  return (real) => replayProvider(real, recording);
}

/** --memory: rounds in shuffled order, each contender timing a batch of runs; one sample per batch. */
async function measureBatches(
  active: readonly Active[],
  plan: { runs: number; warmup: number },
): Promise<Samples[]> {
  const samples: Samples[] = active.map((a) => ({
    contender: a.contender,
    cpuUs: [],
    wallMs: [],
    startMs: [],
    gcUs: [],
    position: [],
  }));
  const warmupRounds = Math.ceil(plan.warmup / BATCH);
  const rounds = warmupRounds + Math.ceil(plan.runs / BATCH);
  for (let r = 0; r < rounds; r++) {
    for (const i of roundOrder(active.length, r)) {
      const { contender, runner } = active[i]!;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      let text = "";
      for (let k = 0; k < BATCH; k++) text = await runner.run();
      const wallMs = (performance.now() - t0) / BATCH;
      const cpu = process.cpuUsage(cpu0);
      if (!isCompleteAnswer(text)) throw new Error(`${contender.label}: an incomplete answer: ${text}`);
      if (r < warmupRounds) continue;
      const sample = samples[i]!;
      sample.cpuUs.push((cpu.user + cpu.system) / BATCH);
      sample.wallMs.push(wallMs);
      sample.startMs.push(t0);
      sample.gcUs.push(0);
      sample.position.push(1);
    }
  }
  return samples;
}

const geo = (a: number, b: number) => Math.sqrt(a * b);

function combine(label: string, a: Half["run"], b: Half["run"]): string {
  const blocks = a.blocks.map((r, i) => geo(r, b.blocks[i] ?? r)).sort((x, y) => x - y);
  return (
    `${label}: after/before p50 ${geo(a.all, b.all).toFixed(3)}, ${geo(a.before, b.before).toFixed(1)} -> ` +
    `${geo(a.after, b.after).toFixed(1)} µs (geometric means; each load order: ${a.all.toFixed(3)}, ` +
    `${b.all.toFixed(3)}; medians ${a.before.toFixed(1)} -> ${a.after.toFixed(1)} and ${b.before.toFixed(1)} -> ` +
    `${b.after.toFixed(1)} µs); per block pair ${blocks[0]!.toFixed(3)}..${blocks[blocks.length - 1]!.toFixed(3)}, ` +
    `${blocks.filter((r) => r < 1).length}/${blocks.length} below 1`
  );
}

async function main(): Promise<void> {
  const opts = parse(process.argv.slice(2));
  const sha = execFileSync("git", ["rev-parse", "--verify", `${opts.rev}^{commit}`], { cwd: ROOT })
    .toString()
    .trim();
  if (opts.child) {
    process.stdout.write(JSON.stringify(await half(opts, sha, opts.child)));
    return;
  }
  const halves: Half[] = [];
  for (const first of ["rev", "tree"] as const) {
    console.error(
      `A/B of core ${opts.rev} vs the tree, ${first} loaded first: ${opts.warmup} + ${opts.runs} rounds...`,
    );
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), "--child", first],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) throw new Error(`The ${first}-first half failed (exit ${child.status}).`);
    const result = JSON.parse(child.stdout) as Half;
    console.log(`${first} loaded first:\n  ${result.lines.join("\n  ")}`);
    halves.push(result);
  }
  const [a, b] = halves as [Half, Half];
  console.log(combine("Agent.run", a.run, b.run));
  console.log(combine("Agent.stream", a.stream, b.stream));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
