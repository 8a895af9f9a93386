// Turns samples into the figures the table and the JSON show.
import type { Samples } from "./measure.js";
import { mean, quantiles } from "./stats.js";

/**
 * Signet's client CPU may be at most this multiple of the hand-written floor (DESIGN.md), judged by
 * the ratio of medians: the means carry a tail of slow runs (the machine, GC) that every contender
 * pays alike, which pulls a ratio of means towards 1 (docs/benchmarks.md, "Mean and median").
 */
export const BUDGET_RATIO = 1.25;

/** The second floor: the same loop on Node's default dispatcher (see contenders/fetch-loop.ts). */
export const NODE_FLOOR_ID = "fetch-node";

const QS = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99] as const;
type Q = (typeof QS)[number];

/** CPU µs per run at the 10th, 25th, 50th, 75th, 90th and 99th percentiles. */
export type Percentiles = Record<"p10" | "p25" | "p50" | "p75" | "p90" | "p99", number>;

export interface ContenderFigures {
  id: string;
  label: string;
  /** Steady runs (after a run of the same contender): all the figures below but `afterOther*`. */
  runs: number;
  cpuMeanUs: number;
  cpuP50Us: number;
  /** The CPU distribution per run. */
  cpu: Percentiles;
  wallP50Ms: number;
  wallP95Ms: number;
  /** Mean CPU over the floor's mean CPU. */
  ratio: number;
  /** Median CPU over the floor's median CPU. */
  ratioP50: number;
  /** The floor this contender is judged against: the SSE floor for a streaming one, else the floor. */
  judgedFloor: string;
  /** Median CPU over that floor's median CPU: the figure the budget is judged by. */
  judgedRatioP50: number;
  /** Each percentile over the floor's same percentile. */
  ratios: Percentiles;
  /** Mean main-thread GC pause per run (µs), charged to the run it fell in. */
  gcUsPerRun: number;
  /** Share of runs in which a GC pause fell. */
  gcRunShare: number;
  /** Mean CPU of the runs without a GC pause, and its ratio to the floor's. */
  cpuMeanNoGcUs: number;
  ratioNoGc: number;
  /** Median CPU of the runs that came right after another contender's, and its ratio to the floor's. */
  afterOtherP50Us: number;
  afterOtherRatioP50: number;
  streaming: boolean;
  signet: boolean;
  withinBudget: boolean | undefined;
}

export interface BenchReport {
  node: string;
  platform: string;
  cpus: number;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  warmup: number;
  block: number;
  budgetRatio: number;
  contenders: ContenderFigures[];
}

function percentiles(values: readonly number[]): Percentiles {
  const q: Record<Q, number> = quantiles(values, QS);
  return { p10: q[0.1], p25: q[0.25], p50: q[0.5], p75: q[0.75], p90: q[0.9], p99: q[0.99] };
}

function noGcMean({ cpuUs, gcUs }: Samples): number {
  return mean(cpuUs.filter((_, i) => !(gcUs[i]! > 0)));
}

function pick(s: Samples, keep: (position: number) => boolean): Samples {
  const take = <T>(values: readonly T[]) => values.filter((_, i) => keep(s.position[i] ?? 0));
  return {
    contender: s.contender,
    cpuUs: take(s.cpuUs),
    wallMs: take(s.wallMs),
    startMs: take(s.startMs),
    gcUs: take(s.gcUs),
    position: take(s.position),
  };
}

/** The runs that followed a run of the same contender (all of them when blocks were of one run). */
export function steadyRuns(s: Samples): Samples {
  const steady = pick(s, (position) => position > 0);
  return steady.cpuUs.length ? steady : s;
}

const afterOtherP50 = (s: Samples) => quantiles(pick(s, (position) => position === 0).cpuUs, [0.5])[0.5];

