import { describe, expect, it } from "vitest";
import { mean, quantile } from "./stats.js";

describe("stats", () => {
  it("mean and interpolated quantiles", () => {
    expect(mean([1, 2, 3, 10])).toBe(4);
    expect(quantile([10, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8);
    expect(quantile([7], 0.95)).toBe(7);
    expect(mean([])).toBeNaN();
  });
});
