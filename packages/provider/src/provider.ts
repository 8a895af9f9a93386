// createProvider: one gateway, one key, one connection pool. generate() returns one whole response;
// stream() yields each chunk as it arrives. Both refuse bad input before any I/O and retry only
// what invariant 4 allows.

import { checkApiKey } from "./api-key.js";
import { AttemptSignal } from "./attempt-signal.js";
import { type CallLog, logHttpError, logRequest, logResponse } from "./call-log.js";
import { capabilitiesFor } from "./capabilities.js";
import { ChunkReader } from "./chunk-stream.js";
import { requestIdFrom } from "./error-mapping.js";
import { ProviderError } from "./errors.js";
import {
  buildHttpRequest,
  type CallKind,
  type CustomGatewayConfig,
  type GatewayPreset,
  type HttpRequestSpec,
  type PresetGatewayName,
  resolveGateway,
} from "./gateways.js";
import { createLogger, type Logger } from "./logging.js";
import { normalizeRequest, type RequestInput } from "./normalize-request.js";
import type {
  CallOptions,
  GatewayName,
  GenerateResult,
  ModelCapabilities,
  Provider,
} from "./provider-types.js";
import { errorFromHttp, errorFromRedirect, type ReadContext, readJsonResponse } from "./read-response.js";
import { isRedirectRefusal } from "./redirect-watch.js";
import { type RetryOptions, type RetryPolicy, resolveRetryPolicy, withRetries } from "./retry-policy.js";
import { StreamAccumulator, toGenerateResult } from "./stream-accumulator.js";
import { assertToolsAllowed } from "./tool-exclusivity.js";
import { Transport, type TransportTimeouts } from "./transport.js";
import { transportError } from "./transport-error.js";
import type { GenerateContentRequest, GenerateContentResponse } from "./wire-types.js";

interface CommonOptions {
  apiKey: string;
  /** Replaces the gateway's base URL; the gateway's path stays. */
  baseUrl?: string | undefined;
  /** Default model for callers that want one (`provider.model`); every call still names its model. */
  model?: string | undefined;
  /** Any pino logger. Default: silent. */
  logger?: Logger | undefined;
  /** Retry policy, or `false` for a single attempt. */
  retry?: RetryOptions | false | undefined;
  timeouts?: TransportTimeouts | undefined;
}

/** Options for `createProvider`. `custom` is required for, and only allowed with, the custom gateway. */
export type ProviderOptions = CommonOptions &
  (
    | { gateway?: PresetGatewayName | undefined; custom?: never }
    | { gateway: "custom"; custom: CustomGatewayConfig }
  );

/** A Provider with its configuration visible (never the key). */
export interface SignetProvider extends Provider {
  readonly preset: GatewayPreset;
  readonly model: string | undefined;
  readonly retryPolicy: RetryPolicy;
  /** generate/stream accept snake_case input too. */
  generate(model: string, request: RequestInput, options?: CallOptions): Promise<GenerateResult>;
  stream(model: string, request: RequestInput, options?: CallOptions): AsyncIterable<GenerateContentResponse>;
}

export function createProvider(options: ProviderOptions): SignetProvider {
  return new GeminiProvider(options);
}

function abortedBeforeStart(gateway: GatewayName, signal: AbortSignal): ProviderError {
  return new ProviderError({
    code: "aborted",
    message: `The call to ${gateway} was aborted by the caller before it started.`,
    gateway,
    retryable: false,
    cause: signal.reason,
  });
}

/** What the readers and error mappers of one attempt need. */
type AttemptContext = ReadContext & { attempt: AttemptSignal };

class GeminiProvider implements SignetProvider {
  readonly gateway: GatewayName;
  readonly preset: GatewayPreset;
  readonly model: string | undefined;
  readonly logger: Logger;
  readonly retryPolicy: RetryPolicy;
  readonly #apiKey: string;
  readonly #transport: Transport;

  constructor(options: ProviderOptions) {
    const gateway: GatewayName = options.gateway ?? "google";
    const apiKey = checkApiKey(gateway, options.apiKey);
    this.preset = resolveGateway(gateway, { baseUrl: options.baseUrl, custom: options.custom });
    this.gateway = gateway;
    this.model = options.model;
    this.logger = options.logger ?? createLogger();
    this.retryPolicy = resolveRetryPolicy(options.retry);
    this.#apiKey = apiKey;
    this.#transport = new Transport(options.timeouts);
  }

  capabilities(model: string): ModelCapabilities {
    return capabilitiesFor(this.preset, model);
  }

  /** Normalizes, checks (before any I/O) and serializes once. */
  #prepare(model: string, request: RequestInput, kind: CallKind): HttpRequestSpec {
    const wire: GenerateContentRequest = normalizeRequest(request);
    assertToolsAllowed(wire, this.capabilities(model));
    return buildHttpRequest(this.preset, model, kind, this.#apiKey, wire);
  }

