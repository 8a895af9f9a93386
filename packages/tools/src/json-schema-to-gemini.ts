// Step 2 of the conversion: JSON Schema (as Zod's generators write it) to the Gemini `Schema`
// subset, with uppercase types. One converter serves Zod 4, Zod 3, tool parameters and
// `responseSchema`. Every keyword is handled deliberately: carried over exactly, rewritten into an
// equivalent form, moved into the description (reported), or refused with its path.
import type { Schema, SchemaType } from "@signet/provider";
import type { ConversionAction, ConversionNote } from "./conversion-report.js";
import { type SchemaConversionCode, SchemaConversionError, type SchemaProblem } from "./schema-errors.js";
import { ITEMS_SEGMENT, type SchemaPath } from "./schema-path.js";
import type { EnumLiteral, WireCodec } from "./wire-codec.js";
import { encodeWire } from "./wire-codec.js";
import { CODEC_KEYWORD, type JsonSchemaNode, REGEX_FLAGS_KEYWORD } from "./zod-to-json-schema-input.js";

export interface GeminiConversionOptions {
  /**
   * How many times a recursive schema may nest inside itself before the converter stops
   * unrolling it. At the bound an optional property or a union branch is left out (reported);
   * anything else is a `recursion_limit` error. Default 3.
   */
  maxRecursionDepth?: number;
}

export interface GeminiConversion {
  /** Undefined only for an object with no properties (a function without arguments). */
  schema: Schema | undefined;
  codec: WireCodec | undefined;
  notes: ConversionNote[];
}

export const DEFAULT_MAX_RECURSION_DEPTH = 3;

/** Zod 4 bounds every `z.int()` by the safe-integer range; that is not the user's constraint. */
const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/** Formats Gemini accepts per type (the API answers 400 to others, e.g. `email` on STRING). */
const GEMINI_FORMATS: Partial<Record<SchemaType, readonly string[]>> = {
  STRING: ["date-time"],
  NUMBER: ["float", "double"],
  INTEGER: ["int32", "int64"],
};

const FORMAT_HINTS: Record<string, string> = {
  email: "an email address",
  uri: "a URL",
  url: "a URL",
  uuid: "a UUID",
  guid: "a GUID",
  date: "a date as YYYY-MM-DD",
  time: "a time as HH:MM[:SS[.s]]",
  duration: "an ISO 8601 duration",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  cidrv4: "an IPv4 CIDR range",
  cidrv6: "an IPv6 CIDR range",
  base64: "base64-encoded",
  base64url: "base64url-encoded",
};

/** Keywords with no meaning for a model or for validation: dropped without a note. */
const SILENT_KEYWORDS = new Set([
  "$schema",
  "$id",
  "$comment",
  "$anchor",
  "readOnly",
  "writeOnly",
  "deprecated",
  "id",
]);

const TRUNCATED: unique symbol = Symbol("truncated");
type Converted = { schema: Schema; codec: WireCodec | undefined };
type Result = Converted | typeof TRUNCATED;

type JsonType = "string" | "number" | "integer" | "boolean" | "null" | "object" | "array";

/** Keywords that belong to one JSON type, for splitting `type: ["string", "number"]` into branches. */
const TYPE_KEYWORDS: Record<JsonType, readonly string[]> = {
  string: ["minLength", "maxLength", "pattern", "format", "contentEncoding", "contentMediaType"],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"],
  integer: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"],
  boolean: [],
  null: [],
  object: [
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
  ],
  array: ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains"],
};
const ANNOTATIONS = [
  "description",
  "title",
  "default",
  "examples",
  "enum",
  "const",
  CODEC_KEYWORD,
  REGEX_FLAGS_KEYWORD,
];

function isNode(value: unknown): value is JsonSchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function jsonSchemaToGemini(
  root: JsonSchemaNode,
  options: GeminiConversionOptions = {},
): GeminiConversion {
  const converter = new Converter(root, options.maxRecursionDepth ?? DEFAULT_MAX_RECURSION_DEPTH);
  return converter.run();
}

class Converter {
  private readonly notes: ConversionNote[] = [];
  private readonly problems: SchemaProblem[] = [];
  /** How many times each node is being expanded on the current path (recursion bound). */
  private readonly active = new Map<JsonSchemaNode, number>();

  constructor(
    private readonly root: JsonSchemaNode,
    private readonly maxDepth: number,
  ) {}

