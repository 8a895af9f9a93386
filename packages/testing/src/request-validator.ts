// A whole request, checked as the real API checks it: first read as the JSON payload (unknown
// names, types, oneofs), then its meaning (contents, tools, generation config, the function-calling
// protocol, signatures). Each rule earns a 400 INVALID_ARGUMENT from Google; the wording follows
// the API where it is known.
import type { GenerateContentRequest } from "@signet/provider";
import { checkContents } from "./contents-validator.js";
import { checkFunctionTurns, groupTurns, type RequestIssue, type Turn } from "./function-turns.js";
import type { GatewayId } from "./gateway-wire.js";
import { checkGenerationConfig } from "./generation-config-validator.js";
import type { ModelTraits } from "./model-traits.js";
import { type PayloadIssue, readRequest } from "./payload-reader.js";
import type { SchemaDialect } from "./schema-validator.js";
import {
  checkCurrentTurnSignatures,
  type ForeignSignaturePolicy,
  type SignatureLedger,
} from "./signature-ledger.js";
import { checkTools } from "./tools-validator.js";

export interface ValidationContext {
  gateway: GatewayId;
  traits: ModelTraits;
  /** `api` (default) accepts what the real API accepts; `signet` adds Signet's stricter schema rules. */
  schemaDialect?: SchemaDialect;
  ledger?: SignatureLedger;
  foreignSignatures?: ForeignSignaturePolicy;
}

export type ValidationResult =
  | { ok: true; request: GenerateContentRequest; turns: Turn[] }
  /** `payload`: the JSON could not be read into the request; `semantic`: it was read, and is wrong. */
  | { ok: false; stage: "payload"; issues: PayloadIssue[] }
  | { ok: false; stage: "semantic"; issues: RequestIssue[] };

/** Reads and checks one request body, as the API would for `ctx.gateway` and model. */
export function validateRequest(body: unknown, ctx: ValidationContext): ValidationResult {
  const read = readRequest(body, ctx.gateway === "kie" ? { extraTopLevel: { stream: "bool" } } : {});
  if (read.issues.length > 0) return { ok: false, stage: "payload", issues: read.issues };
  const request = read.request as unknown as GenerateContentRequest;
  const issues: RequestIssue[] = [];
  const payload: PayloadIssue[] = [];

  const contents = Array.isArray(request.contents) ? request.contents : [];
  checkContents(contents, request.systemInstruction, issues);

  checkTools(request, ctx, { issues, payload });
  checkGenerationConfig(request, ctx, { issues, payload });
  // Unknown names inside schemas are payload errors in the real API: they win over the rest.
  if (payload.length > 0) return { ok: false, stage: "payload", issues: payload };

  const turns = groupTurns(contents);
  if (issues.length === 0) {
    issues.push(...checkFunctionTurns(turns));
    issues.push(...checkCurrentTurnSignatures(turns, ctx.traits));
    if (ctx.ledger) issues.push(...ctx.ledger.checkHistory(turns, ctx.foreignSignatures ?? "accept"));
  }
  return issues.length > 0 ? { ok: false, stage: "semantic", issues } : { ok: true, request, turns };
}
