// The pre-flight check over one run, as the loop used to do it (the full `preflight` before every
// step) and as it does now (`PreflightCheck`: only what each step appended), interleaved:
//   node --import tsx --conditions=@signet/source bench/src/preflight-steps.ts
// A run is a new question after `previous` contents, then `steps` model turns of two calls (the first
// signed) each answered by two function responses, with a check before each request.
import type { Content } from "@signet/provider";
import { PreflightCheck, preflight } from "../../packages/core/src/preflight.js";
import { quantiles } from "./stats.js";

const OPTIONS = { requireSignatures: true };

function exchange(n: number): Content[] {
  return [
    {
      role: "model",
      parts: [
        { functionCall: { name: "a", args: { n }, id: `a${n}` }, thoughtSignature: "sig" },
        { functionCall: { name: "b", args: {}, id: `b${n}` } },
      ],
    },
    {
      role: "user",
      parts: [
        { functionResponse: { name: "a", id: `a${n}`, response: { ok: 1 } } },
        { functionResponse: { name: "b", id: `b${n}`, response: { ok: 2 } } },
      ],
    },
  ];
}

function previous(count: number): Content[] {
  const out: Content[] = [];
  for (let i = 0; out.length < count; i++) {
    out.push({ role: "user", parts: [{ text: `question ${i}` }] }, ...exchange(i), {
      role: "model",
      parts: [{ text: "answer" }, { text: "", thoughtSignature: "sig" }],
    });
  }
  return out.slice(0, count);
}

function run(prior: readonly Content[], steps: number, incremental: boolean): void {
  const contents: Content[] = [...prior, { role: "user", parts: [{ text: "go" }] }];
  const check = incremental ? new PreflightCheck(OPTIONS) : undefined;
  for (let s = 0; s <= steps; s++) {
    if (check) check.check(contents);
    else preflight(contents, OPTIONS);
    if (s < steps) contents.push(...exchange(1000 + s));
  }
}

const BATCH = 50;
for (const [count, steps] of [
  [0, 1],
  [0, 10],
  [40, 1],
  [40, 10],
  [200, 10],
] as const) {
  const prior = previous(count);
  const times = { full: [] as number[], incremental: [] as number[] };
  for (let round = 0; round < 500; round++) {
    for (const incremental of round % 2 ? [false, true] : [true, false]) {
      const t0 = performance.now();
      for (let k = 0; k < BATCH; k++) run(prior, steps, incremental);
      const us = ((performance.now() - t0) * 1000) / BATCH;
      if (round >= 100) times[incremental ? "incremental" : "full"].push(us);
    }
  }
  const show = (values: number[]) => {
    const q = quantiles(values, [0.25, 0.5, 0.75]);
    return `p50 ${q[0.5].toFixed(2)} µs (p25-p75 ${q[0.25].toFixed(2)}-${q[0.75].toFixed(2)})`;
  };
  console.log(
    `${String(count).padStart(3)} previous contents, ${String(steps).padStart(2)} steps: ` +
      `full check each step ${show(times.full)}; PreflightCheck ${show(times.incremental)} a run`,
  );
}
