// `pnpm bench`: client CPU per agent run, Signet against the floor and the official clients, all
// in one process against one emulator process, interleaved. See docs/benchmarks.md.
import { writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs, USAGE, UsageError } from "./args.js";
import { CONTENDERS, chooseContenders } from "./contenders/index.js";
import { startEmulatorProcess } from "./emulator-client.js";
import { type Active, measure } from "./measure.js";
import { type BenchReport, BUDGET_RATIO, figures, formatTable } from "./report.js";

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return error.message ? 2 : 0;
  }
  const unknown = args.only.filter((id) => !CONTENDERS.some((c) => c.id === id));
  if (unknown.length) {
    console.error(`Unknown contender ${unknown.join(", ")}.\n${USAGE}`);
    return 2;
  }
  const chosen = chooseContenders(args.only);

  const loadAverageBefore = loadavg();
  const emulator = await startEmulatorProcess();
  const active: Active[] = [];
  try {
    for (const contender of chosen) active.push({ contender, runner: await contender.setup(emulator.url) });
    const plan = {
      runs: args.runs,
      maxRuns: 2000,
      budgetMs: args.seconds * 1000,
      warmup: args.warmup,
      block: args.block,
    };
    console.error(
      `Measuring ${active.length} contenders against the emulator (pid ${emulator.pid}), ` +
        (args.runs ? `${args.runs} runs each` : `for about ${args.seconds} s`) +
        ` after ${args.warmup} warm-up runs each, in blocks of ${args.block}...`,
    );
    const samples = await measure(active, emulator, plan, (done) => console.error(`  ${done} runs each`));
    const report: BenchReport = {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: availableParallelism(),
      loadAverageBefore,
      loadAverageAfter: loadavg(),
      warmup: args.warmup,
      block: args.block,
      budgetRatio: BUDGET_RATIO,
      contenders: figures(samples),
    };
    console.log(args.json ? JSON.stringify(report, null, 2) : formatTable(report));
    if (args.samples) {
      const runs = samples.map(({ contender, cpuUs, wallMs, startMs, gcUs, position }) => ({
        id: contender.id,
        cpuUs,
        wallMs,
        startMs,
        gcUs,
        position,
      }));
      await writeFile(args.samples, JSON.stringify({ ...report, runs }));
      console.error(`Every run's figures: ${args.samples}`);
    }
    return 0;
  } finally {
    await Promise.all(active.map((a) => a.runner.close()));
    await emulator.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
