export type * from "./provider-types.js";
export type * from "./wire-types.js";
export { PART_DATA_KEYS, SCHEMA_FIELDS, TOOL_KINDS } from "./wire-types.js";