export function figures(all: readonly Samples[]): ContenderFigures[] {
  const samples = all.map(steadyRuns);
  const floorIndex = samples.findIndex((s) => s.contender.baseline);
  const floor = samples[floorIndex];
  if (!floor) throw new Error("The floor (fetch loop) must be measured.");
  const floorMean = mean(floor.cpuUs);
  const floorCpu = percentiles(floor.cpuUs);
  const floorNoGc = noGcMean(floor);
  const floorAfterOther = afterOtherP50(all[floorIndex]!);
  const streamFloor = samples.find((s) => s.contender.streamFloor) ?? floor;
  const streamFloorP50 = quantiles(streamFloor.cpuUs, [0.5])[0.5];
  return samples.map((s, index) => {
    const { contender, cpuUs, wallMs, gcUs } = s;
    const afterOtherP50Us = afterOtherP50(all[index]!);
    const cpu = percentiles(cpuUs);
    const wall = quantiles(wallMs, [0.5, 0.95]);
    const ratio = mean(cpuUs) / floorMean;
    const ratios = {} as Percentiles;
    for (const key of Object.keys(cpu) as (keyof Percentiles)[]) ratios[key] = cpu[key] / floorCpu[key];
    const cpuMeanNoGcUs = noGcMean(s);
    const judged = contender.streaming ? streamFloor : floor;
    const judgedRatioP50 = contender.streaming ? cpu.p50 / streamFloorP50 : ratios.p50;
    return {
      id: contender.id,
      label: contender.label,
      runs: cpuUs.length,
      cpuMeanUs: mean(cpuUs),
      cpuP50Us: cpu.p50,
      cpu,
      wallP50Ms: wall[0.5],
      wallP95Ms: wall[0.95],
      ratio,
      ratioP50: ratios.p50,
      ratios,
      judgedFloor: judged.contender.label,
      judgedRatioP50,
      gcUsPerRun: mean(gcUs),
      gcRunShare: gcUs.filter((g) => g > 0).length / Math.max(1, gcUs.length),
      cpuMeanNoGcUs,
      ratioNoGc: cpuMeanNoGcUs / floorNoGc,
      afterOtherP50Us,
      afterOtherRatioP50: afterOtherP50Us / floorAfterOther,
      streaming: contender.streaming,
      signet: contender.signet === true,
      withinBudget: contender.signet ? judgedRatioP50 <= BUDGET_RATIO : undefined,
    };
  });
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)];
}

const x = (r: number) => `${r.toFixed(2)}x`;
const us = (v: number) => v.toFixed(0);

export function formatTable(report: BenchReport): string {
  const main = table(
    [
      "contender",
      "runs",
      "CPU µs/run (mean)",
      "CPU p50 µs",
      "wall p50 ms",
      "wall p95 ms",
      "vs floor",
      "p50 vs floor",
      "budget: p50 vs its floor",
      "p50 after another",
    ],
    report.contenders.map((c) => [
      c.label,
      String(c.runs),
      us(c.cpuMeanUs),
      us(c.cpuP50Us),
      c.wallP50Ms.toFixed(2),
      c.wallP95Ms.toFixed(2),
      x(c.ratio),
      x(c.ratioP50),
      c.signet ? `${x(c.judgedRatioP50)}${c.withinBudget ? "" : " OVER"}${c.streaming ? " (SSE)" : ""}` : "",
      `${us(c.afterOtherP50Us)} µs, ${x(c.afterOtherRatioP50)}`,
    ]),
  );
  const distribution = table(
    [
      "CPU µs per run",
      "p10",
      "p25",
      "p50",
      "p75",
      "p90",
      "p99",
      "mean",
      "GC µs/run",
      "runs with GC",
      "mean w/o GC",
    ],
    report.contenders.map((c) => [
      c.label,
      us(c.cpu.p10),
      us(c.cpu.p25),
      us(c.cpu.p50),
      us(c.cpu.p75),
      us(c.cpu.p90),
      us(c.cpu.p99),
      us(c.cpuMeanUs),
      us(c.gcUsPerRun),
      `${(c.gcRunShare * 100).toFixed(1)}%`,
      us(c.cpuMeanNoGcUs),
    ]),
  );
  const ratios = table(
    ["vs floor", "p10", "p25", "p50", "p75", "p90", "p99", "mean", "mean w/o GC"],
    report.contenders
      .filter((c) => !c.id.startsWith("fetch") || c.id === NODE_FLOOR_ID)
      .map((c) => [
        c.label,
        x(c.ratios.p10),
        x(c.ratios.p25),
        x(c.ratios.p50),
        x(c.ratios.p75),
        x(c.ratios.p90),
        x(c.ratios.p99),
        x(c.ratio),
        x(c.ratioNoGc),
      ]),
  );
  const nodeFloor = report.contenders.find((c) => c.id === NODE_FLOOR_ID);
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");
  const verdicts = report.contenders
    .filter((c) => c.signet)
    .map(
      (c) =>
        `${c.label}: ${x(c.judgedRatioP50)} the ${c.judgedFloor} by median (${c.withinBudget ? "within" : "OVER"} ` +
        `the ${report.budgetRatio}x budget); against the floor ${x(c.ratioP50)} by median, ${x(c.ratio)} by mean` +
        (nodeFloor
          ? `; against the floor on Node's dispatcher ${x(c.cpuMeanUs / nodeFloor.cpuMeanUs)} by mean, ` +
            `${x(c.cpuP50Us / nodeFloor.cpuP50Us)} by median`
          : ""),
    );
  return [
    ...main,
    "",
    ...distribution,
    "",
    ...ratios,
    "",
    ...verdicts,
    `${report.node} on ${report.platform}, ${report.cpus} cores; load average ${load(report.loadAverageBefore)} ` +
      `before, ${load(report.loadAverageAfter)} after; ${report.warmup} warm-up runs each; contenders take turns ` +
      `in blocks of ${report.block} runs, in a shuffled order each round. Figures are of the runs after a run ` +
      `of the same contender, but "p50 after another" (the first run of each block).`,
  ].join("\n");
}
