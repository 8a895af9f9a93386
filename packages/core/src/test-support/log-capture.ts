// A pino logger whose lines are kept, parsed, for tests to assert on.
import { Writable } from "node:stream";
import { type LevelWithSilent, type Logger, pino } from "pino";

export function capturingLogger(level: LevelWithSilent): {
  logger: Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}
