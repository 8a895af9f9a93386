// Starts the emulator in a child process (TypeScript through tsx, sources through the
// `@signet/source` condition) and talks to it over IPC.
import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ChildMessage, LoggedRequest } from "./emulator-protocol.js";

export interface EmulatorProcess {
  readonly url: string;
  readonly pid: number;
  /** The requests served since the last drain, oldest first; the child's log is then cleared. */
  drain(): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

const CHILD_ENTRY = fileURLToPath(new URL("./emulator-process.ts", import.meta.url));

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const child = fork(CHILD_ENTRY, [], {
    execArgv: ["--import", tsx, "--conditions=@signet/source"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await waitForReady(child);
  let nextId = 0;
  const pending = new Map<number, (entries: LoggedRequest[]) => void>();
  child.on("message", (message: ChildMessage) => {
    if (message.type === "drained") {
      pending.get(message.id)?.(message.entries);
      pending.delete(message.id);
    }
  });
  let closed: Promise<void> | undefined;
  return {
    url,
    pid: child.pid ?? -1,
    drain() {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (!child.connected) {
          reject(new Error("The emulator process is gone."));
          return;
        }
        pending.set(id, resolve);
        child.send({ type: "drain", id });
      });
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => resolve());
        child.disconnect();
      });
      return closed;
    },
  };
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`The emulator process exited before it was ready (code ${code}).`));
    child.once("exit", onExit);
    child.once("error", reject);
    child.on("message", function onMessage(message: ChildMessage) {
      if (message.type !== "ready") return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      child.off("error", reject);
      resolve(message.url);
    });
  });
}
