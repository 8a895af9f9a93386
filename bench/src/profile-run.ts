// Runs one contender alone in a loop against the emulator process and records a V8 CPU profile of
// the measured loop only (after warm-up, so module loading and JIT are out of it):
//   node --import tsx --conditions=@signet/source bench/src/profile-run.ts signet 3000 /tmp/signet.cpuprofile
// then: node --import tsx bench/src/profile-summary.ts /tmp/signet.cpuprofile
// With SIGNET_PROFILE_HEAP=1, a sampling heap profile instead (`.heapprofile`, every allocation,
// collected or not): prints KB allocated per run.
// SIGNET_PROFILE_CORE=<path of a core's src/index.ts> profiles another build of @signet/core.
// With SIGNET_PROFILE_MEMORY=1, Signet's contenders get a provider replaying the emulator's responses
// from memory (replay-provider.ts): the profile is then of the agent loop alone, without HTTP.
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { pathToFileURL } from "node:url";
import { CONTENDERS } from "./contenders/index.js";
import { type AgentClass, signetContenders } from "./contenders/signet.js";
import { startEmulatorProcess } from "./emulator-client.js";
import { checkRequests } from "./measure.js";
import { record, replayProvider } from "./replay-provider.js";

const [id = "signet", runsArg = "3000", out = `/tmp/bench-${id}.cpuprofile`] = process.argv.slice(2);
const contender = CONTENDERS.find((c) => c.id === id);
const runs = Number(runsArg);
if (!contender || !Number.isInteger(runs) || runs < 100 || runs % 100 !== 0) {
  console.error(
    `Usage: profile-run.ts <${CONTENDERS.map((c) => c.id).join("|")}> <runs, a multiple of 100> [out]`,
  );
  process.exit(2);
}
const emulator = await startEmulatorProcess();
const memory = process.env.SIGNET_PROFILE_MEMORY === "1" && contender.signet === true;
const heap = process.env.SIGNET_PROFILE_HEAP === "1";
// Another build of @signet/core (its src/index.ts, e.g. one ab-core.ts exported), for a before/after.
const other = process.env.SIGNET_PROFILE_CORE;
const { Agent } = (await import(other ? pathToFileURL(other).href : "@signet/core")) as { Agent: AgentClass };
const replaying = memory ? await record(Agent, emulator.url) : undefined;
const via = replaying
  ? (real: Parameters<typeof replayProvider>[0]) => replayProvider(real, replaying)
  : undefined;
const runner = await (contender.signet && (via || other)
  ? signetContenders(Agent, "", via)[contender.streaming ? 1 : 0]!
  : contender
).setup(emulator.url);
// In memory, a run makes no request: the emulator's log stays empty.
const check = (n: number) =>
  memory ? emulator.drain() : emulator.drain().then((log) => checkRequests(log, n));
const session = new Session();
session.connect();
try {
  for (let i = 0; i < 200; i++) await runner.run();
  await check(200);
  const cpu0 = process.cpuUsage();
  if (heap) {
    // Every allocation sampled, also of objects already collected: bytes allocated, not retained.
    await session.post("HeapProfiler.enable");
    // (The two include flags are V8's, newer than @types/node's description of the method.)
    const sampling = {
      samplingInterval: 512,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    };
    await session.post("HeapProfiler.startSampling", sampling);
  } else {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
  }
  for (let i = 0; i < runs; i++) {
    await runner.run();
    if (i % 100 === 99) await check(100);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuNote = `${((cpu.user + cpu.system) / runs).toFixed(0)} µs CPU/run over ${runs} runs (profiling on)`;
  if (heap) {
    const { profile } = await session.post("HeapProfiler.stopSampling");
    await writeFile(out, JSON.stringify(profile));
    const bytes = totalSize(profile.head);
    console.log(
      `${contender.label}: ${(bytes / runs / 1024).toFixed(1)} KB allocated/run; ${cpuNote}; profile in ${out}`,
    );
  } else {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(out, JSON.stringify(profile));
    console.log(`${contender.label}: ${cpuNote}; profile in ${out}`);
  }
} finally {
  session.disconnect();
  await runner.close();
  await emulator.close();
}

/** Bytes sampled in a heap-profile tree (each node's own allocations plus its callees'). */
function totalSize(node: { selfSize: number; children: (typeof node)[] }): number {
  let sum = node.selfSize;
  for (const child of node.children) sum += totalSize(child);
  return sum;
}
