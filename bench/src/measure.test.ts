import { describe, expect, it } from "vitest";
import { roundOrder } from "./measure.js";

describe("roundOrder", () => {
  it("is a permutation, the same for the same round, different across rounds", () => {
    for (let r = 0; r < 50; r++) expect([...roundOrder(7, r)].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(roundOrder(7, 3)).toEqual(roundOrder(7, 3));
    const distinct = new Set(Array.from({ length: 50 }, (_, r) => roundOrder(7, r).join()));
    expect(distinct.size).toBeGreaterThan(40);
  });

  it("gives every contender every predecessor about equally often (a fixed cycle gives one)", () => {
    const n = 6;
    const rounds = 6000;
    const follows = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let r = 0; r < rounds; r++) {
      const order = roundOrder(n, r);
      for (let k = 1; k < n; k++) follows[order[k]!]![order[k - 1]!]!++;
    }
    // Each ordered pair follows in 1/n of the rounds on average: 1000 here.
    const expected = rounds / n;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        if (a === b) expect(follows[a]![b]).toBe(0);
        else expect(Math.abs(follows[a]![b]! - expected)).toBeLessThan(expected * 0.15);
      }
    }
  });
});
