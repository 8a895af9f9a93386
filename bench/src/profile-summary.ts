// Summarizes a V8 `.cpuprofile` (from `node --cpu-prof`): where the time went, by function (self
// and inclusive) and by origin (Signet's packages, undici, zod, Node internals, GC...). Used to name
// hot spots when a contender is over budget, without any profiling tool beyond Node itself.
//   node --import tsx bench/src/profile-summary.ts <file.cpuprofile> [--top N] [--filter text] [--runs N]

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  /** `function (origin-relative file:line)`, line 1-based in the code V8 ran. */
  key: string;
  origin: string;
  selfUs: number;
  totalUs: number;
}

export interface ProfileSummary {
  totalUs: number;
  /** Self time by origin, most first. */
  origins: { origin: string; selfUs: number }[];
  functions: FunctionTime[];
}

const ORIGINS: [RegExp, string][] = [
  [/\/packages\/(core|provider|tools|testing)\/src\//, "signet:$1"],
  [/node_modules\/\.pnpm\/([^/]+?)@\d[^/]*\/node_modules\//, "npm:$1"],
  [/^node:/, "node"],
  [/\/bench\/src\//, "bench"],
];

export function originOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "native";
  for (const [pattern, name] of ORIGINS) {
    const match = pattern.exec(url);
    if (match) return name.replace("$1", match[1] ?? "");
  }
  return "other";
}

function shortUrl(url: string): string {
  const pkg =
    /\/(packages\/[^/]+\/src\/.*)$/.exec(url) ??
    /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(.*)$/.exec(url);
  if (pkg) return pkg[1]!;
  return url.replace(/^file:\/\/\/work\/main\//, "");
}

export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map<number, CpuProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const keyOf = new Map<number, { key: string; origin: string }>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || "(anonymous)";
    const origin = originOf(url, name);
    keyOf.set(node.id, { key: url ? `${name} (${shortUrl(url)}:${lineNumber + 1})` : name, origin });
  }
  const functions = new Map<string, FunctionTime>();
  const origins = new Map<string, number>();
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // V8 records the delta before sample i; attributing it to sample i is the usual convention.
    const delta = profile.timeDeltas[i] ?? 0;
    const leaf = profile.samples[i]!;
    const leafKey = keyOf.get(leaf);
    if (!leafKey || leafKey.key === "(idle)") continue;
    totalUs += delta;
    origins.set(leafKey.origin, (origins.get(leafKey.origin) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const { key, origin } = keyOf.get(id)!;
      if (seen.has(key)) continue;
      seen.add(key);
      let entry = functions.get(key);
      if (!entry) {
        entry = { key, origin, selfUs: 0, totalUs: 0 };
        functions.set(key, entry);
      }
      entry.totalUs += delta;
      if (id === leaf) entry.selfUs += delta;
    }
  }
  return {
    totalUs,
    origins: [...origins].map(([origin, selfUs]) => ({ origin, selfUs })).sort((a, b) => b.selfUs - a.selfUs),
    functions: [...functions.values()],
  };
}

export function formatSummary(
  summary: ProfileSummary,
  top: number,
  filter: string | undefined,
  runs: number | undefined,
): string {
  // With the number of runs profiled, each figure also reads as µs per run.
  const perRun = (us: number) => (runs ? `${(us / runs).toFixed(0).padStart(6)} µs/run ` : "");
  const pct = (us: number) => `${perRun(us)}${((100 * us) / summary.totalUs).toFixed(1).padStart(5)}%`;
  const pick = (f: FunctionTime) =>
    !["(root)", "(program)"].includes(f.key) &&
    (filter === undefined || f.key.includes(filter) || f.origin.includes(filter));
  const lines = [
    `Busy time sampled: ${(summary.totalUs / 1000).toFixed(0)} ms${runs ? ` (${(summary.totalUs / runs).toFixed(0)} µs/run)` : ""}`,
    "",
    "Self time by origin:",
  ];
  for (const o of summary.origins) lines.push(`  ${pct(o.selfUs)}  ${o.origin}`);
  lines.push("", `Top ${top} by self time${filter ? ` (matching "${filter}")` : ""}:`);
  const bySelf = summary.functions.filter(pick).sort((a, b) => b.selfUs - a.selfUs);
  for (const f of bySelf.slice(0, top)) lines.push(`  ${pct(f.selfUs)}  ${f.key}  [${f.origin}]`);
  lines.push("", `Top ${top} by inclusive time${filter ? ` (matching "${filter}")` : ""}:`);
  const byTotal = summary.functions.filter(pick).sort((a, b) => b.totalUs - a.totalUs);
  for (const f of byTotal.slice(0, top)) lines.push(`  ${pct(f.totalUs)}  ${f.key}  [${f.origin}]`);
  return lines.join("\n");
}

async function cli(argv: string[]): Promise<void> {
  const { readFile } = await import("node:fs/promises");
  const file = argv.find(
    (a, i) => !a.startsWith("--") && !["--top", "--filter", "--runs"].includes(argv[i - 1] ?? ""),
  );
  if (!file) {
    console.error("Usage: profile-summary <file.cpuprofile> [--top N] [--filter text] [--runs N]");
    process.exitCode = 2;
    return;
  }
  const topAt = argv.indexOf("--top");
  const filterAt = argv.indexOf("--filter");
  const top = topAt >= 0 ? Number(argv[topAt + 1]) : 25;
  const filter = filterAt >= 0 ? argv[filterAt + 1] : undefined;
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : undefined;
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  console.log(formatSummary(summarizeProfile(profile), top, filter, runs));
}

if (import.meta.url === `file://${process.argv[1]}`) await cli(process.argv.slice(2));
