// Every TypeScript/JavaScript sample in README.md and docs/*.md is a file in docs/samples (which
// the docs package typechecks, and samples.test.ts runs where it is a program), copied verbatim.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CodeBlock, checkBlock, codeBlocks } from "./code-blocks.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Blocks not yet samples, by page and first line; the list can only shrink. The one left is written by
 * packages/tools' conversion-table generator (from a string, and it does not compile: a recursive
 * z.lazy needs its type spelled out); docs/samples/tools-conversion-scope.ts is its compilable form,
 * waiting for the generator to print it with its marker.
 */
const UNCONVERTED = [{ page: "docs/tools-and-schemas.md", firstLine: "enum Level { Low = 1, High = 2 }" }];

const isUnconverted = (block: CodeBlock) =>
  UNCONVERTED.some((u) => u.page === block.page && block.code.split("\n")[0] === u.firstLine);

async function pages(): Promise<string[]> {
  const docs = (await readdir(join(ROOT, "docs"))).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
  return ["README.md", ...docs.sort()];
}

async function blocksOf(page: string): Promise<CodeBlock[]> {
  return codeBlocks(page, await readFile(join(ROOT, page), "utf8"));
}

describe("the docs' code samples", () => {
  it("every sample in README.md and docs/*.md is a typechecked file in docs/samples", async () => {
    const blocks = (await Promise.all((await pages()).map(blocksOf))).flat();
    const problems = await Promise.all(
      blocks.filter((b) => !isUnconverted(b)).map((b) => checkBlock(b, ROOT)),
    );
    expect(problems.flat()).toEqual([]);
  });

  it("UNCONVERTED lists only blocks that still exist and still fail the check", async () => {
    for (const { page, firstLine } of UNCONVERTED) {
      const block = (await blocksOf(page)).find((b) => isUnconverted(b));
      expect(block, `${page} has no block starting "${firstLine}": remove it from UNCONVERTED`).toBeDefined();
      expect(
        await checkBlock(block!, ROOT),
        `${page}:${block!.line} passes the check now: remove it from UNCONVERTED`,
      ).not.toEqual([]);
    }
  });
});

describe("codeBlocks and checkBlock", () => {
  const page = (text: string) => codeBlocks("x.md", text);
  const check = (block: CodeBlock) => checkBlock(block, ROOT);

  it("finds fenced blocks with their language, line and the sample marker above them", () => {
    const blocks = page(
      [
        "# Title",
        "<!-- sample: docs/samples/first-agent.ts -->",
        "",
        "```ts",
        "const a = 1;",
        "```",
        "```bash",
        "pnpm weather",
        "```",
      ].join("\n"),
    );
    expect(blocks).toEqual([
      { page: "x.md", line: 4, lang: "ts", code: "const a = 1;", sample: "docs/samples/first-agent.ts" },
      { page: "x.md", line: 7, lang: "bash", code: "pnpm weather", sample: undefined },
    ]);
  });

  it("accepts a block that is its sample file, and ignores non-code blocks", async () => {
    const file = await readFile(join(ROOT, "docs/samples/first-agent.ts"), "utf8");
    const [ok] = page(`<!-- sample: docs/samples/first-agent.ts -->\n\`\`\`ts\n${file}\`\`\`\n`);
    expect(await check(ok!)).toEqual([]);
    const [shell] = page("```sh\nanything at all\n```");
    expect(await check(shell!)).toEqual([]);
  });

  it("refuses a block with no marker, a missing file, or code that differs from the file", async () => {
    const [bare] = page("```typescript\nconst x: number = 1;\n```");
    expect(await check(bare!)).toEqual([
      expect.stringMatching(/^x\.md:1: a typescript block needs a "<!-- sample:/),
    ]);
    const [missing] = page("<!-- sample: docs/samples/nope.ts -->\n```ts\n1\n```");
    expect(await check(missing!)).toEqual([
      "x.md:2: docs/samples/nope.ts does not exist; create it with the block's code.",
    ]);
    const [drifted] = page("<!-- sample: docs/samples/first-agent.ts -->\n```ts\nconsole.log(1);\n```");
    expect(await check(drifted!)).toEqual([
      expect.stringContaining("differs from docs/samples/first-agent.ts"),
    ]);
  });
});
