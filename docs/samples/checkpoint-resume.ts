import { readFile, rename, writeFile } from "node:fs/promises";
import { Agent, parseRunState, type RunState, serializeRunState } from "@signet/core";
import { providerFromEnv } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";

const file = "ticket-T-1001.state.json";

async function save(state: RunState): Promise<void> {
  const json = serializeRunState(state); // serialize before awaiting: the run keeps updating `state`
  await writeFile(`${file}.tmp`, json);
  await rename(`${file}.tmp`, file); // atomic: a kill leaves the old state or the new one
}

async function load(): Promise<RunState | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseRunState(text);
}

const setTriage = defineTool({
  name: "set_ticket_triage",
  description: "Record the priority of a ticket.",
  parameters: z.object({ ticket_id: z.string(), priority: z.enum(["low", "normal", "high"]) }),
  // callId is stable across a resume: use it as the idempotency key of the side effect.
  execute: async (args, { callId }) => ({ recorded: true, key: `${args.ticket_id}/${callId}` }),
});

const agent = new Agent({
  provider: providerFromEnv(),
  model: "gemini-2.5-flash",
  tools: [setTriage],
  hooks: { onCheckpoint: save }, // after each model turn and each settled tool call
});

const saved = await load();
const result =
  saved && saved.status !== "completed"
    ? await agent.run(saved) // continues: finished model turns and tool calls are not repeated
    : await agent.run("Triage ticket T-1001: the customer was charged twice.");
await save(result.state);
console.log(result.text);
