import { describe, expect, it } from "vitest";
import { PART_DATA_KEYS, SCHEMA_FIELDS, TOOL_KINDS } from "./index.js";

describe("wire constants", () => {
  it("list each part data field, schema field and tool kind once", () => {
    for (const list of [PART_DATA_KEYS, SCHEMA_FIELDS, TOOL_KINDS]) {
      expect(new Set(list).size).toBe(list.length);
    }
    expect(PART_DATA_KEYS).toContain("functionCall");
    expect(SCHEMA_FIELDS).not.toContain("additionalProperties");
    expect(TOOL_KINDS).toContain("googleSearch");
  });
});
