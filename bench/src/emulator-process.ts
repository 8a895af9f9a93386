// The emulator in its own process, so its CPU is not counted as the client's. Started by
// `startEmulatorProcess` with an IPC channel: it reports its URL, hands over (and clears) its
// request log on demand, and exits when the parent disconnects.
import { Server } from "node:http";
import type { ScriptedTurn, ScriptStep } from "@signet/testing";
import { createEmulator, type EmulatedRequest } from "@signet/testing";
import type { ChildMessage, LoggedRequest, ParentMessage } from "./emulator-protocol.js";
import { API_KEY, CITIES, MODEL, TOOL_NAME } from "./scenario.js";

/** The scripted model: a question gets two parallel calls; function responses get a quoting answer. */
function turnFor(request: EmulatedRequest): ScriptedTurn {
  const last = request.body.contents.at(-1);
  const responses = (last?.parts ?? []).flatMap((p) =>
    p.functionResponse !== undefined ? [p.functionResponse] : [],
  );
  if (responses.length === 0) {
    return { functionCalls: CITIES.map((city) => ({ name: TOOL_NAME, args: { city } })) };
  }
  const quoted = responses.map((r) => `${r.name} -> ${JSON.stringify(r.response)}`);
  return { text: `Here is the weather. ${quoted.join("; ")}` };
}

// One step that re-arms itself: the script never runs out, and every request gets a scripted turn.
const step: ScriptStep = (request) => {
  emulator.script(step);
  return turnFor(request);
};

// The emulator sets `keepAliveTimeout = 1000`. undici (every contender's transport) subtracts a 2 s
// safety margin from the server's keep-alive hint and, left with nothing, closes the socket after
// each response: every request would pay a TCP handshake, which is not what a client of the real API
// pays and would hide the clients' own cost. Connections here stay open as long as the run.
const KEEP_ALIVE_MS = 60_000;
Object.defineProperty(Server.prototype, "keepAliveTimeout", {
  configurable: true,
  get: () => KEEP_ALIVE_MS,
  set: () => {},
});

const emulator = await createEmulator({
  apiKeys: [API_KEY],
  models: [MODEL],
  script: [step],
  whenScriptEmpty: "error",
});

function send(message: ChildMessage): void {
  process.send?.(message);
}

process.on("message", (message: ParentMessage) => {
  if (message.type !== "drain") return;
  const entries: LoggedRequest[] = emulator.requests.map((r) => ({
    rpc: r.rpc,
    stream: r.stream,
    status: r.status,
    outcome: r.outcome,
    error: r.error,
    contents: (r.body as { contents?: unknown[] } | undefined)?.contents?.length ?? 0,
  }));
  // Clearing drops the script too: re-arm it. Nothing is in flight while the bench drains.
  emulator.reset();
  emulator.script(step);
  send({ type: "drained", id: message.id, entries });
});
process.on("disconnect", () => {
  void emulator.close().then(() => process.exit(0));
});

send({ type: "ready", url: emulator.url });
