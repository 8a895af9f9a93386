// The recorded fixtures (copied from ../shared/fixtures/recorded, see LICENSE-FIXTURES.md there):
// each turn of each case, and where to send it on the emulator.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "..", "__fixtures__", "recorded");

export interface RecordedTurn {
  case: string;
  turn: number;
  uri: string;
  model: string;
  status: number;
  /** `null` for the response-only vercel/ai cases. */
  request_file: string | null;
  response_file: string;
}

export function recordedTurns(): RecordedTurn[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".meta.json"))
    .flatMap((f) => {
      const meta = JSON.parse(readFileSync(join(FIXTURES, f), "utf8")) as {
        case: string;
        turns: RecordedTurn[];
      };
      return meta.turns.map((t) => ({ ...t, case: meta.case }));
    });
}

export function readFixture(file: string): string {
  return readFileSync(join(FIXTURES, file), "utf8");
}

/** The recorded call, re-aimed at the emulator's Google root (Vertex URIs use the same method names). */
export function pathOf(uri: string, model: string): string {
  const method = /:(generateContent|streamGenerateContent)(\?alt=sse)?/.exec(uri);
  if (!method) throw new Error(`unrecognised URI ${uri}`);
  return `/v1beta/models/${model}:${method[1]}${method[2] ?? ""}`;
}