  /** A fresh attempt: the caller's signal plus a new per-attempt timer, and what its readers need. */
  #attempt(model: string, options: CallOptions): AttemptContext {
    const { attemptMs, connectMs, headersMs } = this.#transport.timeouts;
    const attempt = new AttemptSignal(options.signal, options.timeoutMs ?? attemptMs, connectMs + headersMs);
    return {
      gateway: this.gateway,
      model,
      apiKey: this.#apiKey,
      envelope: this.preset.errorEnvelope,
      attempt,
    };
  }

  /** Sends one attempt; resolves at a 2xx response, throws the mapped error for any other status. */
  async #open(spec: HttpRequestSpec, ctx: AttemptContext, log: CallLog, n: number): Promise<Response> {
    logRequest(log, spec, n);
    const started = performance.now();
    let response: Response;
    try {
      response = await this.#transport.send(spec, ctx.attempt.signal);
    } catch (error) {
      if (!isRedirectRefusal(error)) throw transportError(error, ctx, "sending the request");
      const refused = errorFromRedirect(this.#transport.redirectSeen(spec), ctx);
      logHttpError(log, refused);
      throw refused;
    }
    logResponse(log, response.status, started);
    if (!response.ok) {
      const error = await errorFromHttp(response, ctx);
      logHttpError(log, error);
      throw error;
    }
    return response;
  }

  #callLog(model: string, kind: CallKind): CallLog {
    return { logger: this.logger, gateway: this.gateway, model, kind, apiKey: this.#apiKey };
  }

  async generate(model: string, request: RequestInput, options: CallOptions = {}): Promise<GenerateResult> {
    const spec = this.#prepare(model, request, "generate");
    if (options.signal?.aborted) throw abortedBeforeStart(this.gateway, options.signal);
    const log = this.#callLog(model, "generate");
    const { value, attempts } = await withRetries(
      async (n) => {
        const ctx = this.#attempt(model, options);
        try {
          const response = await this.#open(spec, ctx, log, n);
          const requestId = requestIdFrom(response.headers);
          if (spec.read === "json") return { response: await readJsonResponse(response, ctx), requestId };
          // A stream-only gateway (KIE): read the stream to its end.
          const acc = new StreamAccumulator();
          const chunks = new ChunkReader(response, ctx);
          try {
            for (let chunk = await chunks.next(); chunk; chunk = await chunks.next()) acc.add(chunk);
          } finally {
            chunks.cancel();
          }
          return { response: acc.response(), requestId };
        } catch (error) {
          throw transportError(error, ctx, "generate");
        } finally {
          ctx.attempt.dispose();
        }
      },
      this.#retryRun(model, "generate", options),
    );
    return toGenerateResult(value.response, value.requestId, attempts);
  }

  stream(
    model: string,
    request: RequestInput,
    options: CallOptions = {},
  ): AsyncIterable<GenerateContentResponse> {
    return { [Symbol.asyncIterator]: () => this.#stream(model, request, options) };
  }

  async *#stream(
    model: string,
    request: RequestInput,
    options: CallOptions,
  ): AsyncGenerator<GenerateContentResponse> {
    const spec = this.#prepare(model, request, "stream");
    if (options.signal?.aborted) throw abortedBeforeStart(this.gateway, options.signal);
    const log = this.#callLog(model, "stream");
    // Retries cover opening the stream and reading its first chunk: nothing has reached the consumer
    // yet. After the first chunk is yielded, a failure is thrown as is.
    const { value: open } = await withRetries(
      async (n) => {
        const ctx = this.#attempt(model, options);
        try {
          const response = await this.#open(spec, ctx, log, n);
          // The attempt deadline covers the wait for the response; silences are bounded by bodyMs.
          ctx.attempt.clearTimer();
          const chunks = new ChunkReader(response, ctx);
          try {
            return { chunks, first: await chunks.next(), ctx };
          } catch (error) {
            chunks.cancel();
            throw error;
          }
        } catch (error) {
          ctx.attempt.dispose();
          throw transportError(error, ctx, "stream");
        }
      },
      this.#retryRun(model, "stream", options),
    );
    const { chunks, first, ctx } = open;
    try {
      for (let chunk = first; chunk; chunk = await chunks.next()) yield chunk;
    } catch (error) {
      throw transportError(error, ctx, "stream");
    } finally {
      chunks.cancel();
      ctx.attempt.dispose();
    }
  }

  #retryRun(model: string, kind: CallKind, options: CallOptions) {
    return {
      policy: this.retryPolicy,
      signal: options.signal,
      onRetry: options.onRetry,
      logger: this.logger,
      context: { gateway: this.gateway, model, kind },
    };
  }

  async close(): Promise<void> {
    await this.#transport.close();
  }
}
