// The declarations shown above the conversion table of docs/tools-and-schemas.md are
// docs/samples/tools-conversion-scope.ts (typechecked with the docs). Here they are run: each row of
// the table that uses them is converted with the real converter and must give the row's output.
import { readFile } from "node:fs/promises";
import { formatSchemaPath, SchemaConversionError, toGeminiSchema } from "@signet/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Category, Color, Level, Node, Place } from "../samples/tools-conversion-scope.js";

const PAGE = await readFile(new URL("../tools-and-schemas.md", import.meta.url), "utf8");

/** The "Gemini output" cell of the table row whose Zod 4 cell is `code`. */
function outputCell(code: string): string {
  const row = PAGE.split("\n").find((line) => line.startsWith(`| \`${code}\` |`));
  if (!row) throw new Error(`No row for ${code} in docs/tools-and-schemas.md`);
  // Cells are split on unescaped pipes (a pipe inside a cell is written \|).
  const cells = row.split(/(?<!\\)\|/).map((c) => c.trim());
  return cells[3]!;
}

/** The schema a row shows, and the conversion options it names ("(with `{...}`)"). */
function rowOutput(code: string): { schema: unknown; options: object } {
  const cell = outputCell(code);
  const json = /^`(\{[^`]*\})`/.exec(cell);
  if (!json) throw new Error(`The row for ${code} shows no schema: ${cell}`);
  const options = /\(with `(\{[^`]*\})`\)/.exec(cell);
  return { schema: JSON.parse(json[1]!), options: options ? JSON.parse(options[1]!) : {} };
}

describe("the conversion table's declarations (docs/samples/tools-conversion-scope.ts)", () => {
  it.each([
    ["z.enum(Color)", () => z.enum(Color)],
    ["z.enum(Level)", () => z.enum(Level)],
    [
      "z.object({ level: z.enum(Level).default(Level.High) })",
      () => z.object({ level: z.enum(Level).default(Level.High) }),
    ],
    [
      "z.object({ from: Place, to: Place.describe('Destination') })",
      () => z.object({ from: Place, to: Place.describe("Destination") }),
    ],
    ["z.object({ root: Category })", () => z.object({ root: Category })],
  ] as const)("%s converts to the row's output", (code, schema) => {
    const row = rowOutput(code);
    expect(toGeminiSchema(schema(), row.options)).toEqual(row.schema);
  });

  it("z.object({ tree: Node }) fails as the row says", () => {
    const error = (() => {
      try {
        toGeminiSchema(z.object({ tree: Node }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SchemaConversionError);
    const { code, path } = error as SchemaConversionError;
    expect(outputCell("z.object({ tree: Node })")).toBe(`error \`${code}\` at \`${formatSchemaPath(path)}\``);
  });
});
