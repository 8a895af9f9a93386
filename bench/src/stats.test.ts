import { describe, expect, it } from "vitest";
import { mean, quantile, quantiles } from "./stats.js";

describe("stats", () => {
  it("mean and interpolated quantiles", () => {
    expect(mean([1, 2, 3, 10])).toBe(4);
    expect(quantile([10, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8);
    expect(quantile([7], 0.95)).toBe(7);
    expect(mean([])).toBeNaN();
  });

  it("several quantiles from one sort, the same as one at a time", () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 100];
    const qs = [0.1, 0.5, 0.9, 0.99] as const;
    const many = quantiles(values, qs);
    for (const q of qs) expect(many[q]).toBe(quantile(values, q));
    expect(many[0.5]).toBe(5.5);
    expect(values[0]).toBe(9);
  });
});
