// Test helpers for the example CLIs and the docs' runnable samples: run a TypeScript program as a
// child process the way a user does, with an environment that cannot reach a real gateway.
export { type CliProcess, type CliRun, cleanEnv, REPO_ROOT, runCli, startCli } from "./spawn-cli.js";
