export { extractFacts } from "./extract.js";
export { scanFacts } from "./scan.js";
export type { ScanContext } from "./finder.js";
export type { Fact, FactDetail, FactKind, TextFact } from "./types.js";
