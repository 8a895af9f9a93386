// References (`$ref` into `$defs`/`definitions`, or anywhere in the document): Gemini has no
// references, so each use is inlined. Annotations beside a `$ref` apply to that use only.
import type { ConversionContext, Result } from "./conversion-context.js";
import { TRUNCATED } from "./conversion-context.js";
import { isNode, type JsonSchemaNode } from "./json-schema-node.js";
import { annotate } from "./schema-annotations.js";
import type { SchemaPath } from "./schema-path.js";

export function convertRef(
  ctx: ConversionContext,
  node: JsonSchemaNode,
  ref: string,
  path: SchemaPath,
): Result {
  const target = ctx.resolve(ref);
  if (target === undefined)
    return ctx.fail("invalid_schema", path, `unresolvable $ref ${JSON.stringify(ref)}`);
  const { $ref: _ref, ...siblings } = node;
  const result = ctx.convert(target, path);
  if (result !== TRUNCATED && Object.keys(siblings).length > 0) annotate(ctx, siblings, result, path);
  return result;
}

/** Resolves a local JSON pointer (`#`, `#/$defs/Place`, `#/properties/a`) against `root`. */
export function resolvePointer(root: JsonSchemaNode, ref: string): JsonSchemaNode | undefined {
  if (!ref.startsWith("#")) return undefined;
  let current: unknown = root;
  for (const raw of ref.slice(1).split("/")) {
    if (raw === "") continue;
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return isNode(current) ? current : undefined;
}
