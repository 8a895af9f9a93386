#!/usr/bin/env -S node --import tsx --conditions=@signet/source
// `pnpm image-gen ["<prompt>"] [--edit "<instruction>"] [--aspect-ratio 16:9] [--size 1K|2K|4K]
//                 [--model id] [--out-dir dir]`
// Turn 1 asks an image model for a picture (responseModalities TEXT+IMAGE, imageConfig); turn 2 asks
// for an edit with the first turn in the history exactly as received, so the signatures on its image
// parts go back to the model. Saved file paths go to stdout, everything else to stderr.
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Agent, type RunResult } from "@signet/core";
import { connect, runMain, UsageError } from "@signet/example-support";
import { saveImages } from "./save-images.js";

const say = (line: string) => process.stderr.write(`${line}\n`);

function options(argv: string[]) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  // Sent only when asked for: imageSize is a Gemini 3 Pro Image setting; other models pick their own.
  const size = values.size;
  if (size !== undefined && !["1K", "2K", "4K"].includes(size))
    throw new UsageError(`--size must be 1K, 2K or 4K (got "${size}").`);
  const aspectRatio = values["aspect-ratio"] ?? "1:1";
  if (!/^\d{1,2}:\d{1,2}$/.test(aspectRatio)) {
    throw new UsageError(`--aspect-ratio must look like 16:9 (got "${aspectRatio}").`);
  }
  return {
    prompt:
      positionals.join(" ").trim() || "A watercolor lighthouse on a cliff at dawn, seagulls, soft light.",
    edit: values.edit ?? "Now make it night-time with the lighthouse lamp lit; keep the composition.",
    aspectRatio,
    size,
    model: values.model,
    outDir: resolve(values["out-dir"] ?? join(tmpdir(), "signet-image-gen")),
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      edit: { type: "string" },
      "aspect-ratio": { type: "string" },
      size: { type: "string" },
      model: { type: "string" },
      "out-dir": { type: "string" },
    },
  });
}

function describe(result: RunResult): string {
  const last = result.contents.at(-1);
  const images = last?.parts.filter((p) => "inlineData" in p).length ?? 0;
  const signed = last?.parts.filter((p) => "inlineData" in p && p.thoughtSignature).length ?? 0;
  return `${images} image(s), ${signed} with a thought signature${result.text ? `; text: ${result.text.trim()}` : ""}`;
}

async function main(): Promise<number> {
  const opts = options(process.argv.slice(2));
  const connection = await connect(process.env, {
    model: opts.model,
    defaultModel: "gemini-3-pro-image-preview",
  });
  try {
    if (connection.mode === "offline") {
      say("offline: no API key found (set SIGNET_API_KEY); the embedded emulator answers with a tiny PNG.");
    }
    say(
      `mode: ${connection.mode} · ${connection.gateway} · ${connection.model} · ${opts.aspectRatio} · ` +
        `${opts.size ?? "the model's default size"}`,
    );
    await mkdir(opts.outDir, { recursive: true });
    const agent = new Agent({
      provider: connection.provider,
      model: connection.model,
      generationConfig: {
        responseModalities: ["TEXT", "IMAGE"],
        imageConfig: opts.size
          ? { aspectRatio: opts.aspectRatio, imageSize: opts.size }
          : { aspectRatio: opts.aspectRatio },
      },
    });

    const first = await agent.run(opts.prompt);
    say(`turn 1: ${describe(first)}`);
    const firstPaths = await saveImages(first.contents.at(-1), opts.outDir, "image-1");
    if (firstPaths.length === 0) {
      throw new Error(
        `The model returned no image (finish reason ${first.finishReason ?? "none"}). Rephrase the prompt, or ` +
          "check that --model / SIGNET_MODEL is an image model (gemini-2.5-flash-image, gemini-3-pro-image-preview).",
      );
    }
    for (const path of firstPaths) process.stdout.write(`${path}\n`);

    // The first exchange goes back as it came, image parts and their signatures included.
    const second = await agent.run(opts.edit, { previous: first });
    say(`turn 2 (edit): ${describe(second)}`);
    for (const path of await saveImages(second.contents.at(-1), opts.outDir, "image-2")) {
      process.stdout.write(`${path}\n`);
    }
    return 0;
  } finally {
    await connection.close();
  }
}

runMain("image-gen", main);
