// How the API words a refused request: payload (parser) messages as they are, semantic ones one
// line per issue, `* GenerateContentRequest.<path>: <message>`.
import type { RequestIssue } from "./function-turns.js";
import type { PayloadIssue } from "./payload-reader.js";
import type { SchemaIssue } from "./schema-validator.js";

export function formatIssues(
  stage: "payload" | "semantic",
  issues: readonly (PayloadIssue | RequestIssue)[],
): string {
  if (stage === "payload") return issues.map((i) => i.message).join("\n");
  return issues
    .map((i) => (i.path ? `* GenerateContentRequest.${i.path}: ${i.message}` : i.message))
    .join("\n");
}

/** What the checks of one request found: parser-stage issues (they win) and semantic ones. */
export interface Findings {
  issues: RequestIssue[];
  payload: PayloadIssue[];
}

/** Unknown names become payload errors worded like the JSON parser's; the rest stay semantic. */
export function sortSchemaIssues(found: SchemaIssue[], { issues, payload }: Findings): void {
  for (const issue of found) {
    if (issue.code === "unknown-field") {
      payload.push({
        path: issue.path,
        message: `Invalid JSON payload received. Unknown name "${issue.field}" at '${issue.path}': Cannot find field.`,
      });
    } else issues.push({ path: issue.path, message: issue.message });
  }
}
