// undici's Agent, loaded without undici's entry point. Importing "undici" runs its lib/global.js,
// which installs a new undici Agent as the process-wide global dispatcher
// (Symbol.for("undici.globalDispatcher.1")) when none is set yet: the user's own fetch() would then
// go through undici 7 instead of Node's bundled undici. The Agent's own module has no such effect.
// (undici has no exports map; the path is stable across 6.x and 7.x, and the version is pinned.)
import { createRequire } from "node:module";
import type { Agent as UndiciAgent } from "undici";

const require = createRequire(import.meta.url);

export const Agent: typeof UndiciAgent = require("undici/lib/dispatcher/agent.js");
export type Agent = UndiciAgent;