  run(): GeminiConversion {
    const isEmptyObject =
      this.root.type === "object" &&
      Object.keys(isNode(this.root.properties) ? this.root.properties : {}).length === 0 &&
      (this.root.additionalProperties === undefined || this.root.additionalProperties === false) &&
      this.root.propertyNames === undefined;
    if (isEmptyObject) return { schema: undefined, codec: undefined, notes: [] };
    const result = this.convert(this.root, []);
    const [first, ...rest] = this.problems;
    if (first !== undefined) throw new SchemaConversionError([first, ...rest]);
    if (result === TRUNCATED) {
      throw new SchemaConversionError([
        { code: "recursion_limit", path: [], message: "the root is truncated" },
      ]);
    }
    return { schema: result.schema, codec: result.codec, notes: this.notes };
  }

  private fail(code: SchemaConversionCode, path: SchemaPath, message: string): Converted {
    this.problems.push({ code, path, message });
    return { schema: { type: "STRING" }, codec: undefined };
  }

  private note(path: SchemaPath, constraint: string, action: ConversionAction, message: string): void {
    this.notes.push({ path, constraint, action, message });
  }

  private convert(input: unknown, path: SchemaPath): Result {
    if (
      input === true ||
      (isNode(input) &&
        Object.keys(input).every((k) => SILENT_KEYWORDS.has(k) || k === "description" || k === "title"))
    ) {
      return this.fail(
        "untyped_value",
        path,
        "z.any()/z.unknown() (or an empty schema) has no Gemini form: Gemini needs a type; give the value a concrete schema",
      );
    }
    if (!isNode(input))
      return this.fail(
        "unsupported_keyword",
        path,
        "a schema that accepts nothing (`false`) has no Gemini form",
      );
    if (typeof input.$ref === "string") return this.convertRef(input, input.$ref, path);

    const count = this.active.get(input) ?? 0;
    if (count >= this.maxDepth) return TRUNCATED;
    this.active.set(input, count + 1);
    try {
      const result = this.convertNode(input, path);
      if (result !== TRUNCATED) this.annotate(input, result, path);
      return result;
    } finally {
      if (count === 0) this.active.delete(input);
      else this.active.set(input, count);
    }
  }

  private convertRef(node: JsonSchemaNode, ref: string, path: SchemaPath): Result {
    const target = this.resolve(ref);
    if (target === undefined)
      return this.fail("invalid_schema", path, `unresolvable $ref ${JSON.stringify(ref)}`);
    const { $ref: _ref, ...siblings } = node;
    if (Object.keys(siblings).length === 0) return this.convert(target, path);
    // Annotations beside a $ref (a description on a reused schema) apply on top of the target.
    const result = this.convert(target, path);
    if (result !== TRUNCATED) this.annotate(siblings, result, path);
    return result;
  }

  private resolve(ref: string): JsonSchemaNode | undefined {
    if (!ref.startsWith("#")) return undefined;
    let current: unknown = this.root;
    for (const raw of ref
      .slice(1)
      .split("/")
      .filter((s) => s !== "")) {
      const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isNode(current) && !Array.isArray(current)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return isNode(current) ? current : undefined;
  }

  private convertNode(node: JsonSchemaNode, path: SchemaPath): Result {
    for (const keyword of [
      "not",
      "if",
      "then",
      "else",
      "dependentSchemas",
      "dependentRequired",
      "patternProperties",
      "unevaluatedProperties",
      "unevaluatedItems",
      "contains",
    ]) {
      if (node[keyword] !== undefined) {
        return this.fail(
          "unsupported_keyword",
          path,
          `the JSON Schema keyword \`${keyword}\` has no Gemini form`,
        );
      }
    }
    if (Array.isArray(node.allOf) && !isPatternList(node)) {
      const merged = this.mergeAllOf(node, path);
      return merged === undefined
        ? this.fail(
            "unsupported_keyword",
            path,
            "an intersection (`allOf`) that is not of plain objects has no Gemini form",
          )
        : this.convert(merged, path);
    }
    if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) return this.convertUnion(node, path);
    if (node.enum !== undefined || node.const !== undefined) return this.convertEnum(node, path);
    if (Array.isArray(node.type)) return this.convertTypeArray(node, node.type as JsonType[], path);
    switch (node.type) {
      case "string":
        return this.convertString(node, path);
      case "number":
      case "integer":
        return this.convertNumber(node, node.type, path);
      case "boolean":
        return this.leaf(node, "BOOLEAN", [], path);
      case "null":
        return this.leaf(node, "NULL", [], path);
      case "array":
        return this.convertArray(node, path);
      case "object":
        return this.convertObject(node, path);
      default:
        if (node.properties !== undefined) return this.convertObject(node, path);
        return this.fail(
          "untyped_value",
          path,
          "z.any()/z.unknown() (or a schema without a type) has no Gemini form: Gemini needs a type; give the value a concrete schema",
        );
    }
  }

