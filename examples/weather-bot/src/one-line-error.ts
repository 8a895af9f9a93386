// Any failure becomes one line on stderr: what went wrong and, where Signet says it, what to do.
// Signet's errors (provider, tools, core) all carry a normalized `code`; it is shown for searching.
import { isProviderError } from "@signet/provider";

export function oneLineError(error: unknown): string {
  let text: string;
  if (isProviderError(error)) {
    const facts = [
      error.code,
      error.status === undefined ? undefined : `HTTP ${error.status}`,
      error.gateway,
    ];
    text = `${error.message} (${facts.filter(Boolean).join(", ")})`;
  } else if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const plain = error.name === "Error" || error.name === "UsageError" || typeof code === "string";
    text = `${plain ? "" : `${error.name}: `}${error.message}${typeof code === "string" ? ` (${code})` : ""}`;
  } else {
    text = String(error);
  }
  return text.replace(/\s*\n\s*/g, " ").trim();
}
