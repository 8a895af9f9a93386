// What a user can get wrong in a message: each mistake is an InvalidInputError naming the part.
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";
import { type InputPart, toUserContent } from "./input.js";

describe("toUserContent", () => {
  it("converts text, bytes, base64, file URIs and snake_case wire parts", () => {
    expect(
      toUserContent([
        { text: "look" },
        { bytes: new Uint8Array([1, 2, 3]).buffer, mimeType: "image/png" },
        { base64: "AAEC", mimeType: "image/jpeg" },
        { fileUri: "gs://b/f.pdf" },
        { inline_data: { mime_type: "image/webp", data: "BAUG" } },
      ]),
    ).toEqual({
      role: "user",
      parts: [
        { text: "look" },
        { inlineData: { mimeType: "image/png", data: "AQID" } },
        { inlineData: { mimeType: "image/jpeg", data: "AAEC" } },
        { fileData: { fileUri: "gs://b/f.pdf" } },
        { inlineData: { mimeType: "image/webp", data: "BAUG" } },
      ],
    });
  });

  it.each([
    [[], /a string or a non-empty array of parts/],
    [[null], /input\[0\] must be an object such as \{ text \}/],
    [[{ bytes: new Uint8Array(1) }], /input\[0\] needs a mimeType such as "image\/png"/],
    [[{ text: "a" }, { bytes: "AAEC", mimeType: "image/png" }], /input\[1\]\.bytes must be a Uint8Array/],
    [[{ base64: "data:image/png;base64,AAEC", mimeType: "image/png" }], /without a data: URL prefix/],
    [
      [{ text: "a", fileData: { fileUri: "x" } }],
      /input\[0\] must hold exactly one of text, inlineData, fileData/,
    ],
    [[{}], /input\[0\] must hold exactly one of/],
  ] as [InputPart[], RegExp][])("refuses %j", (message, error) => {
    expect(() => toUserContent(message)).toThrow(InvalidInputError);
    expect(() => toUserContent(message)).toThrow(error);
  });
});
