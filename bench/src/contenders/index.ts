// Every contender, in table order.
import { aiSdk } from "./ai-sdk.js";
import type { Contender } from "./contender.js";
import { fetchLoop, fetchNodeLoop, fetchNoRedirectLoop, fetchSseLoop } from "./fetch-loop.js";
import { genai } from "./genai.js";
import { signetProviderLoop, signetRun, signetStream } from "./signet.js";

export type { Contender, ContenderRunner } from "./contender.js";

export const CONTENDERS: readonly Contender[] = [
  fetchLoop,
  fetchNodeLoop,
  fetchSseLoop,
  signetRun,
  signetStream,
  genai,
  aiSdk,
  signetProviderLoop,
  fetchNoRedirectLoop,
];

/**
 * The contenders to run for `--only ids` (empty: every one but the opt-in ones), plus the floors
 * they are judged against: the floor always, the SSE floor with a Signet stream.
 */
export function chooseContenders(only: readonly string[]): Contender[] {
  const picked = (c: Contender) => only.includes(c.id) || (only.length === 0 && !c.optIn);
  const streams = CONTENDERS.some((c) => c.streaming && c.signet && picked(c));
  return CONTENDERS.filter((c) => c.baseline || (c.streamFloor && streams) || picked(c));
}
