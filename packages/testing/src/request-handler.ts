// One request through the emulator, in the real API's order: route, credentials, model, JSON,
// then (for requests that reach the model) an injected fault, validation, and the model's answer,
// written in the framing the endpoint uses. Every request is logged as it arrives.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GenerateContentRequest, GenerateContentResponse } from "@signet/provider";
import { blockedResponse } from "./blocked-prompt.js";
import type { ChunkHook } from "./chunk-gate.js";
import { type ErrorDetails, type ErrorKind, renderError } from "./error-envelopes.js";
import { type Fault, isHttpFault, type TransportFault } from "./faults.js";
import { functionResponses } from "./function-turns.js";
import { checkAuth } from "./gateway-auth.js";
import { type GatewayId, gatewayFromPath, matchRoute, type WireFormat } from "./gateway-routes.js";
import { formatIssues } from "./issue-format.js";
import { faultError, modelAnswer } from "./model-answer.js";
import { modelTraits } from "./model-traits.js";
import type { RecordedRequest, RequestLog } from "./request-log.js";
import { validateRequest } from "./request-validator.js";
import { buildResponses } from "./response-builder.js";
import { framePieces, type OutgoingResponse, writeResponse } from "./response-writer.js";
import type { Script } from "./scripted-model.js";
import type { EmulatorOptions } from "./server.js";
import type { SignatureLedger } from "./signature-ledger.js";

export interface EmulatorState {
  options: EmulatorOptions;
  script: Script;
  faults: Fault[];
  log: RequestLog;
  ledger: SignatureLedger;
}

/** What goes back, the transport fault (if any) that breaks it on the way, and the hook that holds it. */
interface Answer {
  out: OutgoingResponse;
  fault?: TransportFault | undefined;
  beforeChunk?: ChunkHook | undefined;
}

export async function handleRequest(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const startedAt = Date.now();
  const rawBody = await readBody(req);
  const entry = state.log.open(req, rawBody, startedAt);
  try {
    const answer = await answerRequest(state, req, rawBody, entry);
    const outcome = await writeResponse(res, answer.out, {
      fault: answer.fault,
      beforeChunk: answer.beforeChunk,
      chunkDelayMs: state.options.chunkDelayMs,
      onHeaders: (status) => {
        entry.status = status;
      },
    });
    entry.outcome = outcome === "complete" && answer.out.status >= 400 ? "error" : outcome;
  } catch (error) {
    // A bug in the emulator itself: logged, then answered with a 500 by the server.
    Object.assign(entry, { status: 500, outcome: "error", error: `Emulator failure: ${String(error)}` });
    throw error;
  } finally {
    entry.durationMs = Date.now() - startedAt;
  }
}

