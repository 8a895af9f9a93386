// Turns and the function-calling protocol over them. The API treats consecutive contents of one
// role as one turn; each model turn of function calls must be answered by the next user turn with
// one response per call, in the same order, echoing each call's id.
import type { Part } from "@signet/provider";
import { isRecord } from "./field-names.js";

export interface RequestIssue {
  /** Path in the API's notation (`contents[2].parts[0]`); absent for whole-request rules. */
  path?: string;
  message: string;
}

export interface LocatedPart {
  part: Part;
  /** `contents[i].parts[j]` */
  path: string;
  contentIndex: number;
}

export interface Turn {
  role: "user" | "model";
  parts: LocatedPart[];
  /** Index of the turn's first content. */
  firstContent: number;
}

/** Groups contents into turns. A missing role reads as `user`, as for single-turn requests. */
export function groupTurns(contents: readonly unknown[]): Turn[] {
  const turns: Turn[] = [];
  contents.forEach((content, i) => {
    if (!isRecord(content)) return;
    const role = content.role === "model" ? "model" : "user";
    const parts = Array.isArray(content.parts) ? (content.parts as Part[]) : [];
    const located = parts.map((part, j) => ({ part, path: `contents[${i}].parts[${j}]`, contentIndex: i }));
    const last = turns.at(-1);
    if (last && last.role === role) last.parts.push(...located);
    else turns.push({ role, parts: located, firstContent: i });
  });
  return turns;
}

export function functionCalls(turn: Turn): LocatedPart[] {
  return turn.parts.filter((p) => "functionCall" in p.part);
}

export function functionResponses(turn: Turn): LocatedPart[] {
  return turn.parts.filter((p) => "functionResponse" in p.part);
}

export function checkFunctionTurns(turns: readonly Turn[]): RequestIssue[] {
  const issues: RequestIssue[] = [];
  turns.forEach((turn, t) => {
    const previous = turns[t - 1];
    if (turn.role === "model") {
      const calls = functionCalls(turn);
      if (calls.length === 0) return;
      if (!previous) {
        issues.push({
          message:
            "Please ensure that function call turn comes immediately after a user turn or after a function response turn.",
        });
      }
      const next = turns[t + 1];
      const responses = next ? functionResponses(next) : [];
      if (responses.length !== calls.length) {
        issues.push({
          path: `contents[${next ? next.firstContent : turn.firstContent}]`,
          message:
            "Please ensure that the number of function response parts is equal to the number of function call " +
            `parts of the function call turn (the turn at contents[${turn.firstContent}] made ${calls.length} ` +
            `call(s); the next user turn answers ${responses.length}).`,
        });
        return;
      }
      calls.forEach((call, i) => {
        const response = responses[i]!;
        const fc = (call.part as { functionCall: { name?: unknown; id?: unknown } }).functionCall;
        const fr = (response.part as { functionResponse: { name?: unknown; id?: unknown } }).functionResponse;
        if (fr.name !== fc.name) {
          issues.push({
            path: `${response.path}.function_response.name`,
            message: `function response ${i + 1} is for "${String(fr.name)}" but call ${i + 1} of the turn is "${String(fc.name)}": answer the calls in the order they were made.`,
          });
        } else if (typeof fc.id === "string" && fc.id !== "" && fr.id !== fc.id) {
          issues.push({
            path: `${response.path}.function_response.id`,
            message: `must echo the id of the call it answers ("${fc.id}"), got ${JSON.stringify(fr.id ?? null)}.`,
          });
        }
      });
    } else if (functionResponses(turn).length > 0) {
      if (!previous || functionCalls(previous).length === 0) {
        issues.push({
          path: `contents[${turn.firstContent}]`,
          message: "Please ensure that function response turn comes immediately after a function call turn.",
        });
      }
    }
  });
  return issues;
}
