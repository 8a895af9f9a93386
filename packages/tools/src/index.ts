export type * from "./tool-types.js";
