// A pino logger writing JSON lines into memory, to assert on what Signet logs.
import { Writable } from "node:stream";
import { pino } from "pino";

export function memoryLogger(level = "trace") {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    logger: pino({ level }, stream),
    lines,
    /** The parsed entries whose `msg` is `msg`. */
    entries: (msg: string) =>
      lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.msg === msg),
  };
}