  /** Notes every keyword of `node` outside `handled` (and the annotations) as dropped. */
  private leaf(
    node: JsonSchemaNode,
    type: SchemaType,
    handled: readonly string[],
    path: SchemaPath,
  ): Converted {
    this.dropUnhandled(node, ["type", ...handled], path);
    return { schema: { type }, codec: undefined };
  }

  private dropUnhandled(node: JsonSchemaNode, handled: readonly string[], path: SchemaPath): void {
    for (const key of Object.keys(node)) {
      if (handled.includes(key) || ANNOTATIONS.includes(key) || SILENT_KEYWORDS.has(key)) continue;
      if (key === "$defs" || key === "definitions" || key === "additionalProperties") continue;
      this.note(path, key, "dropped", `the keyword \`${key}\` has no Gemini form; Zod still enforces it`);
    }
  }

  // ---- annotations ----

  private annotate(node: JsonSchemaNode, result: Converted, path: SchemaPath): void {
    const schema = result.schema;
    if (typeof node.title === "string") schema.title = node.title;
    if (typeof node.description === "string") {
      // A hint the converter already put there (e.g. "Constraints: ...") stays after the user's text.
      schema.description = schema.description
        ? `${node.description} ${schema.description}`
        : node.description;
    }
    if (node.default !== undefined) {
      const encoded = encodeWire(node.default, result.codec);
      if (encoded !== undefined) schema.default = encoded;
    }
    if (Array.isArray(node.examples) && node.examples.length > 0) {
      schema.example = encodeWire(node.examples[0], result.codec);
      if (node.examples.length > 1)
        this.note(path, "examples", "dropped", "Gemini takes one example; the first is kept");
    }
  }

  private addHint(schema: Schema, hint: string): void {
    const prefix = "Constraints: ";
    if (schema.description?.startsWith(prefix)) {
      schema.description = `${schema.description.slice(0, -1)}; ${hint}.`;
    } else {
      schema.description = `${prefix}${hint}.`;
    }
  }

  private moveToDescription(schema: Schema, path: SchemaPath, constraint: string, hint: string): void {
    this.addHint(schema, hint);
    this.note(path, constraint, "moved-to-description", hint);
  }

  // ---- strings ----

  private convertString(node: JsonSchemaNode, path: SchemaPath): Converted {
    const schema: Schema = { type: "STRING" };
    const codec: WireCodec | undefined = node[CODEC_KEYWORD] === "date" ? { kind: "date" } : undefined;
    const minLength = num(node.minLength);
    const maxLength = num(node.maxLength);
    if (minLength !== undefined) schema.minLength = minLength;
    if (maxLength !== undefined) schema.maxLength = maxLength;

    const format = typeof node.format === "string" ? node.format : undefined;
    if (format !== undefined) {
      if (GEMINI_FORMATS.STRING?.includes(format)) schema.format = format;
      else
        this.moveToDescription(
          schema,
          path,
          "format",
          `must be ${FORMAT_HINTS[format] ?? `in the format "${format}"`}`,
        );
    }
    if (codec !== undefined) {
      this.note(
        path,
        "date",
        "encoded",
        "a Date is sent as an ISO 8601 date-time string and decoded back to a Date",
      );
    }

    const flags = isNode(node[REGEX_FLAGS_KEYWORD])
      ? (node[REGEX_FLAGS_KEYWORD] as Record<string, string>)
      : {};
    const patterns: string[] = [];
    if (typeof node.pattern === "string") patterns.push(node.pattern);
    // A format's own regex (Zod adds one to `email`, `uuid`, `date-time`...) is stated by the format.
    if (format !== undefined && patterns.length > 0) {
      this.note(
        path,
        "pattern",
        "dropped",
        `the regular expression Zod attaches to format "${format}" is left out; Zod still checks it`,
      );
      patterns.length = 0;
    }
    for (const extra of Array.isArray(node.allOf) ? node.allOf : []) {
      if (isNode(extra) && typeof extra.pattern === "string") patterns.push(extra.pattern);
    }
    for (const pattern of patterns) {
      const patternFlags = flags[pattern];
      if (patternFlags !== undefined) {
        this.moveToDescription(schema, path, "pattern", `must match /${pattern}/${patternFlags}`);
      } else if (schema.pattern === undefined) {
        schema.pattern = pattern;
      } else {
        this.moveToDescription(schema, path, "pattern", `must also match /${pattern}/`);
      }
    }
    if (typeof node.contentEncoding === "string" && format === undefined) {
      this.moveToDescription(schema, path, "contentEncoding", `must be ${node.contentEncoding}-encoded`);
    }
    this.dropUnhandled(
      node,
      ["type", "minLength", "maxLength", "format", "pattern", "allOf", "contentEncoding"],
      path,
    );
    return { schema, codec };
  }

