// Contents as the API checks them: some contents, roles `user` / `model` only, no empty `parts`,
// and each part holding one kind of data (two kinds are already refused by the payload reader).
import { type Content, PART_DATA_KEYS, type Part } from "@signet/provider";
import type { RequestIssue } from "./function-turns.js";

export function checkContents(
  contents: readonly Content[],
  systemInstruction: Content | undefined,
  issues: RequestIssue[],
): void {
  if (contents.length === 0) issues.push({ path: "contents", message: "contents is not specified" });
  contents.forEach((content, i) => {
    if (content.role !== undefined && content.role !== "user" && content.role !== "model") {
      issues.push({
        path: `contents[${i}].role`,
        message: `Please use a valid role: user, model. Got ${JSON.stringify(content.role)}.`,
      });
    }
    checkParts(content.parts, `contents[${i}]`, issues);
  });
  if (systemInstruction) checkParts(systemInstruction.parts, "system_instruction", issues);
}

function checkParts(parts: Part[] | undefined, path: string, issues: RequestIssue[]): void {
  if (!Array.isArray(parts) || parts.length === 0) {
    issues.push({ path: `${path}.parts`, message: "contents.parts must not be empty." });
    return;
  }
  parts.forEach((part, j) => {
    if (!PART_DATA_KEYS.some((k) => k in part)) {
      issues.push({
        path: `${path}.parts[${j}].data`,
        message: "required oneof field 'data' must have one initialized field",
      });
    }
  });
}
