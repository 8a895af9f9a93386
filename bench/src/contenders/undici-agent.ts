// The pool the same-stack floors send through: undici 7's Agent, the one @signet/provider uses, with
// the provider's default timeouts and keep-alive, as a careful user of fetch would set up. Loaded
// from its own module, like the provider does (packages/provider/src/undici-agent.ts): undici's entry
// point would install an undici 7 Agent as the process-wide global dispatcher and so move the
// contenders that use Node's default dispatcher onto undici 7 as well.
import { createRequire } from "node:module";
import type { Agent as UndiciAgent } from "undici";

const require = createRequire(import.meta.url);
const Agent: typeof UndiciAgent = require("undici/lib/dispatcher/agent.js");

/** What `fetch` takes besides RequestInit when a dispatcher is given (undici's extension). */
export type DispatcherInit = { dispatcher?: UndiciAgent };

export function keepAliveAgent(): UndiciAgent {
  return new Agent({
    connect: { timeout: 10_000 },
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
    keepAliveTimeout: 30_000,
  });
}