  // ---- numbers ----

  private convertNumber(node: JsonSchemaNode, jsonType: "number" | "integer", path: SchemaPath): Converted {
    const isInt = jsonType === "integer";
    const schema: Schema = { type: isInt ? "INTEGER" : "NUMBER" };
    let minimum = num(node.minimum);
    let maximum = num(node.maximum);
    // Zod 4's safe-integer bounds on every int are not a constraint worth showing.
    if (isInt && minimum === -SAFE_MAX) minimum = undefined;
    if (isInt && maximum === SAFE_MAX) maximum = undefined;
    // Nor are z.float64()'s bounds (every finite double).
    if (minimum === -Number.MAX_VALUE) minimum = undefined;
    if (maximum === Number.MAX_VALUE) maximum = undefined;
    const exclusiveMinimum = num(node.exclusiveMinimum);
    const exclusiveMaximum = num(node.exclusiveMaximum);
    if (exclusiveMinimum !== undefined && (minimum === undefined || exclusiveMinimum >= minimum)) {
      if (isInt)
        minimum = Math.floor(exclusiveMinimum) + 1; // exact for integers
      else {
        minimum = exclusiveMinimum;
        this.moveToDescription(schema, path, "exclusiveMinimum", `must be greater than ${exclusiveMinimum}`);
      }
    }
    if (exclusiveMaximum !== undefined && (maximum === undefined || exclusiveMaximum <= maximum)) {
      if (isInt) maximum = Math.ceil(exclusiveMaximum) - 1;
      else {
        maximum = exclusiveMaximum;
        this.moveToDescription(schema, path, "exclusiveMaximum", `must be less than ${exclusiveMaximum}`);
      }
    }
    if (minimum !== undefined) schema.minimum = minimum;
    if (maximum !== undefined) schema.maximum = maximum;
    const multipleOf = num(node.multipleOf);
    if (multipleOf !== undefined && !(isInt && multipleOf === 1)) {
      this.moveToDescription(schema, path, "multipleOf", `must be a multiple of ${multipleOf}`);
    }
    if (typeof node.format === "string") {
      const allowed = GEMINI_FORMATS[schema.type as SchemaType] ?? [];
      if (allowed.includes(node.format)) schema.format = node.format;
      else if (node.format !== "safeint") {
        this.note(
          path,
          "format",
          "dropped",
          `number format "${node.format}" has no Gemini form; its bounds are kept`,
        );
      }
    }
    this.dropUnhandled(
      node,
      ["type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "format"],
      path,
    );
    return { schema, codec: undefined };
  }

  // ---- enums and literals ----

  private convertEnum(node: JsonSchemaNode, path: SchemaPath): Converted {
    const values: unknown[] = Array.isArray(node.enum) ? node.enum : [node.const];
    if (Array.isArray(node.enum) && node.const !== undefined) values.push(node.const);
    let nullable = false;
    const literals: EnumLiteral[] = [];
    for (const value of values) {
      if (value === null) nullable = true;
      else if (
        typeof value === "string" ||
        typeof value === "boolean" ||
        (typeof value === "number" && Number.isFinite(value))
      ) {
        if (!literals.some((l) => Object.is(l, value))) literals.push(value);
      } else {
        return this.fail(
          "unsupported_keyword",
          path,
          `the enum value ${JSON.stringify(value)} is not a string, number or boolean`,
        );
      }
    }
    this.dropUnhandled(node, ["type", ...TYPE_KEYWORDS.string], path);
    if (literals.length === 0) return { schema: { type: "NULL" }, codec: undefined };
    const wire = literals.map((l) => String(l));
    const seen = new Map<string, EnumLiteral>();
    for (const [i, w] of wire.entries()) {
      const other = seen.get(w);
      if (other !== undefined) {
        return this.fail(
          "enum_collision",
          path,
          `the values ${JSON.stringify(other)} and ${JSON.stringify(literals[i])} both become "${w}" (Gemini enums are strings); keep one of them`,
        );
      }
      seen.set(w, literals[i] as EnumLiteral);
    }
    const schema: Schema = { type: "STRING", enum: wire };
    if (nullable) schema.nullable = true;
    if (literals.every((l) => typeof l === "string")) return { schema, codec: undefined };
    this.note(
      path,
      "enum",
      "encoded",
      `non-string values are sent as strings (${wire.map((w) => `"${w}"`).join(", ")}) and decoded back`,
    );
    return { schema, codec: { kind: "enum", fromWire: seen } };
  }

  // ---- unions ----

  private convertTypeArray(node: JsonSchemaNode, types: JsonType[], path: SchemaPath): Result {
    // `type: ["string", "null"]` and friends: one branch per type, each with its own keywords.
    const branches = types.map((type) => {
      const branch: JsonSchemaNode = { type };
      for (const key of TYPE_KEYWORDS[type] ?? []) if (node[key] !== undefined) branch[key] = node[key];
      if (node[CODEC_KEYWORD] !== undefined && type === "string") branch[CODEC_KEYWORD] = node[CODEC_KEYWORD];
      return branch;
    });
    const rest: JsonSchemaNode = {};
    for (const key of Object.keys(node)) {
      if (key !== "type" && !types.some((t) => TYPE_KEYWORDS[t]?.includes(key))) rest[key] = node[key];
    }
    return this.convertUnion({ ...rest, anyOf: branches }, path);
  }

  private convertUnion(node: JsonSchemaNode, path: SchemaPath): Result {
    const isOneOf = !Array.isArray(node.anyOf);
    const inputs = (isOneOf ? node.oneOf : node.anyOf) as unknown[];
    let nullable = false;
    const branches: Converted[] = [];
    for (const [i, input] of inputs.entries()) {
      const result = this.convert(input, [...path, i]);
      if (result === TRUNCATED) {
        this.note(
          [...path, i],
          "$ref",
          "truncated",
          `this branch recurses deeper than ${this.maxDepth} levels and is left out`,
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
    const others = Object.keys(node).filter((k) => k !== "anyOf" && k !== "oneOf");
    this.dropUnhandled(Object.fromEntries(others.map((k) => [k, node[k]])), [], path);
    if (isOneOf && branches.length > 1 && !isDiscriminated(branches.map((b) => b.schema))) {
      this.note(
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
    const codec: WireCodec | undefined = branches.some((b) => b.codec !== undefined)
      ? { kind: "anyOf", branches: branches.map((b) => ({ schema: b.schema, codec: b.codec })) }
      : undefined;
    return { schema: { anyOf: branches.map((b) => b.schema) }, codec };
  }

  /** Merges `allOf` members that are all plain objects (what an intersection of objects means). */
  private mergeAllOf(node: JsonSchemaNode, path: SchemaPath): JsonSchemaNode | undefined {
    const members = node.allOf as unknown[];
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const member of members) {
      const resolved = isNode(member) && typeof member.$ref === "string" ? this.resolve(member.$ref) : member;
      if (!isNode(resolved) || resolved.type !== "object" || !isNode(resolved.properties)) return undefined;
      if (resolved.additionalProperties !== undefined && resolved.additionalProperties !== false)
        return undefined;
      for (const [key, value] of Object.entries(resolved.properties)) {
        if (key in properties) {
          this.problems.push({
            code: "unsupported_keyword",
            path: [...path, key],
            message: "the property is defined on both sides of an intersection",
          });
        }
        properties[key] = value;
      }
      if (Array.isArray(resolved.required)) required.push(...(resolved.required as string[]));
    }
    const { allOf: _allOf, ...rest } = node;
    return { ...rest, type: "object", properties, required: [...new Set(required)] };
  }

  // ---- arrays ----

  private convertArray(node: JsonSchemaNode, path: SchemaPath): Result {
    if (Array.isArray(node.prefixItems) || Array.isArray(node.items)) {
      return this.fail(
        "tuple",
        path,
        "tuples have no Gemini form; use an object with named fields, or z.array",
      );
    }
    if (node.items === undefined) {
      return this.fail(
        "untyped_value",
        path,
        "an array needs an item schema for Gemini; give z.array a concrete item type",
      );
    }
    const items = this.convert(node.items, [...path, ITEMS_SEGMENT]);
    // The array stands or falls with its items: an optional array property is left out at the bound.
    if (items === TRUNCATED) return TRUNCATED;
    const schema: Schema = { type: "ARRAY", items: items.schema };
    const minItems = num(node.minItems);
    const maxItems = num(node.maxItems);
    if (minItems !== undefined && minItems > 0) schema.minItems = minItems;
    if (maxItems !== undefined) schema.maxItems = maxItems;
    if (node.uniqueItems === true)
      this.moveToDescription(schema, path, "uniqueItems", "items must be unique");
    this.dropUnhandled(node, ["type", "items", "minItems", "maxItems", "uniqueItems"], path);
    return { schema, codec: items.codec === undefined ? undefined : { kind: "array", items: items.codec } };
  }

  // ---- objects ----

  private convertObject(node: JsonSchemaNode, path: SchemaPath): Converted {
    let props: Record<string, unknown> = isNode(node.properties) ? { ...node.properties } : {};
    let required = Array.isArray(node.required) ? (node.required as string[]) : [];
    const additional = node.additionalProperties;
    const freeValue = isNode(additional) && Object.keys(additional).length > 0;
    const keyEnum =
      isNode(node.propertyNames) && Array.isArray(node.propertyNames.enum)
        ? node.propertyNames.enum
        : undefined;

    if (keyEnum !== undefined && freeValue) {
      // A record over a finite key set (z.record(z.enum([...]), V)) is an object with those keys.
      for (const key of keyEnum) if (typeof key === "string" && !(key in props)) props[key] = additional;
    } else if (freeValue || node.propertyNames !== undefined) {
      return this.fail(
        "free_keys",
        path,
        "records, maps and catchall objects have keys Gemini cannot describe; list the keys with z.object, use z.record(z.enum([...]), V), or take an array of {key, value} objects",
      );
    } else if (additional === true || (isNode(additional) && !freeValue)) {
      this.note(
        path,
        "additionalProperties",
        "dropped",
        "extra keys the schema allows (loose/passthrough) are not offered to the model",
      );
    }
    if (Object.keys(props).length === 0) {
      return this.fail(
        "empty_object",
        path,
        "Gemini refuses an OBJECT without properties; remove the field or give the object at least one property",
      );
    }

    const schema: Schema = { type: "OBJECT", properties: {} };
    const properties = schema.properties!;
    const codecs = new Map<string, WireCodec>();
    for (const [key, value] of Object.entries(props)) {
      const result = this.convert(value, [...path, key]);
      if (result === TRUNCATED) {
        if (required.includes(key)) {
          this.fail(
            "recursion_limit",
            [...path, key],
            `the schema recurses deeper than ${this.maxDepth} levels through a required property; make it optional or nullable, or raise maxRecursionDepth`,
          );
        } else {
          this.note(
            [...path, key],
            "$ref",
            "truncated",
            `recursion deeper than ${this.maxDepth} levels: this optional property is left out here`,
          );
        }
        continue;
      }
      properties[key] = result.schema;
      if (result.codec !== undefined) codecs.set(key, result.codec);
    }
    props = properties;
    required = required.filter((key) => key in props);
    schema.propertyOrdering = Object.keys(properties);
    if (required.length > 0) schema.required = required;
    const minProperties = num(node.minProperties);
    const maxProperties = num(node.maxProperties);
    if (minProperties !== undefined) schema.minProperties = minProperties;
    if (maxProperties !== undefined) schema.maxProperties = maxProperties;
    this.dropUnhandled(
      node,
      ["type", "properties", "required", "propertyNames", "minProperties", "maxProperties"],
      path,
    );
    return { schema, codec: codecs.size > 0 ? { kind: "object", properties: codecs } : undefined };
  }
}

/** True when every branch is an object with one shared required key whose enum values are disjoint. */
function isDiscriminated(branches: Schema[]): boolean {
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

/** Zod writes several regexes on one string as `allOf: [{pattern}, {pattern}]`. */
function isPatternList(node: JsonSchemaNode): boolean {
  const members = node.allOf as unknown[];
  return (
    node.type === "string" && members.every((m) => isNode(m) && Object.keys(m).every((k) => k === "pattern"))
  );
}
