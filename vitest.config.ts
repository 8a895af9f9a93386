import { defineConfig } from "vitest/config";

// Tests run on the TypeScript sources: the `@signet/source` export condition points each
// workspace package at its `src/index.ts`, so no build is needed before `vitest run`.
const jsonOut = process.env.SIGNET_VITEST_JSON;

export default defineConfig({
  resolve: { conditions: ["@signet/source"] },
  ssr: { resolve: { conditions: ["@signet/source"], externalConditions: ["@signet/source"] } },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "bench/src/**/*.test.ts",
      "examples/*/src/**/*.test.ts",
      "docs/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: jsonOut ? ["default", ["json", { outputFile: jsonOut }]] : ["default"],
  },
});
