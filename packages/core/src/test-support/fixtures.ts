// Test helpers for the recorded fixtures in `src/__fixtures__/recorded/` (see LICENSE-FIXTURES.md).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Content, GenerateContentRequest, GenerateContentResponse, Part } from "@signet/provider";

const DIR = fileURLToPath(new URL("../__fixtures__/recorded/", import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(DIR + name, "utf8");
}

export function fixtureJson<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

const PART_KEYS: Record<string, string> = {
  function_call: "functionCall",
  function_response: "functionResponse",
  inline_data: "inlineData",
  file_data: "fileData",
  thought_signature: "thoughtSignature",
  executable_code: "executableCode",
  code_execution_result: "codeExecutionResult",
  tool_call: "toolCall",
  tool_response: "toolResponse",
};

/** Real clients send some part keys in snake_case; the API accepts both. Normalise the part level only. */
export function camelParts(contents: Content[]): Content[] {
  return contents.map((content) => ({
    ...content,
    parts: content.parts.map((part) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(part)) {
        const name = PART_KEYS[key] ?? key;
        out[name] =
          name === "inlineData" && value && typeof value === "object" && "mime_type" in value
            ? { mimeType: (value as { mime_type: string }).mime_type, data: (value as { data: string }).data }
            : value;
      }
      return out as unknown as Part;
    }),
  }));
}

export function recordedRequest(name: string): GenerateContentRequest {
  const request = fixtureJson<GenerateContentRequest>(name);
  return { ...request, contents: camelParts(request.contents) };
}

/** Stream bodies stored as raw SSE, as a JSON array, or as one payload per line; returned as chunks. */
export function recordedChunks(name: string): GenerateContentResponse[] {
  const text = fixtureText(name);
  if (name.endsWith(".sse")) {
    return text
      .split(/\r?\n\r?\n/)
      .map((block) => block.trim())
      .filter((block) => block.startsWith("data:"))
      .map((block) => JSON.parse(block.slice(5)) as GenerateContentResponse);
  }
  if (name.endsWith(".chunks.txt")) {
    return text
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as GenerateContentResponse);
  }
  const value = JSON.parse(text) as GenerateContentResponse | GenerateContentResponse[];
  return Array.isArray(value) ? value : [value];
}

/** Signatures compared as decoded bytes: python clients re-encode them as URL-safe base64. */
export function signatureBytes(signature: string): string {
  return Buffer.from(signature.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("hex");
}
