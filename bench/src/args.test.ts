import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "./args.js";

describe("parseArgs", () => {
  it("defaults to a time budget", () => {
    expect(parseArgs([])).toEqual({
      runs: undefined,
      warmup: 500,
      block: 4,
      seconds: 40,
      json: false,
      only: [],
      samples: undefined,
    });
  });
  it("reads every option", () => {
    const argv = [
      "--runs",
      "20",
      "--warmup",
      "0",
      "--block",
      "3",
      "--json",
      "--only",
      "signet,genai",
      "--samples",
      "/tmp/s.json",
    ];
    expect(parseArgs(argv)).toEqual({
      runs: 20,
      warmup: 0,
      block: 3,
      seconds: 40,
      json: true,
      only: ["signet", "genai"],
      samples: "/tmp/s.json",
    });
  });
  it("refuses bad values and unknown flags", () => {
    expect(() => parseArgs(["--runs", "0"])).toThrow(UsageError);
    expect(() => parseArgs(["--block", "1"])).toThrow("--block must be an integer >= 2 (got 1).");
    expect(() => parseArgs(["--runs"])).toThrow("--runs needs a value.");
    expect(() => parseArgs(["--fast"])).toThrow("Unknown option --fast.");
  });
});
