// Turns samples into the figures the table and the JSON show.
import type { Samples } from "./measure.js";
import { mean, quantile } from "./stats.js";

/** Signet's client CPU may be at most this multiple of the hand-written floor (DESIGN.md). */
export const BUDGET_RATIO = 1.25;

export interface ContenderFigures {
  id: string;
  label: string;
  runs: number;
  cpuMeanUs: number;
  cpuP50Us: number;
  wallP50Ms: number;
  wallP95Ms: number;
  /** Mean CPU over the floor's mean CPU: the figure the budget is about. */
  ratio: number;
  /** Median CPU over the floor's median CPU: less sensitive to the machine's noise. */
  ratioP50: number;
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
  budgetRatio: number;
  contenders: ContenderFigures[];
}

export function figures(samples: readonly Samples[]): ContenderFigures[] {
  const floor = samples.find((s) => s.contender.baseline);
  if (!floor) throw new Error("The floor (fetch loop) must be measured.");
  const floorMean = mean(floor.cpuUs);
  const floorP50 = quantile(floor.cpuUs, 0.5);
  return samples.map(({ contender, cpuUs, wallMs }) => {
    const ratio = mean(cpuUs) / floorMean;
    return {
      id: contender.id,
      label: contender.label,
      runs: cpuUs.length,
      cpuMeanUs: mean(cpuUs),
      cpuP50Us: quantile(cpuUs, 0.5),
      wallP50Ms: quantile(wallMs, 0.5),
      wallP95Ms: quantile(wallMs, 0.95),
      ratio,
      ratioP50: quantile(cpuUs, 0.5) / floorP50,
      signet: contender.signet === true,
      withinBudget: contender.signet ? ratio <= BUDGET_RATIO : undefined,
    };
  });
}

export function formatTable(report: BenchReport): string {
  const header = [
    "contender",
    "runs",
    "CPU µs/run (mean)",
    "CPU p50 µs",
    "wall p50 ms",
    "wall p95 ms",
    "vs floor",
    "p50 vs floor",
  ];
  const rows = report.contenders.map((c) => [
    c.label,
    String(c.runs),
    c.cpuMeanUs.toFixed(0),
    c.cpuP50Us.toFixed(0),
    c.wallP50Ms.toFixed(2),
    c.wallP95Ms.toFixed(2),
    `${c.ratio.toFixed(2)}x${c.withinBudget === false ? " OVER" : ""}`,
    `${c.ratioP50.toFixed(2)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");
  const verdicts = report.contenders
    .filter((c) => c.signet)
    .map(
      (c) =>
        `${c.label}: ${c.ratio.toFixed(2)}x the floor, ${c.withinBudget ? "within" : "OVER"} the ${report.budgetRatio}x budget`,
    );
  return [
    line(header),
    rule,
    ...rows.map(line),
    "",
    ...verdicts,
    `${report.node} on ${report.platform}, ${report.cpus} cores; load average ${load(report.loadAverageBefore)} before, ${load(report.loadAverageAfter)} after; ${report.warmup} warm-up runs each, contenders interleaved round-robin.`,
  ].join("\n");
}
