// Renders the conversion table of docs/tools-and-schemas.md from the golden cases, so the page
// shows exactly what the tests assert.
import { readFileSync } from "node:fs";
import { formatConversionReport } from "../conversion-report.js";
import { formatSchemaPath } from "../schema-path.js";
import { CONVERSION_CASES, type ConversionCase, FAMILY_TITLES, type Family } from "./conversion-cases.js";

export const TABLE_START =
  "<!-- conversion-table:start (generated from packages/tools/src/test-support/conversion-cases.ts by conversion-table.test.ts; do not edit by hand) -->";
export const TABLE_END = "<!-- conversion-table:end -->";

/** The declarations the cases use: a docs sample, so the block above the table is typechecked. */
export const SCOPE_SAMPLE = "docs/samples/tools-conversion-scope.ts";

function scopeSource(): string {
  return readFileSync(new URL(`../../../../${SCOPE_SAMPLE}`, import.meta.url), "utf8").trimEnd();
}

export function renderConversionTable(): string {
  const out: string[] = [
    TABLE_START,
    "",
    "The cases use these declarations:",
    "",
    `<!-- sample: ${SCOPE_SAMPLE} -->`,
    "```ts",
    scopeSource(),
    "```",
  ];
  const families = [...new Set(CONVERSION_CASES.map((entry) => entry.family))] as Family[];
  for (const family of families) {
    out.push(
      "",
      `### ${FAMILY_TITLES[family]}`,
      "",
      "| Zod 4 | Zod 3 | Gemini output | Report | Notes |",
      "|---|---|---|---|---|",
    );
    for (const entry of CONVERSION_CASES.filter((e) => e.family === family)) out.push(row(entry));
  }
  out.push("", TABLE_END);
  return out.join("\n");
}

function row(entry: ConversionCase): string {
  const zod4 = code(entry.zod4) + (entry.as === "parameters" ? " as tool parameters" : "");
  const zod3 = entry.zod3 === undefined ? "—" : entry.zod3 === "same" ? "same" : code(entry.zod3);
  let output: string;
  let report = "";
  if ("error" in entry) {
    output = `error \`${entry.error.code}\` at \`${formatSchemaPath(entry.error.path)}\``;
  } else {
    output = entry.output === undefined ? "no `parameters`" : code(JSON.stringify(entry.output));
    report = (entry.report ?? []).map((note) => formatConversionReport([note])).join("<br>");
  }
  if (entry.options) output += ` (with \`${JSON.stringify(entry.options)}\`)`;
  const decodes = (entry.decodes ?? []).map(
    ({ wire, value }) => `${code(show(wire))} → ${code(show(value))}`,
  );
  const notes = [entry.notes ?? "", decodes.length > 0 ? `Parsed: ${decodes.join(", ")}.` : ""]
    .filter((s) => s !== "")
    .join(" ");
  return `| ${[zod4, zod3, output, report, notes].map(cell).join(" | ")} |`;
}

function show(value: unknown): string {
  if (value === undefined) return "no args";
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Date ? `Date(${v.toISOString()})` : v));
}

function code(text: string): string {
  return `\`${text}\``;
}

/** Pipes split GFM table cells, even inside code spans. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
