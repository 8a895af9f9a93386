// One question, one run: streamed (text to stdout as it arrives) or not (text at the end).
import type { Agent, RunResult } from "@signet/core";

export interface AskOptions {
  stream: boolean;
  /** Print the answer's text to stdout (false for --json, which prints the whole result instead). */
  printText: boolean;
  signal?: AbortSignal;
  /** The conversation so far (chat mode). */
  previous?: RunResult;
}

export async function ask(agent: Agent, question: string, options: AskOptions): Promise<RunResult> {
  const runOptions = { signal: options.signal, previous: options.previous };
  if (!options.stream) {
    const result = await agent.run(question, runOptions);
    if (options.printText) process.stdout.write(withNewline(result.text));
    return result;
  }
  const run = agent.stream(question, runOptions);
  let last = "\n";
  for await (const event of run) {
    if (event.type === "text_delta" && options.printText && event.text) {
      process.stdout.write(event.text);
      last = event.text;
    }
  }
  if (!last.endsWith("\n")) process.stdout.write("\n");
  return run.result;
}

const withNewline = (text: string) => (text === "" || text.endsWith("\n") ? text : `${text}\n`);
