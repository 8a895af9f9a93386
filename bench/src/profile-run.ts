// Runs one contender alone in a loop against the emulator process and records a V8 CPU profile of
// the measured loop only (after warm-up, so module loading and JIT are out of it):
//   node --import tsx --conditions=@signet/source bench/src/profile-run.ts signet 3000 /tmp/signet.cpuprofile
// then: node --import tsx bench/src/profile-summary.ts /tmp/signet.cpuprofile
// With SIGNET_PROFILE_MEMORY=1, Signet's contenders get a provider replaying the emulator's responses
// from memory (replay-provider.ts): the profile is then of the agent loop alone, without HTTP.
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { Agent } from "@signet/core";
import { CONTENDERS } from "./contenders/index.js";
import { signetContenders } from "./contenders/signet.js";
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
const replaying = memory ? await record(Agent, emulator.url) : undefined;
const runner = await (replaying
  ? signetContenders(Agent, "", (real) => replayProvider(real, replaying))[contender.streaming ? 1 : 0]
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
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    await runner.run();
    if (i % 100 === 99) await check(100);
  }
  const cpu = process.cpuUsage(cpu0);
  const { profile } = await session.post("Profiler.stop");
  await writeFile(out, JSON.stringify(profile));
  console.log(
    `${contender.label}: ${((cpu.user + cpu.system) / runs).toFixed(0)} µs CPU/run over ${runs} runs (profiling on); profile in ${out}`,
  );
} finally {
  session.disconnect();
  await runner.close();
  await emulator.close();
}
