// Command-line options of the bench.

export interface BenchArgs {
  /** Measured runs per contender; undefined = as many rounds as fit in `seconds`. */
  runs: number | undefined;
  warmup: number;
  /** Consecutive runs of one contender per turn; all but the first of each block are "steady". */
  block: number;
  seconds: number;
  json: boolean;
  /** Contender ids to run (the floor is always added); empty = all. */
  only: string[];
  /** A file to write every run's figures to (JSON), for a closer look at the distribution. */
  samples: string | undefined;
}

export const USAGE = `Usage: pnpm bench [--runs N] [--warmup N] [--block N] [--seconds S] [--only id,id] [--json]
                  [--samples F]
  --runs N      measured runs per contender (default: as many rounds as fit in --seconds, at most 2000)
  --warmup N    unmeasured runs per contender first (default 500: fewer leave the JIT still at work)
  --block N     consecutive runs of one contender per turn (default 4); the first follows another
                client, the others the same one (the main figures)
  --seconds S   time budget of the measured phase when --runs is not given (default 40)
  --only ids    run only these contenders (the floor always runs): fetch, fetch-node, fetch-sse, signet,
                signet-stream, genai, ai-sdk; run only when named: signet-provider (the floor's loop on
                @signet/provider), fetch-noredirect (the floor with redirect: "error")
  --json        print the results as JSON instead of a table
  --samples F   also write every run's CPU, wall time, start and GC pause to F (JSON)`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    runs: undefined,
    warmup: 500,
    block: 4,
    seconds: 40,
    json: false,
    only: [],
    samples: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    const count = (min: number) => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min)
        throw new UsageError(`${flag} must be an integer >= ${min} (got ${v}).`);
      return n;
    };
    if (flag === "--runs") args.runs = count(1);
    else if (flag === "--warmup") args.warmup = count(0);
    else if (flag === "--block") args.block = count(2);
    else if (flag === "--seconds") args.seconds = count(1);
    else if (flag === "--json") args.json = true;
    else if (flag === "--only") args.only = value().split(",").filter(Boolean);
    else if (flag === "--samples") args.samples = value();
    else if (flag === "--help" || flag === "-h") throw new UsageError("");
    else throw new UsageError(`Unknown option ${flag}.`);
  }
  return args;
}
