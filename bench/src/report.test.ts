import { describe, expect, it } from "vitest";
import { CONTENDERS } from "./contenders/index.js";
import type { Samples } from "./measure.js";
import { type BenchReport, figures, formatTable } from "./report.js";

const byId = (id: string) => CONTENDERS.find((c) => c.id === id)!;

/** Steady runs (after the same contender), then `afterOther` runs that followed another contender. */
function sample(id: string, steady: number[], gcUs = steady.map(() => 0), afterOther = [200, 200]): Samples {
  const cpuUs = [...steady, ...afterOther];
  return {
    contender: byId(id),
    cpuUs,
    wallMs: cpuUs.map((c) => c / 1000),
    startMs: cpuUs.map((_, i) => i * 10),
    gcUs: [...gcUs, ...afterOther.map(() => 0)],
    position: [...steady.map(() => 1), ...afterOther.map(() => 0)],
  };
}

describe("figures", () => {
  // Ten runs each; the floor's last run and Signet's last run met a 1000 µs GC pause.
  const floor = sample(
    "fetch",
    [100, 100, 100, 100, 100, 100, 100, 100, 100, 1100],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 900],
  );
  const node = sample("fetch-node", [90, 90, 90, 90, 90, 90, 90, 90, 90, 90]);
  const signet = sample(
    "signet",
    [130, 130, 130, 130, 130, 130, 130, 130, 130, 1130],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 900],
    [300, 300, 300],
  );
  // Streaming: the SSE floor costs 120, Signet's stream 144 (1.20x it, 1.44x the floor).
  const sse = sample("fetch-sse", Array(10).fill(120));
  const stream = sample("signet-stream", Array(10).fill(144));
  const [f, n, s, sf, st] = figures([floor, node, signet, sse, stream]);

  it("ratios of means and of each percentile against the judged floor", () => {
    expect(f!.ratio).toBe(1);
    expect(n!.ratio).toBeCloseTo(90 / 200);
    // A pause shared by both pulls the ratio of means towards 1; the median does not see it.
    expect(s!.ratio).toBeCloseTo(230 / 200);
    expect(s!.ratioP50).toBeCloseTo(1.3);
    expect(s!.ratios.p25).toBeCloseTo(1.3);
    expect(s!.cpu.p99).toBeGreaterThan(1000);
  });

  it("the main figures leave out the runs after another contender, reported apart", () => {
    expect(s!.runs).toBe(10);
    expect(s!.afterOtherP50Us).toBe(300);
    expect(s!.afterOtherRatioP50).toBeCloseTo(1.5);
    expect(f!.afterOtherRatioP50).toBe(1);
  });

  it("GC per run, the share of runs with a pause, and the mean without them", () => {
    expect(s!.gcUsPerRun).toBe(90);
    expect(s!.gcRunShare).toBe(0.1);
    expect(s!.cpuMeanNoGcUs).toBe(130);
    expect(s!.ratioNoGc).toBeCloseTo(1.3);
    expect(n!.gcRunShare).toBe(0);
  });

  it("judges only Signet against the budget, by the ratio of medians; a stream against the SSE floor", () => {
    // 1.15x by mean would pass; 1.30x by median does not. The stream: 1.20x the SSE floor passes.
    expect([f, n, s, sf, st].map((c) => c!.withinBudget)).toEqual([
      undefined,
      undefined,
      false,
      undefined,
      true,
    ]);
    expect([s!.judgedFloor, st!.judgedFloor]).toEqual(["fetch loop (floor)", "fetch loop, SSE"]);
    expect(st!.judgedRatioP50).toBeCloseTo(1.2);
    expect(st!.ratioP50).toBeCloseTo(1.44);
    const report: BenchReport = {
      node: "v20",
      platform: "linux-x64",
      cpus: 2,
      loadAverageBefore: [1, 1, 1],
      loadAverageAfter: [1, 1, 1],
      warmup: 0,
      block: 4,
      budgetRatio: 1.25,
      contenders: [f!, n!, s!, sf!, st!],
    };
    const text = formatTable(report);
    expect(text).toContain(
      "Signet Agent.run: 1.30x the fetch loop (floor) by median (OVER the 1.25x budget); against the floor " +
        "1.30x by median, 1.15x by mean; against the floor on Node's dispatcher 2.56x by mean, 1.44x by median",
    );
    expect(text).toContain(
      "Signet Agent.stream: 1.20x the fetch loop, SSE by median (within the 1.25x budget); against the floor " +
        "1.44x by median,",
    );
    expect(text).toContain("| fetch loop, Node's dispatcher |");
    expect(text).toMatch(/\| +1\.30x OVER \|/);
    expect(text).toMatch(/\| +1\.20x \(SSE\) \|/);
  });

  it("needs the floor", () => {
    expect(() => figures([signet])).toThrow("The floor (fetch loop) must be measured.");
  });
});
