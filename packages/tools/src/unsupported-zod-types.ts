// Zod types with no JSON form, and what to use instead. Both generators would write `{}` (or
// stop at the first), so step 1 collects them with their paths.

/** By Zod 4 `def.type`. */
export const UNSUPPORTED_ZOD4: Readonly<Record<string, string>> = {
  bigint: "bigint has no JSON form; take a string or an integer and convert it in execute",
  symbol: "symbols have no JSON form",
  undefined: "undefined has no JSON form; use .optional() on the property instead",
  void: "void has no JSON form; use .optional() on the property instead",
  never: "never accepts no value; remove the property",
  map: "a Map has free keys; use z.object with the keys listed, or an array of {key, value} objects",
  set: "a Set has no Gemini form; use z.array",
  function: "functions cannot be sent by a model",
  promise: "promises cannot be sent by a model; use the value's own schema",
  nan: "NaN has no JSON form",
  custom: "z.custom/z.instanceof has no JSON form; use a concrete schema",
  file: "files cannot be sent as function arguments",
};

/** By Zod 3 `_def.typeName`. */
export const UNSUPPORTED_ZOD3: Readonly<Record<string, string | undefined>> = {
  ZodBigInt: UNSUPPORTED_ZOD4.bigint,
  ZodSymbol: UNSUPPORTED_ZOD4.symbol,
  ZodUndefined: UNSUPPORTED_ZOD4.undefined,
  ZodVoid: UNSUPPORTED_ZOD4.void,
  ZodNever: UNSUPPORTED_ZOD4.never,
  ZodMap: UNSUPPORTED_ZOD4.map,
  ZodSet: UNSUPPORTED_ZOD4.set,
  ZodFunction: UNSUPPORTED_ZOD4.function,
  ZodPromise: UNSUPPORTED_ZOD4.promise,
  ZodNaN: UNSUPPORTED_ZOD4.nan,
};
