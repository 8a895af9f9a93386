// Test helpers for the example CLIs and the docs' runnable samples: run a TypeScript program as a
// child process the way a user does, with an environment that cannot reach a real gateway.

export { generateOnce } from "./emulator-request.js";
export {
  type CliProcess,
  type CliRun,
  cleanEnv,
  REPO_ROOT,
  runCli,
  type SpawnOptions,
  spawnProcess,
  startCli,
} from "./spawn-cli.js";
