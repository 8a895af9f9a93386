// SSE framing via eventsource-parser: handles CRLF / LF / CR line ends, events split across network
// reads, comments and multi-line data. Yields each event's data as it completes.
import { createParser } from "eventsource-parser";

export async function* sseEventData(text: AsyncIterable<string>): AsyncGenerator<string> {
  const ready: string[] = [];
  const parser = createParser({
    onEvent: (event) => {
      ready.push(event.data);
    },
    // Unknown fields or a bad `retry:` line are not ours to fail on; the data still counts.
    onError: () => {},
  });
  for await (const piece of text) {
    parser.feed(piece);
    if (ready.length > 0) {
      for (const data of ready) yield data;
      ready.length = 0;
    }
  }
  // A final event without its blank line is incomplete by the SSE rules and is not dispatched:
  // the stream reader then reports the truncation.
}
