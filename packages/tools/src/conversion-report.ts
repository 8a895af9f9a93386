// What a conversion could not carry over exactly. Invariant 6: nothing is softened silently.
import { formatSchemaPath, type SchemaPath } from "./schema-path.js";

export type ConversionAction =
  /** The constraint is now text in the field's `description`; Zod still enforces it. */
  | "moved-to-description"
  /** The constraint is not shown to the model at all; Zod still enforces it. */
  | "dropped"
  /** Sent in another form and decoded back in `parseArgs` (numeric enums, dates). */
  | "encoded"
  /** Recursion unrolled to the bound; deeper levels are not offered to the model. */
  | "truncated"
  /** A union branch whose wire values another branch also takes; such values decode as the first. */
  | "ambiguous";

export interface ConversionNote {
  path: SchemaPath;
  /** The JSON Schema keyword or construct concerned, e.g. `exclusiveMinimum`, `format`. */
  constraint: string;
  action: ConversionAction;
  message: string;
}

export type ConversionReport = readonly ConversionNote[];

/** One line per note, for logs and error messages. */
export function formatConversionReport(report: ConversionReport): string {
  return report
    .map((note) => `${formatSchemaPath(note.path)}: ${note.constraint} ${note.action}: ${note.message}`)
    .join("\n");
}
