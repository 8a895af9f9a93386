// What `run` accepts as a user message: text, or parts with inline bytes/base64 or file URIs.
// snake_case parts (`inline_data`, `mime_type`) are accepted and sent camelCase.
import { type Content, normalizeRequest, type Part, type RequestInput } from "@signet/provider";
import { InvalidInputError } from "./errors.js";
import { partKind } from "./part-kind.js";

/** A part of a user message. Besides wire parts, bytes and base64 may be given with their mime type. */
export type InputPart =
  | Part
  | { bytes: Uint8Array | ArrayBuffer; mimeType: string }
  | { base64: string; mimeType: string }
  | { fileUri: string; mimeType?: string }
  | Record<string, unknown>;

export type UserMessage = string | readonly InputPart[];

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** The user content for a message; throws `InvalidInputError` naming the part at fault. */
export function toUserContent(message: UserMessage): Content {
  if (typeof message === "string") return { role: "user", parts: [{ text: message }] };
  if (!Array.isArray(message) || message.length === 0) {
    throw new InvalidInputError("The input must be a string or a non-empty array of parts.");
  }
  const parts: Part[] = message.map((part, i) => convertPart(part, i));
  const [content] = normalizeRequest({ contents: [{ role: "user", parts }] } as RequestInput).contents;
  for (let i = 0; i < content!.parts.length; i++) {
    if (partKind(content!.parts[i]!) === undefined) {
      throw new InvalidInputError(
        `input[${i}] must hold exactly one of text, inlineData, fileData (or bytes/base64 with a mimeType, or a fileUri).`,
      );
    }
  }
  return content!;
}

function convertPart(part: InputPart, i: number): Part {
  if (typeof part !== "object" || part === null) {
    throw new InvalidInputError(`input[${i}] must be an object such as { text } or { bytes, mimeType }.`);
  }
  const record = part as Record<string, unknown>;
  if ("bytes" in record || "base64" in record) {
    const mimeType = record.mimeType;
    if (typeof mimeType !== "string" || !mimeType.includes("/")) {
      throw new InvalidInputError(`input[${i}] needs a mimeType such as "image/png" for its data.`);
    }
    if ("bytes" in record) {
      const bytes = record.bytes;
      if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
        throw new InvalidInputError(`input[${i}].bytes must be a Uint8Array, Buffer or ArrayBuffer.`);
      }
      const data = Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString(
        "base64",
      );
      return { inlineData: { mimeType, data } };
    }
    const data = record.base64;
    if (typeof data !== "string" || !BASE64.test(data)) {
      throw new InvalidInputError(`input[${i}].base64 must be a base64 string (without a data: URL prefix).`);
    }
    return { inlineData: { mimeType, data } };
  }
  if (typeof record.fileUri === "string") {
    const fileData =
      typeof record.mimeType === "string"
        ? { fileUri: record.fileUri, mimeType: record.mimeType }
        : { fileUri: record.fileUri };
    return { fileData };
  }
  return part as Part;
}
