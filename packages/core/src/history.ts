// The conversation as the wire carries it (invariant 1). Model turns are appended exactly as
// received, by reference; nothing here copies the whole history.
import type { Content, FunctionCall, Part } from "@signet/provider";
import { isFunctionCallPart, isTextPart } from "./part-kind.js";

export class History {
  /** The live `Content[]`: sent as is on every request. Treat it as read-only. */
  readonly contents: Content[];

  /** Takes ownership of `contents` (pass a fresh array). */
  constructor(contents: Content[] = []) {
    this.contents = contents;
  }

  get length(): number {
    return this.contents.length;
  }

  /** Appends the model's parts as received: same part objects, same order, nothing merged or dropped. */
  appendModel(parts: Part[]): Content {
    const content: Content = { role: "model", parts };
    this.contents.push(content);
    return content;
  }

  appendUser(parts: Part[]): Content {
    const content: Content = { role: "user", parts };
    this.contents.push(content);
    return content;
  }

  /** The function calls of the last content when it is a model turn still waiting for its responses. */
  trailingCalls(): FunctionCall[] {
    const last = this.contents[this.contents.length - 1];
    if (last?.role !== "model") return [];
    return functionCallsOf(last.parts);
  }
}

export function functionCallsOf(parts: readonly Part[]): FunctionCall[] {
  const calls: FunctionCall[] = [];
  for (const part of parts) if (isFunctionCallPart(part)) calls.push(part.functionCall);
  return calls;
}

/** A view: the non-thought text of some parts, joined. Never put it back in history. */
export function textOf(parts: readonly Part[]): string {
  let text = "";
  for (const part of parts) if (isTextPart(part) && !part.thought) text += part.text;
  return text;
}

/** A view: the thought-summary text of some parts, joined. */
export function thoughtsOf(parts: readonly Part[]): string {
  let text = "";
  for (const part of parts) if (isTextPart(part) && part.thought) text += part.text;
  return text;
}
