// Writes the images of a model turn to disk, named by turn and index, with the extension its
// mime type says. Returns the paths written.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Content } from "@signet/provider";

const EXTENSIONS: Readonly<Record<string, string>> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};

export async function saveImages(
  content: Content | undefined,
  dir: string,
  prefix: string,
): Promise<string[]> {
  const paths: string[] = [];
  let n = 0;
  for (const part of content?.parts ?? []) {
    if (part.inlineData === undefined || part.thought) continue;
    const { mimeType, data } = part.inlineData;
    const ext = EXTENSIONS[mimeType];
    if (!ext) continue; // not an image we know how to name
    const path = join(dir, `${prefix}-${++n}.${ext}`);
    await writeFile(path, Buffer.from(data, "base64"));
    paths.push(path);
  }
  return paths;
}
