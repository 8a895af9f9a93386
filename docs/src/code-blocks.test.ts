// Every TypeScript/JavaScript sample in README.md and docs/*.md is a file in docs/samples (which
// the docs package typechecks, and samples.test.ts runs where it is a program), copied verbatim.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CodeBlock, checkBlock, codeBlocks } from "./code-blocks.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

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
    const problems = await Promise.all(blocks.map((b) => checkBlock(b, ROOT)));
    expect(problems.flat()).toEqual([]);
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
