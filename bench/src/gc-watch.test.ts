import { describe, expect, it } from "vitest";
import { chargeGc, type GcCharged, watchGc } from "./gc-watch.js";

const runs = (starts: number[], wall: number): GcCharged => ({
  startMs: starts,
  wallMs: starts.map(() => wall),
  gcUs: [],
});

describe("chargeGc", () => {
  it("charges each pause to the run it started in, across interleaved contenders", () => {
    // Round-robin: a runs at 0, 20; b at 10, 30; each run lasts 5 ms.
    const a = runs([0, 20], 5);
    const b = runs([10, 30], 5);
    chargeGc(
      [a, b],
      [
        { startMs: 1, durationMs: 0.5 },
        { startMs: 4.9, durationMs: 0.25 },
        // Between runs: nobody's.
        { startMs: 7, durationMs: 9 },
        { startMs: 30, durationMs: 1 },
        // After the last run.
        { startMs: 99, durationMs: 9 },
      ],
    );
    expect(a.gcUs).toEqual([750, 0]);
    expect(b.gcUs).toEqual([0, 1000]);
  });

  it("leaves a zero per run when there was no pause", () => {
    const a = runs([0, 10, 20], 1);
    chargeGc([a], []);
    expect(a.gcUs).toEqual([0, 0, 0]);
  });
});

describe("watchGc", () => {
  it("sees a forced or allocation-driven collection", async () => {
    const watch = watchGc();
    const t0 = performance.now();
    let keep: unknown[] = [];
    // Enough short-lived garbage to fill the young generation several times over.
    for (let i = 0; i < 1_000_000; i++) keep = [keep.length, { i, s: `x${i}` }];
    const pauses = await watch.stop();
    expect(keep).toHaveLength(2);
    expect(pauses.length).toBeGreaterThan(0);
    expect(pauses.every((p) => p.startMs >= t0 && p.durationMs >= 0)).toBe(true);
    expect(pauses.map((p) => p.startMs)).toEqual([...pauses.map((p) => p.startMs)].sort((x, y) => x - y));
  });
});
