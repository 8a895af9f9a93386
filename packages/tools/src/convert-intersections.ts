// Intersections (`allOf`). Of plain objects they mean one object with every property, which is
// exact; a property on both sides, or any other intersection, has no Gemini form.
import type { ConversionContext } from "./conversion-context.js";
import { isNode, type JsonSchemaNode } from "./json-schema-node.js";
import type { SchemaPath } from "./schema-path.js";

/** The merged object, or undefined when the members are not all plain objects. */
export function mergeObjectIntersection(
  ctx: ConversionContext,
  node: JsonSchemaNode,
  path: SchemaPath,
): JsonSchemaNode | undefined {
  const members = node.allOf as unknown[];
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const member of members) {
    const resolved = isNode(member) && typeof member.$ref === "string" ? ctx.resolve(member.$ref) : member;
    if (!isNode(resolved) || resolved.type !== "object" || !isNode(resolved.properties)) return undefined;
    if (resolved.additionalProperties !== undefined && resolved.additionalProperties !== false)
      return undefined;
    for (const [key, value] of Object.entries(resolved.properties)) {
      if (key in properties) {
        ctx.fail(
          "unsupported_keyword",
          [...path, key],
          "the property is defined on both sides of an intersection",
        );
      }
      properties[key] = value;
    }
    if (Array.isArray(resolved.required)) required.push(...(resolved.required as string[]));
  }
  const { allOf: _allOf, ...rest } = node;
  return { ...rest, type: "object", properties, required: [...new Set(required)] };
}

/** Zod writes several regexes on one string as `allOf: [{pattern}, {pattern}]`: a string, not an intersection. */
export function isPatternList(node: JsonSchemaNode): boolean {
  const members = node.allOf as unknown[];
  return (
    node.type === "string" && members.every((m) => isNode(m) && Object.keys(m).every((k) => k === "pattern"))
  );
}
