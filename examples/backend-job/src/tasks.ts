// The job's input: one support ticket per JSONL line. A line that is not a valid ticket becomes a
// failed task with the line number and what is wrong, never a crash of the whole job.
import { readFile } from "node:fs/promises";
import { z } from "zod";

export const Ticket = z.object({
  id: z.string().regex(/^[\w.-]{1,64}$/, "ids are 1-64 letters, digits, _ . -"),
  customer: z.string().min(1),
  subject: z.string().min(1),
  body: z.string().min(1),
});
export type Ticket = z.infer<typeof Ticket>;

export type Task =
  | { line: number; ok: true; ticket: Ticket }
  | { line: number; ok: false; id: string; error: string };

export async function readTasks(path: string): Promise<Task[]> {
  const text = await readFile(path, "utf8");
  const tasks: Task[] = [];
  const seen = new Set<string>();
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      tasks.push({ line, ok: false, id: `line-${line}`, error: `line ${line} is not JSON` });
      return;
    }
    const parsed = Ticket.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((x) => `${x.path.join(".") || "(line)"}: ${x.message}`)
        .join("; ");
      tasks.push({ line, ok: false, id: `line-${line}`, error: `line ${line} is not a ticket (${issues})` });
    } else if (seen.has(parsed.data.id)) {
      tasks.push({
        line,
        ok: false,
        id: `line-${line}`,
        error: `line ${line} repeats ticket id ${parsed.data.id}`,
      });
    } else {
      seen.add(parsed.data.id);
      tasks.push({ line, ok: true, ticket: parsed.data });
    }
  });
  return tasks;
}

export function ticketPrompt(ticket: Ticket): string {
  return [
    `Triage support ticket ${ticket.id} from customer ${ticket.customer}.`,
    `Subject: ${ticket.subject}`,
    ticket.body,
  ].join("\n");
}
