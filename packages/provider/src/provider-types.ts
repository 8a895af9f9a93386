// The public surface of a provider: what `@signet/core` and users program against.
import type { Logger } from "pino";
import type { GenerateContentRequest, GenerateContentResponse, Part, UsageMetadata } from "./wire-types.js";

export type GatewayName = "google" | "kie" | "kkiai" | "aivideoapi" | "custom";

/** One retry about to happen: what failed, which attempt comes next, and how long we wait first. */
export interface RetryNotice {
  /** The attempt that is about to start (2 for the first retry). */
  attempt: number;
  delayMs: number;
  /** The error that caused the retry (a `ProviderError`). */
  error: Error;
}

export interface CallOptions {
  /** Aborts the whole call, across retries. */
  signal?: AbortSignal;
  /** Per-attempt deadline; a fresh timer per attempt. */
  timeoutMs?: number;
  /** Called before each retry sleeps. */
  onRetry?: (notice: RetryNotice) => void;
}

/** What a gateway allows when a request combines Google Search with function declarations. */
export type SearchWithFunctions =
  /** Allowed, with `toolConfig.includeServerSideToolInvocations: true` (Google, Gemini 3). */
  | "combined"
  /** Refused: the request must carry one or the other. */
  | "exclusive";

export interface ModelCapabilities {
  gateway: GatewayName;
  model: string;
  searchWithFunctions: SearchWithFunctions;
  /** Gemini 3: each step's first functionCall must carry its thoughtSignature. */
  requiresThoughtSignatures: boolean;
}

/** A finished model turn: the response as received, and views over it. */
export interface GenerateResult {
  /** The whole response; for a stream, the chunks accumulated (parts kept exactly, in order). */
  response: GenerateContentResponse;
  /** The first candidate's parts exactly as received: the model turn to put in history. */
  parts: Part[];
  /** A view: the non-thought text joined. Never put this back in history. */
  text: string;
  finishReason: string | undefined;
  usage: UsageMetadata | undefined;
  requestId: string | undefined;
  /** How many HTTP attempts it took. */
  attempts: number;
}

export interface Provider {
  readonly gateway: GatewayName;
  readonly logger: Logger;
  capabilities(model: string): ModelCapabilities;
  /** One response. Throws a typed error; retries what invariant 4 allows. */
  generate(model: string, request: GenerateContentRequest, options?: CallOptions): Promise<GenerateResult>;
  /** Each chunk as it arrives. Retried only before the first chunk reaches the consumer. */
  stream(
    model: string,
    request: GenerateContentRequest,
    options?: CallOptions,
  ): AsyncIterable<GenerateContentResponse>;
  /** Releases the connection pool. */
  close(): Promise<void>;
}
