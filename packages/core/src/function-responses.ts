// The user turn answering a model turn of calls (invariant 2's pairing): one `functionResponse` per
// call, in call order, with the call's id echoed when the model sent one.
import type { FunctionCall, FunctionResponse, Part } from "@signet/provider";
import type { CallOutcome } from "./run-state.js";

export function responseParts(
  calls: readonly Pick<FunctionCall, "id" | "name">[],
  outcomes: readonly CallOutcome[],
): Part[] {
  const parts: Part[] = new Array(calls.length);
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    const functionResponse: FunctionResponse =
      call.id === undefined
        ? { name: call.name, response: outcomes[i]!.response }
        : { id: call.id, name: call.name, response: outcomes[i]!.response };
    parts[i] = { functionResponse };
  }
  return parts;
}
