// A minimal SSE reader for the hand-written streaming floor: split events on blank lines, JSON.parse
// each `data:` payload once. Enough for the emulator's well-formed streams; not a general parser.
import type { GenerateContentResponse } from "@signet/provider";

const EVENT_END = /\r?\n\r?\n/;

export async function* readSseResponses(response: Response): AsyncGenerator<GenerateContentResponse> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const bytes of response.body) {
    buffer += decoder.decode(bytes, { stream: true });
    let match = EVENT_END.exec(buffer);
    while (match) {
      const event = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      const data = event
        .split(/\r?\n/)
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trimStart())
        .join("\n");
      if (data) yield JSON.parse(data) as GenerateContentResponse;
      match = EVENT_END.exec(buffer);
    }
  }
}
