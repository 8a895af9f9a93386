// The three tools a triage agent uses. The customer records and help-center articles are a stand-in
// for real systems; `set_ticket_triage` is the one with a side effect, so it is idempotent on the
// call id: a call the job already recorded is never recorded twice, whatever is retried or resumed.
import { defineTool } from "@signet/tools";
import { z } from "zod";
import type { ActionLog } from "./checkpoint-store.js";

const CUSTOMERS: Readonly<Record<string, { name: string; plan: string; since: string; vip: boolean }>> = {
  "C-100": { name: "Acme Corp", plan: "Pro", since: "2021-03-02", vip: true },
  "C-200": { name: "Globex", plan: "Enterprise", since: "2019-11-20", vip: true },
  "C-300": { name: "Initech", plan: "Starter", since: "2024-06-14", vip: false },
  "C-400": { name: "Umbrella", plan: "Pro", since: "2023-01-09", vip: false },
};

const ARTICLES = [
  {
    id: "KB-1",
    title: "Refunds for duplicate charges",
    keywords: ["charge", "charged", "refund", "billed", "twice"],
  },
  {
    id: "KB-2",
    title: "Invite teammates to a workspace",
    keywords: ["invite", "teammate", "colleague", "member"],
  },
  {
    id: "KB-3",
    title: "Unlock an account after a password reset",
    keywords: ["locked", "password", "login", "reset"],
  },
  {
    id: "KB-4",
    title: "Change the billing address on invoices",
    keywords: ["invoice", "address", "billing"],
  },
  {
    id: "KB-5",
    title: "Known issues with large exports and uploads",
    keywords: ["export", "upload", "large", "500", "csv"],
  },
];

export const lookupCustomer = defineTool({
  name: "lookup_customer",
  description: "Look up a customer record (name, plan, customer since, VIP) by customer id such as C-100.",
  parameters: z.object({ customer_id: z.string().describe("The customer id, e.g. C-100.") }),
  execute: ({ customer_id }) => {
    const customer = CUSTOMERS[customer_id];
    return customer ? { found: true, customer_id, ...customer } : { found: false, customer_id };
  },
});

export const searchHelpCenter = defineTool({
  name: "search_help_center",
  description: "Search the help-center articles for a support problem; returns the best matches.",
  parameters: z.object({ query: z.string().describe("What the customer's problem is about.") }),
  execute: ({ query }) => {
    const words = new Set(query.toLowerCase().match(/[a-z0-9]+/g) ?? []);
    const scored = ARTICLES.map((a) => ({ a, score: a.keywords.filter((k) => words.has(k)).length }))
      .filter((x) => x.score > 0)
      .sort((x, y) => y.score - x.score);
    return { articles: scored.slice(0, 2).map(({ a }) => ({ id: a.id, title: a.title })) };
  },
});

export const Triage = z.object({
  ticket_id: z.string().describe("The ticket id, e.g. T-1001."),
  priority: z.enum(["low", "normal", "high", "urgent"]),
  category: z.enum(["billing", "bug", "account", "how_to", "other"]),
  summary: z.string().describe("One sentence for the person who will handle the ticket."),
});

/** One per task: the action key is the task's id plus the call id (model-sent ids are only unique per run). */
export function setTicketTriage(actions: ActionLog, taskId: string) {
  return defineTool({
    name: "set_ticket_triage",
    description:
      "Record the triage decision for a ticket (priority, category, summary). Call it once per ticket.",
    parameters: Triage,
    execute: async (triage, { callId }) => {
      const recorded = await actions.record(`${taskId}/${callId}`, triage);
      return { recorded: true, duplicate: !recorded, ticket_id: triage.ticket_id };
    },
  });
}
