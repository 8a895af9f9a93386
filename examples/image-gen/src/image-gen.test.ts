// image-gen as a user runs it: the request asks for images with the chosen config, the files
// written are real PNGs, and the edit turn sends the first image back with its signature intact.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, inflateSync } from "node:zlib";
import { cleanEnv, runCli } from "@signet/example-support/cli-testing";
import type { GenerateContentRequest, GenerateContentResponse } from "@signet/provider";
import { createEmulator } from "@signet/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const MAIN = "examples/image-gen/src/main.ts";
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "signet-image-test-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Decodes enough of a PNG to know it is one: signature, IHDR (with its CRC), and inflatable pixels. */
function decodePng(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.readUInt32BE(8)).toBe(13);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const bitDepth = bytes[24]!;
  const colorType = bytes[25]!;
  expect(crc32(bytes.subarray(12, 29))).toBe(bytes.readUInt32BE(29));
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString("latin1");
    if (type === "IDAT") idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType as 0 | 2 | 3 | 4 | 6];
  const rowBytes = 1 + Math.ceil((width * channels * bitDepth) / 8);
  expect(inflateSync(Buffer.concat(idat)).length).toBe(rowBytes * height);
  return { width, height };
}

describe("image-gen", () => {
  it.for([
    ["google", "gemini-3-pro-image-preview"],
    ["kkiai", "gemini-3-pro-image-preview"],
    ["google", "gemini-2.5-flash-image"],
    ["kkiai", "gemini-2.5-flash-image"],
  ] as const)(
    "%s, %s: imageConfig sent, PNGs written, the edit sends the image turn back as received",
    async ([gateway, model]) => {
      const pro = model === "gemini-3-pro-image-preview";
      await using emulator = await createEmulator();
      const run = await runCli(
        MAIN,
        [
          "A red bicycle",
          "--edit",
          "Make it blue",
          "--aspect-ratio",
          "16:9",
          ...(pro ? ["--size", "2K"] : []),
          "--out-dir",
          dir,
        ],
        cleanEnv({
          SIGNET_GATEWAY: gateway,
          SIGNET_API_KEY: "sk-image-test",
          SIGNET_BASE_URL: emulator.baseUrlFor(gateway),
          SIGNET_MODEL: model,
        }),
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim().split("\n")).toEqual([join(dir, "image-1-1.png"), join(dir, "image-2-1.png")]);
      for (const file of ["image-1-1.png", "image-2-1.png"]) {
        expect(decodePng(await readFile(join(dir, file)))).toEqual({ width: 1, height: 1 });
      }

      const [first, second] = emulator.requests.map((r) => r.body as GenerateContentRequest);
      expect(first!.generationConfig).toEqual({
        responseModalities: ["TEXT", "IMAGE"],
        imageConfig: pro ? { aspectRatio: "16:9", imageSize: "2K" } : { aspectRatio: "16:9" },
      });
      // The model turn as received (image part and its signature) is what the edit request carries.
      const received = (emulator.requests[0]!.responses as GenerateContentResponse[]).flatMap(
        (r) => r.candidates?.[0]?.content?.parts ?? [],
      );
      const image = received.find((p) => "inlineData" in p);
      // Gemini 3 image models sign the image part; whatever came is what must go back.
      if (model.startsWith("gemini-3")) expect(image?.thoughtSignature).toEqual(expect.any(String));
      expect(second!.contents).toEqual([
        { role: "user", parts: [{ text: "A red bicycle" }] },
        { role: "model", parts: received },
        { role: "user", parts: [{ text: "Make it blue" }] },
      ]);
      // The same signature string, on the same image part, in the bytes that went out.
      const sentImage = second!.contents[1]!.parts.find((p) => "inlineData" in p);
      expect(sentImage?.thoughtSignature).toBe(image?.thoughtSignature);
      if (image?.thoughtSignature) {
        expect(emulator.requests[1]!.rawBody).toContain(`"thoughtSignature":"${image.thoughtSignature}"`);
      }
      // The edit asks for images with the same config.
      expect(second!.generationConfig).toEqual(first!.generationConfig);
      const signed = image?.thoughtSignature === undefined ? 0 : 1;
      expect(run.stderr).toContain(`turn 1: 1 image(s), ${signed} with a thought signature`);
    },
  );

  it("a turn without an image is one line saying what to do, exit 1, no file", async () => {
    await using emulator = await createEmulator({ whenScriptEmpty: "error" });
    emulator.script({ text: "I cannot draw that." });
    const env = cleanEnv({ SIGNET_API_KEY: "sk-image-test", SIGNET_BASE_URL: emulator.url });
    const run = await runCli(MAIN, ["Something", "--out-dir", dir], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").filter((l) => l.startsWith("image-gen: "))).toEqual([
      "image-gen: The model returned no image (finish reason STOP). Rephrase the prompt, or check that " +
        "--model / SIGNET_MODEL is an image model (gemini-2.5-flash-image, gemini-3-pro-image-preview).",
    ]);
    expect(run.stderr.trimEnd().split("\n").at(-1)).toMatch(/^image-gen: /);
    expect(await readdir(dir)).toEqual([]);
  });

  it("runs offline by default and a bad option is one line with exit 2", async () => {
    const run = await runCli(MAIN, ["--out-dir", dir], cleanEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^offline: no API key found/m);
    decodePng(await readFile(join(dir, "image-1-1.png")));
    const bad = await runCli(MAIN, ["--size", "8K"], cleanEnv());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('image-gen: --size must be 1K, 2K or 4K (got "8K").\n');
  });
});
