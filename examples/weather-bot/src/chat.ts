// `pnpm weather` with no question: a small multi-turn chat. Each run continues from the previous
// result (history kept exactly as exchanged); Ctrl-C or Ctrl-D leaves cleanly, also mid-answer.
import { createInterface } from "node:readline";
import type { Agent, RunResult } from "@signet/core";
import { oneLineError } from "@signet/example-support";
import { ask } from "./ask.js";

export interface ChatOptions {
  stream: boolean;
  json: boolean;
}

export async function chat(agent: Agent, options: ChatOptions): Promise<number> {
  const terminal = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal });
  let previous: RunResult | undefined;
  let current: AbortController | undefined;
  let quitting = false;
  const quit = () => {
    quitting = true;
    current?.abort(new Error("The chat was closed."));
    rl.close();
  };
  rl.on("SIGINT", quit); // the terminal's Ctrl-C
  process.on("SIGINT", quit); // a signal when stdin is not a terminal
  process.stderr.write("Ask about the weather anywhere. Ctrl-C or Ctrl-D to leave.\n");
  rl.setPrompt("you> ");
  rl.prompt();
  try {
    for await (const line of rl) {
      const question = line.trim();
      if (question === "/exit" || question === "/quit") break;
      if (question !== "") {
        current = new AbortController();
        try {
          previous = await ask(agent, question, {
            stream: options.stream,
            printText: !options.json,
            signal: current.signal,
            previous,
          });
          if (options.json) process.stdout.write(`${JSON.stringify(previous)}\n`);
        } catch (error) {
          if (quitting) break;
          // The chat goes on; the failed turn is not added to the history.
          process.stderr.write(`error: ${oneLineError(error)}\n`);
        } finally {
          current = undefined;
        }
      }
      if (quitting) break;
      rl.prompt();
    }
  } finally {
    process.off("SIGINT", quit);
    rl.close();
  }
  process.stderr.write("\nbye\n");
  return 0;
}
