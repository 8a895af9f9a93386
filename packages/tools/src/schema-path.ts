// Paths into a schema, in argument terms: property names, `"[]"` for "each array item", and a
// number for the n-th branch of a union. `formatSchemaPath(["cities", "[]", "name"])` reads
// `cities[].name`, which is what a user looks for in their Zod schema.

export type SchemaPath = readonly (string | number)[];

/** The segment that stands for "every item of this array". */
export const ITEMS_SEGMENT = "[]";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatSchemaPath(path: SchemaPath): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `.anyOf[${segment}]`;
    else if (segment === ITEMS_SEGMENT) out += "[]";
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out.startsWith(".") ? out.slice(1) : out;
}

/**
 * Translates a JSON Schema location (as Zod's `override` hook or zod-to-json-schema report it,
 * e.g. `["properties", "a", "items"]`) into a `SchemaPath`.
 */
export function schemaPathFromJsonPath(jsonPath: readonly (string | number)[]): SchemaPath {
  const out: (string | number)[] = [];
  for (let i = 0; i < jsonPath.length; i++) {
    const segment = jsonPath[i];
    if (segment === "#") continue;
    if (segment === "properties" && i + 1 < jsonPath.length) {
      out.push(String(jsonPath[++i]));
    } else if (segment === "items" || segment === "additionalItems") {
      out.push(ITEMS_SEGMENT);
    } else if (
      (segment === "anyOf" || segment === "oneOf" || segment === "allOf") &&
      i + 1 < jsonPath.length
    ) {
      out.push(Number(jsonPath[++i]));
    } else if (segment === "prefixItems" && i + 1 < jsonPath.length) {
      out.push(ITEMS_SEGMENT);
      i++;
    } else if (segment === "additionalProperties") {
      out.push("{key}");
    } else if (segment === "$defs" || segment === "definitions") {
      i++; // a definition is reported where it is used; its name carries no argument path
    } else if (segment !== undefined) {
      out.push(segment);
    }
  }
  return out;
}
