// Finds the code samples in Markdown pages and checks each against the file it claims to be.
// A TypeScript/JavaScript block must sit right under `<!-- sample: docs/samples/x.ts -->` and be
// that file, byte for byte (trailing whitespace aside); the file itself is typechecked with the
// docs package (and some are run by samples.test.ts). So no sample in the docs can rot.
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const CODE_LANGS = new Set(["ts", "typescript", "tsx", "mts", "js", "javascript", "mjs", "jsx"]);
const MARKER = /^<!--\s*sample:\s*(\S+)\s*-->$/;

export interface CodeBlock {
  page: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  /** The sample file named by the marker above the block, repository-relative. */
  sample: string | undefined;
}

export function codeBlocks(page: string, markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+|~~~+)\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence); i++) body.push(lines[i]!);
    let above = start - 1;
    while (above >= 0 && lines[above]!.trim() === "") above--;
    const marker = above >= 0 ? MARKER.exec(lines[above]!.trim()) : null;
    blocks.push({
      page,
      line: start + 1,
      lang: (open[3] ?? "").toLowerCase(),
      code: body.join("\n"),
      sample: marker?.[1],
    });
  }
  return blocks;
}

const normalize = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();

/** Problems with one code block, each a sentence saying what to do; empty when the block is fine. */
export async function checkBlock(block: CodeBlock, repoRoot: string): Promise<string[]> {
  if (!CODE_LANGS.has(block.lang)) return [];
  const where = `${block.page}:${block.line}`;
  if (!block.sample) {
    return [
      `${where}: a ${block.lang} block needs a "<!-- sample: docs/samples/NAME.ts -->" line above it, ` +
        "naming a file in docs/samples that holds exactly this code (that file is typechecked in CI).",
    ];
  }
  if (!block.sample.startsWith("docs/samples/")) {
    return [`${where}: samples live in docs/samples/ (got ${block.sample}).`];
  }
  let file: string;
  try {
    file = await readFile(join(repoRoot, block.sample), "utf8");
  } catch {
    return [`${where}: ${block.sample} does not exist; create it with the block's code.`];
  }
  if (normalize(file) !== normalize(block.code)) {
    return [
      `${where}: the block differs from ${block.sample}; copy the file into the block (or fix the file).`,
    ];
  }
  return [];
}
