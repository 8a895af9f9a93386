// Every contender, in table order.
import { aiSdk } from "./ai-sdk.js";
import type { Contender } from "./contender.js";
import { fetchLoop, fetchNodeLoop, fetchSseLoop } from "./fetch-loop.js";
import { genai } from "./genai.js";
import { signetRun, signetStream } from "./signet.js";

export type { Contender, ContenderRunner } from "./contender.js";

export const CONTENDERS: readonly Contender[] = [
  fetchLoop,
  fetchNodeLoop,
  fetchSseLoop,
  signetRun,
  signetStream,
  genai,
  aiSdk,
];
