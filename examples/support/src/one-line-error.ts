// Any failure as one line: what went wrong and, where Signet says it, what to do. Signet's errors
// (provider, tools, core) carry a normalized `code`, shown for searching; a provider error's message
// already names the gateway and the HTTP status (added when it does not). Only an unexpected error
// (a TypeError...) shows its name.
import { isProviderError } from "@signet/provider";

const EXPECTED = new Set(["Error", "UsageError", "InterruptedError"]);

export function oneLineError(error: unknown): string {
  let text: string;
  if (isProviderError(error)) {
    const status = error.status === undefined ? "" : `HTTP ${error.status}`;
    const facts = status && !error.message.includes(status) ? `${error.code}, ${status}` : error.code;
    text = `${error.message} (${facts})`;
  } else if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const named = !EXPECTED.has(error.name) && typeof code !== "string";
    text = `${named ? `${error.name}: ` : ""}${error.message}${typeof code === "string" ? ` (${code})` : ""}`;
  } else {
    text = String(error);
  }
  return text.replace(/\s*\n\s*/g, " ").trim();
}
