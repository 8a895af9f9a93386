import type { ModelCapabilities } from "@signet/provider";
import { describe, expect, it } from "vitest";
import { SearchStrategyError } from "./errors.js";
import { planSearch } from "./search-strategy.js";

const google3: ModelCapabilities = {
  gateway: "google",
  model: "gemini-3-flash-preview",
  searchWithFunctions: "combined",
  requiresThoughtSignatures: true,
};
const kie: ModelCapabilities = {
  gateway: "kie",
  model: "gemini-3-flash-preview",
  searchWithFunctions: "exclusive",
  requiresThoughtSignatures: true,
};

describe("planSearch", () => {
  it("is off unless asked", () => {
    expect(planSearch(undefined, google3, true)).toMatchObject({ used: "none", builtinTools: [] });
    expect(planSearch(false, kie, true).used).toBe("none");
  });

  it("needs nothing special without function tools", () => {
    expect(planSearch(true, kie, false)).toMatchObject({
      used: "search_only",
      builtinTools: [{ googleSearch: {} }],
      includeServerSideToolInvocations: false,
    });
  });

  it("auto combines where the gateway allows it, else uses a subcall", () => {
    expect(planSearch("auto", google3, true)).toMatchObject({
      used: "combined",
      builtinTools: [{ googleSearch: {} }],
      includeServerSideToolInvocations: true,
    });
    expect(planSearch(true, kie, true)).toMatchObject({ used: "subcall", builtinTools: [], subcall: true });
  });

  it("combined and error refuse where the gateway does, never dropping a tool", () => {
    expect(() => planSearch("combined", kie, true)).toThrow(SearchStrategyError);
    expect(() => planSearch({ strategy: "error" }, kie, true)).toThrow(/kie does not allow googleSearch/);
    expect(planSearch("error", google3, true).used).toBe("combined");
  });

  it("subcall is honoured even where combining is possible, and passes search options", () => {
    const plan = planSearch(
      { strategy: "subcall", googleSearch: { excludeDomains: ["x.com"] } },
      google3,
      true,
    );
    expect(plan).toMatchObject({
      used: "subcall",
      builtinTools: [],
      googleSearch: { excludeDomains: ["x.com"] },
    });
  });
});
