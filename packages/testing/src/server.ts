// The emulator: a real HTTP server on loopback that speaks every gateway's dialect of the Gemini
// wire, checks each request as strictly as the real API, and answers from a script or the generic
// model, with faults on demand.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ErrorKind, renderError } from "./error-envelopes.js";
import { type Fault, httpFaultKind, isHttpFault, type TransportFault } from "./faults.js";
import { functionResponses, type RequestIssue } from "./function-turns.js";
import { checkAuth } from "./gateway-auth.js";
import {
  GATEWAY_BASE_PATH,
  type GatewayId,
  gatewayFromPath,
  matchRoute,
  type Route,
  type WireFormat,
} from "./gateway-routes.js";
import { genericReply } from "./generic-model.js";
import type { ModelReply } from "./model-reply.js";
import { modelTraits } from "./model-traits.js";
import type { PayloadIssue } from "./request-fields.js";
import { maskHeaders, maskUrl, type RecordedRequest, RequestLog } from "./request-log.js";
import { validateRequest } from "./request-validator.js";
import { buildResponses } from "./response-builder.js";
import type { SchemaDialect } from "./schema-validator.js";
import {
  type EmulatedRequest,
  replyFromTurn,
  Script,
  type ScriptedTurn,
  type ScriptStep,
} from "./scripted-model.js";
import { type ForeignSignaturePolicy, SignatureLedger } from "./signature-ledger.js";
import { writeChunks } from "./sse-writer.js";

export interface EmulatorOptions {
  /** Default 0: a free port. The emulator always binds 127.0.0.1. */
  port?: number;
  /** Keys that authenticate. Default: any non-empty key. */
  apiKeys?: readonly string[];
  /** Which model ids exist (others get the gateway's 404). Default: ids starting with `gemini-`. */
  models?: readonly string[] | ((model: string) => boolean);
  /** Turns to answer with, in order (more can be added with `script()`). */
  script?: readonly ScriptStep[];
  /**
   * When the script is used up: `generic` (default) answers with the generic model; `error` fails
   * the request with a 500 saying so, for tests that must use exactly their script.
   */
  whenScriptEmpty?: "generic" | "error";
  /**
   * `api` (default) accepts exactly what the real API accepts (lowercase types, snake_case fields);
   * `signet` also enforces Signet's own schema rules (uppercase types, camelCase).
   */
  schemaDialect?: SchemaDialect;
  /** Well-formed signatures this emulator did not issue: `accept` (default, like recorded ones) or `reject`. */
  foreignSignatures?: ForeignSignaturePolicy;
  /** Pause between stream chunks. Default 0. */
  chunkDelayMs?: number;
}

