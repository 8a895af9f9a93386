// SSE framing via eventsource-parser: handles CRLF / LF / CR line ends, events split across network
// reads, comments and multi-line data. Hands out each event's data as it completes.
import { createParser, type EventSourceParser } from "eventsource-parser";

/**
 * A parser that calls `onData` with each complete event's data. A final event without its blank
 * line is incomplete by the SSE rules and is not dispatched: the stream reader then reports the
 * truncation.
 */
export function sseParser(onData: (data: string) => void): EventSourceParser {
  return createParser({
    onEvent: (event) => onData(event.data),
    // Unknown fields or a bad `retry:` line are not ours to fail on; the data still counts.
    onError: () => {},
  });
}

/** Each event's data from a stream of text pieces. */
export async function* sseEventData(text: AsyncIterable<string>): AsyncGenerator<string> {
  const ready: string[] = [];
  const parser = sseParser((data) => ready.push(data));
  for await (const piece of text) {
    parser.feed(piece);
    if (ready.length > 0) {
      for (const data of ready) yield data;
      ready.length = 0;
    }
  }
}
