// Which Zod major a schema value comes from. Zod 4 schemas carry `_zod`; Zod 3 (`zod/v3`) ones
// carry `_def` and `safeParse`.
import type { ZodTypeAny as Zod3Type } from "zod/v3";
import type * as z4 from "zod/v4/core";

export type AnyZodSchema = z4.$ZodType | Zod3Type;

export function isZod4Schema(value: unknown): value is z4.$ZodType {
  return typeof value === "object" && value !== null && "_zod" in value;
}

export function isZod3Schema(value: unknown): value is Zod3Type {
  return (
    typeof value === "object" &&
    value !== null &&
    !("_zod" in value) &&
    "_def" in value &&
    typeof (value as { safeParse?: unknown }).safeParse === "function"
  );
}
