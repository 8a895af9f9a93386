// Garbage-collection pauses during the measured phase, charged to the run each one started in. A
// pause lands on whichever run allocates past a threshold, so it tells why some runs are slow, not
// who caused them: a contender that allocates more triggers more of them, in its runs or others'.
import { type PerformanceEntry, PerformanceObserver } from "node:perf_hooks";

/** What `chargeGc` needs of a contender's samples. */
export interface GcCharged {
  wallMs: readonly number[];
  startMs: readonly number[];
  gcUs: number[];
}

export interface GcPause {
  startMs: number;
  durationMs: number;
}

/** Observes GC pauses until `stop`, which resolves with them all in time order. */
export function watchGc(): { stop(): Promise<GcPause[]> } {
  const pauses: GcPause[] = [];
  const take = (entries: readonly PerformanceEntry[]) => {
    for (const e of entries) pauses.push({ startMs: e.startTime, durationMs: e.duration });
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  return {
    async stop() {
      // Entries are delivered asynchronously: let the last ones arrive before disconnecting.
      await new Promise((resolve) => setImmediate(resolve));
      take(observer.takeRecords());
      observer.disconnect();
      return pauses.sort((a, b) => a.startMs - b.startMs);
    },
  };
}

/** Fills each contender's `gcUs` (one entry per run) with the pauses that started within that run. */
export function chargeGc(samples: readonly GcCharged[], pauses: readonly GcPause[]): void {
  const runs: { start: number; end: number; owner: GcCharged; index: number }[] = [];
  for (const owner of samples) {
    owner.gcUs.length = 0;
    for (let i = 0; i < owner.startMs.length; i++) {
      owner.gcUs.push(0);
      const start = owner.startMs[i]!;
      runs.push({ start, end: start + owner.wallMs[i]!, owner, index: i });
    }
  }
  runs.sort((a, b) => a.start - b.start);
  let r = 0;
  for (const pause of pauses) {
    while (r < runs.length && runs[r]!.end <= pause.startMs) r++;
    const run = runs[r];
    // A pause between runs (a drain, the loop itself) belongs to no run.
    if (!run || pause.startMs < run.start) continue;
    run.owner.gcUs[run.index]! += pause.durationMs * 1000;
  }
}
