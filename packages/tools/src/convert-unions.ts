// Unions: `anyOf`, `oneOf` and type arrays (`type: ["string", "null"]`) become one flat Gemini
// `anyOf`; a `null` branch becomes `nullable` on the others. `oneOf` is exact as `anyOf` only when
// the branches exclude each other (a discriminated union); otherwise the difference is reported.
import type { Schema } from "@signet/provider";
import {
  type ConversionContext,
  type Converted,
  dropUnhandled,
  type Result,
  TRUNCATED,
} from "./conversion-context.js";
import { isNode, type JsonSchemaNode, type JsonType, TYPE_KEYWORDS } from "./json-schema-node.js";
import type { SchemaPath } from "./schema-path.js";
import { decodesAmbiguously } from "./union-ambiguity.js";
import type { WireCodec } from "./wire-codec.js";

/** `type: ["string", "number"]`: one branch per type, each with the keywords that belong to it. */
export function convertTypeArray(
  ctx: ConversionContext,
  node: JsonSchemaNode,
  types: readonly JsonType[],
  path: SchemaPath,
): Result {
  const branches = types.map((type) => {
    const branch: JsonSchemaNode = { type };
    for (const key of TYPE_KEYWORDS[type] ?? []) if (node[key] !== undefined) branch[key] = node[key];
    return branch;
  });
  const rest: JsonSchemaNode = {};
  for (const key of Object.keys(node)) {
    if (key !== "type" && !types.some((t) => TYPE_KEYWORDS[t]?.includes(key))) rest[key] = node[key];
  }
  return convertUnion(ctx, { ...rest, anyOf: branches }, path);
}

export function convertUnion(ctx: ConversionContext, node: JsonSchemaNode, path: SchemaPath): Result {
  const isOneOf = !Array.isArray(node.anyOf);
  const inherited = inheritedTypeKeywords(node);
  const inputs = ((isOneOf ? node.oneOf : node.anyOf) as unknown[]).map((branch) =>
    inherited !== undefined && isNode(branch) && branch.type === undefined && branch.$ref === undefined
      ? { ...inherited, ...branch }
      : branch,
  );
  let nullable = false;
  const branches: Converted[] = [];
  // `X | null` becomes X with `nullable`: X's notes belong at the union's own path, not at a branch
  // index the output will not have.
  const collapses = inputs.filter((input) => !isNullNode(input)).length === 1;
  for (const [i, input] of inputs.entries()) {
    const result = ctx.convert(input, collapses ? path : [...path, i]);
    if (result === TRUNCATED) {
      ctx.note(
        [...path, i],
        "$ref",
        "truncated",
        `this branch recurses deeper than ${ctx.maxDepth} levels and is left out`,
      );
      continue;
    }
    const { schema } = result;
    if (schema.type === "NULL" && Object.keys(schema).length === 1) {
      nullable = true;
      continue;
    }
    if (schema.nullable) nullable = true;
    // Flatten nested unions so the model sees one list of alternatives.
    if (schema.anyOf && Object.keys(schema).every((k) => k === "anyOf" || k === "nullable")) {
      const codec = result.codec;
      for (const [j, inner] of schema.anyOf.entries()) {
        const innerCodec = codec?.kind === "anyOf" ? codec.branches[j]?.codec : undefined;
        branches.push({ schema: inner, codec: innerCodec });
      }
    } else {
      branches.push(result);
    }
  }
  const others = Object.keys(node).filter(
    (k) => k !== "anyOf" && k !== "oneOf" && !(inherited && k in inherited),
  );
  dropUnhandled(ctx, Object.fromEntries(others.map((k) => [k, node[k]])), [], path);
  if (isOneOf && branches.length > 1 && !isDiscriminated(branches.map((b) => b.schema))) {
    ctx.note(
      path,
      "oneOf",
      "dropped",
      "exactly-one-of is offered as any-of; Zod still rejects a value matching several",
    );
  }
  if (branches.length === 0) return nullable ? { schema: { type: "NULL" }, codec: undefined } : TRUNCATED;
  if (branches.length === 1) {
    const only = branches[0]!;
    if (nullable) only.schema.nullable = true;
    return only;
  }
  if (nullable)
    for (const branch of branches) if (branch.schema.type !== "NULL") branch.schema.nullable = true;
  noteAmbiguousBranches(ctx, branches, path);
  const codec: WireCodec | undefined = branches.some((b) => b.codec !== undefined)
    ? { kind: "anyOf", branches: branches.map((b) => ({ schema: b.schema, codec: b.codec })) }
    : undefined;
  return { schema: { anyOf: branches.map((b) => b.schema) }, codec };
}

function isNullNode(input: unknown): boolean {
  return isNode(input) && input.type === "null" && Object.keys(input).length === 1;
}

/**
 * `{type: "string", anyOf: [{format: "ipv4"}, {format: "ipv6"}]}` (Zod 3's `.ip()`): the type and
 * its keywords hold for every branch, so branches without a type of their own take them.
 */
function inheritedTypeKeywords(node: JsonSchemaNode): JsonSchemaNode | undefined {
  if (typeof node.type !== "string") return undefined;
  const type = node.type as JsonType;
  const inherited: JsonSchemaNode = { type };
  for (const key of TYPE_KEYWORDS[type] ?? []) if (node[key] !== undefined) inherited[key] = node[key];
  return inherited;
}

/** Reports each branch whose wire values an earlier branch also takes and decodes differently. */
function noteAmbiguousBranches(
  ctx: ConversionContext,
  branches: readonly Converted[],
  path: SchemaPath,
): void {
  for (let j = 1; j < branches.length; j++) {
    const i = branches.slice(0, j).findIndex((earlier) => decodesAmbiguously(earlier, branches[j]!));
    if (i === -1) continue;
    ctx.note(
      [...path, j],
      "anyOf",
      "ambiguous",
      `some values the model sends for this branch also fit branch ${i}, which decodes them differently; they are read as branch ${i} (the first that fits, as a Zod union picks). Make the branches distinct (e.g. with a discriminator) or reorder them`,
    );
  }
}

/** True when every branch is an object with one shared required key whose enum values are disjoint. */
function isDiscriminated(branches: readonly Schema[]): boolean {
  const first = branches[0];
  if (first?.type !== "OBJECT") return false;
  for (const key of first.required ?? []) {
    const seen = new Set<string>();
    let ok = true;
    for (const branch of branches) {
      const values =
        branch.type === "OBJECT" && branch.required?.includes(key)
          ? branch.properties?.[key]?.enum
          : undefined;
      if (values === undefined || values.some((v) => seen.has(v))) {
        ok = false;
        break;
      }
      for (const v of values) seen.add(v);
    }
    if (ok) return true;
  }
  return false;
}
