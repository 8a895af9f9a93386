// What the response readers need to know about the call: who answered, for which model, how its
// errors are shaped, the attempt (to tell a caller abort from a timeout) and the key to redact.
import type { AttemptSignal } from "./attempt-signal.js";
import type { ErrorEnvelopeKind } from "./error-mapping.js";
import type { GatewayName } from "./provider-types.js";

export interface ReadContext {
  gateway: GatewayName;
  model: string;
  apiKey: string;
  envelope: ErrorEnvelopeKind;
  attempt?: AttemptSignal | undefined;
}
