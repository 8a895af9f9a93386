// Tools as the API checks them: one kind per Tool, valid declarations with unique names, the
// googleSearch / functionDeclarations rule per gateway and model, allowed function names.
import type { GenerateContentRequest } from "@signet/provider";
import { camelToSnake, isRecord } from "./field-names.js";
import { validateFunctionDeclaration } from "./function-declaration-validator.js";
import { type Findings, sortSchemaIssues } from "./issue-format.js";
import type { ValidationContext } from "./request-validator.js";

export function checkTools(
  request: GenerateContentRequest,
  ctx: ValidationContext,
  { issues, payload }: Findings,
): void {
  const dialect = ctx.schemaDialect ?? "api";
  const tools = (request.tools ?? []) as unknown as Record<string, unknown>[];
  const names = new Set<string>();
  let hasFunctions = false;
  let hasSearch = false;
  tools.forEach((tool, i) => {
    const kinds = Object.keys(tool);
    if (kinds.length !== 1) {
      issues.push({
        path: `tools[${i}]`,
        message:
          kinds.length === 0
            ? "required one_of 'tool_type' must have one initialized field"
            : `a Tool holds one kind of tool, found ${kinds.map(camelToSnake).join(" and ")}. Put each kind in its own Tool object.`,
      });
    }
    if ("googleSearch" in tool || "googleSearchRetrieval" in tool) hasSearch = true;
    const declarations = tool.functionDeclarations;
    if (!Array.isArray(declarations)) return;
    hasFunctions = hasFunctions || declarations.length > 0;
    declarations.forEach((decl, j) => {
      const path = `tools[${i}].function_declarations[${j}]`;
      sortSchemaIssues(validateFunctionDeclaration(decl, path, { dialect }), { issues, payload });
      const name = isRecord(decl) ? decl.name : undefined;
      if (typeof name === "string") {
        if (names.has(name)) {
          issues.push({ path: `${path}.name`, message: `Duplicate function declaration found: ${name}` });
        }
        names.add(name);
      }
    });
  });

  if (hasFunctions && hasSearch) {
    const combined = request.toolConfig?.includeServerSideToolInvocations === true;
    if (ctx.gateway !== "google") {
      issues.push({
        path: "tools",
        message: `googleSearch and functionDeclarations cannot be used together on ${ctx.gateway}: send one or the other (for example, run the search as a separate request).`,
      });
    } else if (ctx.traits.family !== "gemini-3") {
      issues.push({ path: "tools", message: "Tool use with function calling is unsupported" });
    } else if (!combined) {
      issues.push({
        path: "tool_config.include_server_side_tool_invocations",
        message:
          "Built-in tools (google_search) and function declarations can be combined only with tool_config.include_server_side_tool_invocations set to true.",
      });
    }
  }

  const fcc = request.toolConfig?.functionCallingConfig;
  fcc?.allowedFunctionNames?.forEach((name, k) => {
    if (!names.has(name)) {
      issues.push({
        path: `tool_config.function_calling_config.allowed_function_names[${k}]`,
        message: `"${name}" is not a declared function.`,
      });
    }
  });
  // Google documents the list for modes ANY and VALIDATED only.
  const mode = fcc?.mode?.toUpperCase();
  if ((fcc?.allowedFunctionNames?.length ?? 0) > 0 && mode !== "ANY" && mode !== "VALIDATED") {
    issues.push({
      path: "tool_config.function_calling_config.allowed_function_names",
      message: "allowed_function_names may be set only when mode is ANY or VALIDATED.",
    });
  }
}
