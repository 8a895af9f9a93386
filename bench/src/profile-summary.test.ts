import { describe, expect, it } from "vitest";
import { type CpuProfile, originOf, summarizeProfile } from "./profile-summary.js";

const frame = (functionName: string, url = "", lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
});

describe("summarizeProfile", () => {
  it("splits self and inclusive time, skips idle, and groups by origin", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(root)"), children: [2, 4, 5] },
        {
          id: 2,
          callFrame: frame("execute", "file:///work/main/packages/core/src/run-loop.ts", 9),
          children: [3],
        },
        {
          id: 3,
          callFrame: frame(
            "parse",
            "file:///work/main/node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/parse.js",
            0,
          ),
        },
        { id: 4, callFrame: frame("(garbage collector)") },
        { id: 5, callFrame: frame("(idle)") },
      ],
      samples: [2, 3, 3, 4, 5],
      timeDeltas: [10, 20, 20, 5, 1000],
    };
    const summary = summarizeProfile(profile);
    expect(summary.totalUs).toBe(55);
    expect(summary.origins).toEqual([
      { origin: "npm:zod", selfUs: 40 },
      { origin: "signet:core", selfUs: 10 },
      { origin: "(garbage collector)", selfUs: 5 },
    ]);
    const execute = summary.functions.find((f) => f.key.startsWith("execute"))!;
    expect(execute).toMatchObject({
      key: "execute (packages/core/src/run-loop.ts:10)",
      selfUs: 10,
      totalUs: 50,
    });
    expect(summary.functions.find((f) => f.key === "(root)")!.totalUs).toBe(55);
  });

  it("names origins", () => {
    expect(originOf("node:internal/deps/undici/undici", "fetch")).toBe("node");
    expect(originOf("file:///x/node_modules/.pnpm/undici@7.30.2/node_modules/undici/lib/x.js", "f")).toBe(
      "npm:undici",
    );
    expect(originOf("", "(garbage collector)")).toBe("(garbage collector)");
  });
});
