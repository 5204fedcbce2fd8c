export { latticeTables } from "./lattice.js";
export { cellLines, joinParts } from "./text.js";
export type { Cell, PageTable } from "./types.js";
