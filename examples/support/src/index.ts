// What the example CLIs share (a private workspace package, not part of Signet's API).
export { type Connection, type ConnectOptions, connect } from "./connection.js";
export { defaultTextModel } from "./default-model.js";
export { oneLineError } from "./one-line-error.js";
export { exitCodeFor, InterruptedError, runMain, UsageError } from "./run-main.js";
