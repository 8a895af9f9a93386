// Summary statistics over per-run samples.

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The q-quantile (0..1) by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  return quantileOfSorted(
    [...values].sort((a, b) => a - b),
    q,
  );
}

/** Several quantiles of one sample, sorting it once. */
export function quantiles<Q extends number>(values: readonly number[], qs: readonly Q[]): Record<Q, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const out = {} as Record<Q, number>;
  for (const q of qs) out[q] = quantileOfSorted(sorted, q);
  return out;
}

function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
