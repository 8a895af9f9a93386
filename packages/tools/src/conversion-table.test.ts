// docs/tools-and-schemas.md carries the conversion table rendered from the golden cases. This
// fails when the page and the cases differ; `SIGNET_WRITE_DOCS=1` rewrites the table in place.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderConversionTable, TABLE_END, TABLE_START } from "./test-support/conversion-table.js";

const DOCS = new URL("../../../docs/tools-and-schemas.md", import.meta.url);

describe("docs/tools-and-schemas.md", () => {
  it("shows the conversion table exactly as the golden cases assert it", () => {
    const page = readFileSync(DOCS, "utf8");
    const start = page.indexOf(TABLE_START);
    const end = page.indexOf(TABLE_END);
    expect(start, "the page must contain the table markers").toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = page.slice(start, end + TABLE_END.length);
    const expected = renderConversionTable();
    if (current !== expected && process.env.SIGNET_WRITE_DOCS === "1") {
      writeFileSync(DOCS, page.slice(0, start) + expected + page.slice(end + TABLE_END.length));
      return;
    }
    expect(current).toBe(expected);
  });
});
