// The emulator: a real HTTP server on loopback that speaks every gateway's dialect of the Gemini
// wire, checks each request as strictly as the real API, and answers from a script or the generic
// model, with faults on demand. This file is its lifecycle and public handle; `request-handler.ts`
// answers each request.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Fault } from "./faults.js";
import { GATEWAY_BASE_PATH, type GatewayId } from "./gateway-wire.js";
import { type EmulatorState, handleRequest } from "./request-handler.js";
import { type RecordedRequest, RequestLog } from "./request-log.js";
import type { SchemaDialect } from "./schema-validator.js";
import { Script, type ScriptStep } from "./scripted-model.js";
import { type ForeignSignaturePolicy, SignatureLedger } from "./signature-ledger.js";

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
  /** Keep at most this many requests in `requests`, dropping the oldest. Default: all of them. */
  logLimit?: number;
}

export interface Emulator {
  /** Google's base URL (the root), e.g. `http://127.0.0.1:43111`. */
  readonly url: string;
  /** The base URL to give a client of `gateway`; the gateway's own path follows it. */
  baseUrlFor(gateway: GatewayId): string;
  /** Every request, oldest first; one in flight is there already (`outcome: "in-flight"`). */
  readonly requests: readonly RecordedRequest[];
  /** Appends turns to the script. */
  script(...steps: ScriptStep[]): Emulator;
  /**
   * The next `times` requests (default 1) that reach the model (routed, authenticated, a known
   * model) get `fault`, before validation and whatever the script says. An HTTP fault answers
   * instead; a transport fault breaks whatever answer goes out, a 400 included.
   */
  failNext(fault: Fault, times?: number): Emulator;
  /** Turns left in the script. */
  readonly pendingTurns: number;
  /** Clears the script, pending faults, the request log and issued signatures. */
  reset(): void;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state: EmulatorState = {
    options,
    script: new Script(),
    faults: [],
    log: new RequestLog(options.logLimit),
    ledger: new SignatureLedger(),
  };
  if (options.script) state.script.push(options.script);
  const server = createServer((req, res) => {
    handleRequest(state, req, res).catch((error: unknown) => {
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
