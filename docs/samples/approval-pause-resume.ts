import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, approve, parseRunState, reject, serializeRunState } from "@signet/core";
import { providerFromEnv } from "@signet/provider";
import { defineTool } from "@signet/tools";
import { z } from "zod";

const pay = defineTool({
  name: "pay",
  description: "Pay an invoice.",
  parameters: z.object({ invoice: z.string(), amount: z.number() }),
  needsApproval: ({ amount }) => amount > 100, // or `true`: every call waits for a human
  execute: async ({ invoice, amount }) => ({ invoice, paid: amount }),
});
const agent = new Agent({ provider: providerFromEnv(), model: "gemini-2.5-flash", tools: [pay] });

const result = await agent.run("Pay invoice 42.");
if (result.status === "awaiting_approval") {
  const call = result.pendingApprovals[0]!;
  console.log(`waiting for approval: ${call.name} ${JSON.stringify(call.args)}`);
  const file = join(tmpdir(), `run-${result.runId}.json`);
  await writeFile(file, serializeRunState(result.state)); // e.g. while a human is asked

  // Later, maybe in another process: load the state, record the decision, resume.
  const state = parseRunState(await readFile(file, "utf8"));
  if (process.argv.includes("--reject")) reject(state, call.callId, "Too expensive.");
  else approve(state, call.callId);
  const done = await agent.run(state); // the approved call runs now; a rejected one is reported to the model
  console.log(done.text);
  await rm(file);
} else {
  console.log(result.text); // nothing needed approval
}
