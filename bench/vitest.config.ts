import { defineConfig } from "vitest/config";

// Until the root config includes `bench/src/**/*.test.ts`: the same settings, scoped to this package.
export default defineConfig({
  resolve: { conditions: ["@signet/source"] },
  ssr: { resolve: { conditions: ["@signet/source"], externalConditions: ["@signet/source"] } },
  test: {
    root: import.meta.dirname,
    include: ["src/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
