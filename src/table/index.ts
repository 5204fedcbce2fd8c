export { findTables } from "./find.js";
export { latticeTables } from "./lattice.js";
export { streamTables } from "./stream.js";
export { cellLines, headerName, joinParts } from "./text.js";
export type { Cell, PageTable } from "./types.js";
export { dataRows, headerRowCount, stitchTables, type StitchedCell, type Table } from "./stitch.js";
export { checkTotals, type Term, type TotalCheck, type TotalRule } from "./totals.js";
