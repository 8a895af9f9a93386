// A model turn's images become files named by turn and index, with the extension of their mime
// type (PNG or JPEG from the image models), holding exactly the decoded bytes; thought images and
// parts that are not images are skipped.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveImages } from "./save-images.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "signet-save-images-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("saveImages", () => {
  it("writes PNG and JPEG parts with their extensions and bytes, skipping thoughts and other parts", async () => {
    const paths = await saveImages(
      {
        role: "model",
        parts: [
          { text: "Here it is.", thoughtSignature: "c2ln" },
          { inlineData: { mimeType: "image/png", data: PNG.toString("base64") }, thought: true },
          { inlineData: { mimeType: "image/jpeg", data: JPEG.toString("base64") }, thoughtSignature: "c2ln" },
          { inlineData: { mimeType: "application/pdf", data: "JVBERi0=" } },
          { inlineData: { mimeType: "image/png", data: PNG.toString("base64") } },
        ],
      },
      dir,
      "image-1",
    );
    expect(paths).toEqual([join(dir, "image-1-1.jpg"), join(dir, "image-1-2.png")]);
    expect(await readFile(paths[0]!)).toEqual(JPEG);
    expect(await readFile(paths[1]!)).toEqual(PNG);
  });

  it("a turn without images writes nothing", async () => {
    expect(await saveImages({ role: "model", parts: [{ text: "No image." }] }, dir, "image-1")).toEqual([]);
    expect(await saveImages(undefined, dir, "image-1")).toEqual([]);
  });
});