export interface Emulator {
  /** Google's base URL (the root), e.g. `http://127.0.0.1:43111`. */
  readonly url: string;
  /** The base URL to give a client of `gateway`; the gateway's own path follows it. */
  baseUrlFor(gateway: GatewayId): string;
  /** Every request served, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Appends turns to the script. */
  script(...steps: ScriptStep[]): Emulator;
  /** The next `times` requests (default 1) get `fault`, before validation, whatever the script says. */
  failNext(fault: Fault, times?: number): Emulator;
  /** Turns left in the script. */
  readonly pendingTurns: number;
  /** Clears the script, pending faults, the request log and issued signatures. */
  reset(): void;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

interface State {
  options: EmulatorOptions;
  script: Script;
  faults: Fault[];
  log: RequestLog;
  ledger: SignatureLedger;
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state: State = {
    options,
    script: new Script(),
    faults: [],
    log: new RequestLog(),
    ledger: new SignatureLedger(),
  };
  if (options.script) state.script.push(options.script);
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      // A bug in the emulator itself: say so loudly rather than hang the client.
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            error: { code: 500, message: `Emulator failure: ${String(error)}`, status: "INTERNAL" },
          }),
        );
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };
  const emulator: Emulator = {
    url,
    baseUrlFor: (gateway) => `${url}${GATEWAY_BASE_PATH[gateway]}`,
    get requests() {
      return state.log.entries;
    },
    script(...steps) {
      state.script.push(steps);
      return emulator;
    },
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i++) state.faults.push(fault);
      return emulator;
    },
    get pendingTurns() {
      return state.script.remaining;
    },
    reset() {
      state.script.clear();
      state.faults.length = 0;
      state.log.clear();
      state.ledger = new SignatureLedger();
    },
    close,
    [Symbol.asyncDispose]: close,
  };
  return emulator;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function handle(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = Date.now();
  const rawBody = await readBody(req);
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const route = req.method === "POST" ? matchRoute(url) : undefined;
  let body: unknown;
  try {
    body = rawBody === "" ? undefined : JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  const entry: RecordedRequest = {
    index: state.log.nextIndex(),
    method: req.method ?? "GET",
    url: maskUrl(req.url ?? "/"),
    gateway: route?.gateway,
    model: route?.model,
    rpc: route?.method,
    stream: route?.method === "streamGenerateContent",
    headers: maskHeaders(req.headers),
    body,
    rawBody,
    status: undefined,
    error: undefined,
    responses: [],
    outcome: "error",
    startedAt,
    durationMs: 0,
  };
  try {
    await respond(state, req, res, url, route, body, rawBody, entry);
  } finally {
    entry.durationMs = Date.now() - startedAt;
    state.log.add(entry);
  }
}

function sendError(
  res: ServerResponse,
  entry: RecordedRequest,
  gateway: GatewayId,
  kind: ErrorKind,
  details: { message?: string; retryDelaySeconds?: number; model?: string } = {},
): void {
  const rendered = renderError(gateway, kind, details);
  entry.status = rendered.status;
  entry.error = details.message ?? JSON.stringify(rendered.body);
  entry.outcome = "error";
  // Errors come back as plain JSON even on SSE endpoints, as the real API sends them.
  res.writeHead(rendered.status, { "content-type": "application/json; charset=UTF-8", ...rendered.headers });
  res.end(JSON.stringify(rendered.body, null, 2));
}

async function respond(
  state: State,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  route: Route | undefined,
  body: unknown,
  rawBody: string,
  entry: RecordedRequest,
): Promise<void> {
  const { options } = state;
  if (!route) {
    sendError(res, entry, gatewayFromPath(url.pathname), "not-found", {
      message: `The emulator has no route for ${req.method} ${url.pathname}. Point the client at emulator.baseUrlFor(gateway).`,
    });
    return;
  }
  const { gateway, model } = route;
  const keys = options.apiKeys;
  const auth = checkAuth(gateway, req.headers, url, (key) => (keys ? keys.includes(key) : key.length > 0));
  if (auth.refusal) {
    sendError(res, entry, gateway, auth.refusal, auth.refusalMessage ? { message: auth.refusalMessage } : {});
    return;
  }
  const traits = modelTraits(model);
  if (!modelExists(options.models, traits.id)) {
    sendError(res, entry, gateway, "not-found", { model: traits.id });
    return;
  }
  if (body === undefined) {
    sendError(res, entry, gateway, "invalid-argument", {
      message: `Invalid JSON payload received. ${rawBody === "" ? "The body is empty." : "The body is not JSON."}`,
    });
    return;
  }
  const format: WireFormat =
    route.format === "by-body"
      ? (body as { stream?: unknown }).stream === true
        ? "sse"
        : "json"
      : route.format;
  entry.stream = format !== "json";

  const injected = state.faults.shift();
  if (injected && isHttpFault(injected)) {
    sendError(res, entry, gateway, httpFaultKind(injected), faultDetails(injected, traits.id));
    return;
  }

  const checked = validateRequest(body, {
    gateway,
    traits,
    schemaDialect: options.schemaDialect ?? "api",
    ledger: state.ledger,
    foreignSignatures: options.foreignSignatures ?? "accept",
  });
  if (!checked.ok) {
    sendError(res, entry, gateway, "invalid-argument", {
      message: formatIssues(checked.stage, checked.issues),
    });
    return;
  }
  const request = checked.request;
  const emulated: EmulatedRequest = {
    gateway,
    model: traits.id,
    method: route.method,
    stream: format !== "json",
    body: request,
    index: entry.index,
  };

  let transportFault: TransportFault | undefined = injected as TransportFault | undefined;
  let reply: ModelReply;
  const turn: ScriptedTurn | undefined = await state.script.next(emulated);
  const includeThoughts = request.generationConfig?.thinkingConfig?.includeThoughts === true;
  const generic = () => genericReply(request, checked.turns, traits);
  if (turn === undefined) {
    if (options.whenScriptEmpty === "error") {
      sendError(res, entry, gateway, "internal", {
        message: `Emulator: the script has no turn left for request #${entry.index} (${traits.id}). Add turns with emulator.script(...).`,
      });
      return;
    }
    reply = generic();
  } else if (turn.error !== undefined) {
    sendError(res, entry, gateway, turn.error, {
      model: traits.id,
      ...(turn.message === undefined ? {} : { message: turn.message }),
      ...(turn.retryDelaySeconds === undefined ? {} : { retryDelaySeconds: turn.retryDelaySeconds }),
    });
    return;
  } else if (turn.fault !== undefined) {
    if (isHttpFault(turn.fault)) {
      sendError(res, entry, gateway, httpFaultKind(turn.fault), faultDetails(turn.fault, traits.id));
      return;
    }
    transportFault = turn.fault;
    reply = turn.reply ? withoutUnaskedThoughts(replyFromTurn(turn.reply), includeThoughts) : generic();
  } else {
    reply = withoutUnaskedThoughts(replyFromTurn(turn), includeThoughts || turn.parts !== undefined);
  }

  const budget = (request.generationConfig?.thinkingConfig as { thinkingBudget?: number } | undefined)
    ?.thinkingBudget;
  const lastTurn = checked.turns.at(-1);
  const chunks = buildResponses(reply, {
    traits,
    gateway,
    ledger: state.ledger,
    stream: format !== "json",
    responseId: randomBytes(12).toString("base64url"),
    promptTokenCount: Math.max(1, Math.ceil(rawBody.length / 16)),
    thinkingOff: traits.family === "gemini-2.5" && budget === 0,
    afterFunctionResponses: lastTurn?.role === "user" && functionResponses(lastTurn).length > 0,
    search: request.tools?.some((t) => "googleSearch" in t) ?? false,
  });
  entry.responses = chunks;
  entry.status = transportFault?.type === "reset-before-first-chunk" ? undefined : 200;
  entry.outcome = await writeChunks(res, chunks, {
    format,
    fault: transportFault,
    ...(options.chunkDelayMs === undefined ? {} : { chunkDelayMs: options.chunkDelayMs }),
  });
}

function withoutUnaskedThoughts(reply: ModelReply, keep: boolean): ModelReply {
  return keep ? reply : { ...reply, parts: reply.parts.filter((p) => p.thought !== true) };
}

function faultDetails(
  fault: Fault,
  model: string,
): { message?: string; retryDelaySeconds?: number; model: string } {
  if (fault.type === "rate-limit" && fault.retryDelaySeconds !== undefined) {
    return { model, retryDelaySeconds: fault.retryDelaySeconds };
  }
  if (fault.type === "error" && fault.message !== undefined) return { model, message: fault.message };
  return { model };
}

function modelExists(models: EmulatorOptions["models"], id: string): boolean {
  if (models === undefined) return id.startsWith("gemini-");
  return typeof models === "function" ? models(id) : models.includes(id);
}

/** One line per issue, as the API lists them (`* GenerateContentRequest.<path>: <message>`). */
export function formatIssues(
  stage: "payload" | "semantic",
  issues: readonly (PayloadIssue | RequestIssue)[],
): string {
  if (stage === "payload") return issues.map((i) => i.message).join("\n");
  return issues
    .map((i) => (i.path ? `* GenerateContentRequest.${i.path}: ${i.message}` : i.message))
    .join("\n");
}
