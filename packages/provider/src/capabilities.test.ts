import { describe, expect, it } from "vitest";
import { capabilitiesFor } from "./capabilities.js";
import { resolveGateway } from "./gateways.js";

describe("capability table", () => {
  it("google + Gemini 3 combines search with functions; everything else is exclusive", () => {
    expect(capabilitiesFor("google", "gemini-3-flash-preview")).toEqual({
      gateway: "google",
      model: "gemini-3-flash-preview",
      searchWithFunctions: "combined",
      requiresThoughtSignatures: true,
    });
    expect(capabilitiesFor("google", "models/gemini-3.1-pro").searchWithFunctions).toBe("combined");
    expect(capabilitiesFor("google", "gemini-2.5-pro")).toMatchObject({
      searchWithFunctions: "exclusive",
      requiresThoughtSignatures: false,
    });
    for (const gw of ["kie", "kkiai", "aivideoapi", "custom"] as const) {
      expect(capabilitiesFor(gw, "gemini-3-flash")).toMatchObject({
        searchWithFunctions: "exclusive",
        requiresThoughtSignatures: true,
      });
    }
    const googleProxy = resolveGateway("custom", {
      custom: { baseUrl: "http://127.0.0.1:1", allowsCombinedSearchAndFunctions: true },
    });
    expect(capabilitiesFor(googleProxy, "gemini-3-pro-preview").searchWithFunctions).toBe("combined");
  });
});
