// Every relative link in README.md and docs/*.md points at a file or directory that exists, and
// every guarantee the README lists links to at least one test file that proves it.
import { access, readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LINK = /\]\(([^)\s]+)\)/g;

async function pages(): Promise<string[]> {
  const docs = (await readdir(join(ROOT, "docs"))).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
  return ["README.md", ...docs.sort()];
}

const relative = (target: string) => !/^[a-z]+:/i.test(target) && !target.startsWith("#");

describe("links", () => {
  it("every relative link in README.md and docs/*.md exists", async () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of await pages()) {
      const text = await readFile(join(ROOT, page), "utf8");
      for (const [, target] of text.matchAll(LINK)) {
        if (!target || !relative(target)) continue;
        checked++;
        const path = join(ROOT, dirname(page), target.split("#")[0]!);
        await access(path).catch(() => broken.push(`${page} -> ${target}`));
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it("each guarantee in the README links to a test", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const section = readme.split(/^## /m).find((s) => s.startsWith("What it guarantees"))!;
    const bullets = section.split(/^- /m).slice(1);
    expect(bullets.length).toBeGreaterThanOrEqual(9);
    const untested = bullets.filter((b) => ![...b.matchAll(LINK)].some(([, t]) => t?.endsWith(".test.ts")));
    expect(untested).toEqual([]);
  });
});