async function answerRequest(
  state: EmulatorState,
  req: IncomingMessage,
  rawBody: string,
  entry: RecordedRequest,
): Promise<Answer> {
  const { options } = state;
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const route = req.method === "POST" ? matchRoute(url) : undefined;
  if (!route) {
    return errorAnswer(entry, gatewayFromPath(url.pathname), "not-found", {
      message: `The emulator has no route for ${req.method} ${url.pathname}. Point the client at emulator.baseUrlFor(gateway).`,
    });
  }
  const { gateway } = route;
  entry.gateway = gateway;
  entry.model = route.model;
  entry.rpc = route.method;
  entry.stream = route.method === "streamGenerateContent";
  const keys = options.apiKeys;
  const auth = checkAuth(gateway, req.headers, url, (key) => (keys ? keys.includes(key) : key.length > 0));
  if (auth.refusal) {
    return errorAnswer(
      entry,
      gateway,
      auth.refusal,
      auth.refusalMessage ? { message: auth.refusalMessage } : {},
    );
  }
  const traits = modelTraits(route.model);
  if (!modelExists(options.models, traits.id))
    return errorAnswer(entry, gateway, "not-found", { model: traits.id });
  const body = entry.body;
  if (body === undefined) {
    return errorAnswer(entry, gateway, "invalid-argument", {
      message: `Invalid JSON payload received. ${rawBody === "" ? "The body is empty." : "The body is not JSON."}`,
    });
  }
  const format: WireFormat =
    route.format === "by-body"
      ? (body as { stream?: unknown }).stream === true
        ? "sse"
        : "json"
      : route.format;
  entry.stream = format !== "json";

  // An injected fault answers before validation: HTTP faults instead of the answer, transport
  // faults break whatever answer goes out.
  const injected = state.faults.shift();
  if (injected && isHttpFault(injected)) {
    const { kind, details } = faultError(injected, traits.id);
    return errorAnswer(entry, gateway, kind, details);
  }
  const withFault = (answer: Answer): Answer => (injected ? { ...answer, fault: injected } : answer);

  const checked = validateRequest(body, {
    gateway,
    traits,
    schemaDialect: options.schemaDialect ?? "api",
    ledger: state.ledger,
    foreignSignatures: options.foreignSignatures ?? "accept",
  });
  if (!checked.ok) {
    const message = formatIssues(checked.stage, checked.issues);
    return withFault(errorAnswer(entry, gateway, "invalid-argument", { message }));
  }
  const request = checked.request;
  const answer = await modelAnswer({
    script: state.script,
    whenScriptEmpty: options.whenScriptEmpty ?? "generic",
    request: {
      gateway,
      model: traits.id,
      method: route.method,
      stream: format !== "json",
      body: request,
      index: entry.index,
    },
    turns: checked.turns,
    traits,
  });
  if (answer.type === "error") return withFault(errorAnswer(entry, gateway, answer.kind, answer.details));

  const lastTurn = checked.turns.at(-1);
  const responseId = randomBytes(12).toString("base64url");
  const promptTokenCount = Math.max(1, Math.ceil(rawBody.length / 16));
  const chunks: GenerateContentResponse[] =
    answer.type === "blocked"
      ? [blockedResponse(answer.blocked, { gateway, modelVersion: traits.id, responseId, promptTokenCount })]
      : buildResponses(answer.reply, {
          traits,
          gateway,
          ledger: state.ledger,
          stream: format !== "json",
          responseId,
          promptTokenCount,
          thinkingOff: traits.family === "gemini-2.5" && thinkingBudget(request) === 0,
          afterFunctionResponses: lastTurn?.role === "user" && functionResponses(lastTurn).length > 0,
          search: request.tools?.some((t) => "googleSearch" in t) ?? false,
        });
  entry.responses = chunks;
  const out: OutgoingResponse = { status: 200, format, pieces: framePieces(format, chunks) };
  // A scripted transport fault wins over an injected one; an injected one is used up either way.
  return {
    out,
    fault: answer.fault ?? (injected as TransportFault | undefined),
    beforeChunk: answer.beforeChunk,
  };
}

/** The gateway's error envelope as plain JSON, as the real API sends errors even on stream endpoints. */
function errorAnswer(
  entry: RecordedRequest,
  gateway: GatewayId,
  kind: ErrorKind,
  details: ErrorDetails = {},
): Answer {
  const rendered = renderError(gateway, kind, details);
  entry.error = details.message ?? JSON.stringify(rendered.body);
  return {
    out: {
      status: rendered.status,
      format: "json",
      pieces: [JSON.stringify(rendered.body, null, 2)],
      headers: rendered.headers,
    },
  };
}

function thinkingBudget(request: GenerateContentRequest): number | undefined {
  const config = request.generationConfig?.thinkingConfig;
  return config && "thinkingBudget" in config ? config.thinkingBudget : undefined;
}

function modelExists(models: EmulatorOptions["models"], id: string): boolean {
  if (models === undefined) return id.startsWith("gemini-");
  return typeof models === "function" ? models(id) : models.includes(id);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
