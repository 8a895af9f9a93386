import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "./args.js";

describe("parseArgs", () => {
  it("defaults to a time budget", () => {
    expect(parseArgs([])).toEqual({ runs: undefined, warmup: 60, seconds: 40, json: false, only: [] });
  });
  it("reads every option", () => {
    expect(parseArgs(["--runs", "20", "--warmup", "0", "--json", "--only", "signet,genai"])).toEqual({
      runs: 20,
      warmup: 0,
      seconds: 40,
      json: true,
      only: ["signet", "genai"],
    });
  });
  it("refuses bad values and unknown flags", () => {
    expect(() => parseArgs(["--runs", "0"])).toThrow(UsageError);
    expect(() => parseArgs(["--runs"])).toThrow("--runs needs a value.");
    expect(() => parseArgs(["--fast"])).toThrow("Unknown option --fast.");
  });
});
