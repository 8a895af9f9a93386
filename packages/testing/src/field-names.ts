// The real API parses requests as protobuf JSON: every field may be written with its JSON name
// (lowerCamelCase) or its proto name (snake_case). Both spellings name the same field.

/** `function_call` -> `functionCall`; names without `_` come back unchanged. */
export function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** `functionCall` -> `function_call`: how the real API writes field paths in its messages. */
export function camelToSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Joins a field path the way the API prints it: `a.b`, `a[0]`, `properties[city]`. */
export function joinPath(base: string, segment: string): string {
  if (base === "") return segment;
  return segment.startsWith("[") ? `${base}${segment}` : `${base}.${segment}`;
}
