import { describe, expect, it } from "vitest";
import { capabilitiesFor } from "./capabilities.js";
import { ToolConflictError } from "./errors.js";
import { assertToolsAllowed, combinedTools, exclusiveTools } from "./tool-exclusivity.js";
import type { GenerateContentRequest, Tool } from "./wire-types.js";

const fn: Tool = { functionDeclarations: [{ name: "get_weather" }] };
const search: Tool = { googleSearch: {} };
const req = (tools: Tool[], extra: Partial<GenerateContentRequest> = {}): GenerateContentRequest => ({
  contents: [{ role: "user", parts: [{ text: "q" }] }],
  tools,
  ...extra,
});

function conflict(run: () => void): ToolConflictError {
  try {
    run();
  } catch (e) {
    if (e instanceof ToolConflictError) return e;
    throw e;
  }
  throw new Error("expected a ToolConflictError");
}

describe("tool exclusivity", () => {
  it("refuses search + functions on every gateway, naming both ways out", () => {
    for (const gw of ["kie", "kkiai", "aivideoapi"] as const) {
      const e = conflict(() => assertToolsAllowed(req([fn, search]), capabilitiesFor(gw, "gemini-3-flash")));
      expect([e.code, e.gateway, e.searchTools]).toEqual(["tool_conflict", gw, ["googleSearch"]]);
      expect(e.message).toMatch(/subcall mode/);
      expect(e.message).toMatch(/includeServerSideToolInvocations: true/);
    }
    const retrieval = conflict(() =>
      assertToolsAllowed(
        req([fn, { googleSearchRetrieval: {} }]),
        capabilitiesFor("google", "gemini-2.5-pro"),
      ),
    );
    expect(retrieval.searchTools).toEqual(["googleSearchRetrieval"]);
    expect(retrieval.message).toMatch(/googleSearchRetrieval together with functionDeclarations/);
    expect(retrieval.message).toMatch(/subcall mode/);
    expect(retrieval.message).toMatch(/includeServerSideToolInvocations: true \(the combined mode\)/);
    // Both search kinds at once are both named.
    const both = conflict(() =>
      assertToolsAllowed(
        req([{ googleSearchRetrieval: {} }, fn, search]),
        capabilitiesFor("kie", "gemini-3-flash"),
      ),
    );
    expect(both.searchTools.slice().sort()).toEqual(["googleSearch", "googleSearchRetrieval"]);
  });

  it("google + Gemini 3 combines only with includeServerSideToolInvocations", () => {
    const caps = capabilitiesFor("google", "gemini-3-flash-preview");
    expect(conflict(() => assertToolsAllowed(req([fn, search]), caps)).message).toMatch(/only when asked/);
    expect(() =>
      assertToolsAllowed(req(combinedTools([fn, search]).tools, combinedTools([])), caps),
    ).not.toThrow();
    expect(combinedTools([fn]).toolConfig).toEqual({
      includeServerSideToolInvocations: true,
      functionCallingConfig: { mode: "VALIDATED" },
    });
  });

  it("allows either kind alone, and empty declarations", () => {
    const caps = capabilitiesFor("kie", "gemini-3-flash");
    expect(() => assertToolsAllowed(req([fn, { codeExecution: {} }]), caps)).not.toThrow();
    expect(() => assertToolsAllowed(req([search, { urlContext: {} }]), caps)).not.toThrow();
    expect(() => assertToolsAllowed(req([{ functionDeclarations: [] }, search]), caps)).not.toThrow();
  });

  it("makes the mix a type error with exclusiveTools", () => {
    expect(exclusiveTools({ functionDeclarations: [{ name: "a" }] }, { codeExecution: {} })).toHaveLength(2);
    expect(exclusiveTools({ googleSearch: {} })).toEqual([{ googleSearch: {} }]);
    // @ts-expect-error googleSearch and functionDeclarations cannot share a request
    exclusiveTools({ functionDeclarations: [{ name: "a" }] }, { googleSearch: {} });
    // @ts-expect-error the same for googleSearchRetrieval
    exclusiveTools({ googleSearchRetrieval: {} }, { functionDeclarations: [{ name: "a" }] });
  });
});
