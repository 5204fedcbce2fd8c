/**
 * Every table on one page: ruled tables (lattice) first, then stream tables read from the
 * text that no ruled table holds. This is the one entry point the commands and pipelines
 * use, so a new way of finding tables is added here only.
 */
import type { Page } from "../pdf/types.js";
import { latticeTables } from "./lattice.js";
import { streamTables } from "./stream.js";
import type { PageTable } from "./types.js";

export function findTables(page: Pick<Page, "number" | "width" | "height" | "runs" | "rules">): PageTable[] {
  const ruled = latticeTables(page.number, page.rules, page.runs);
  const stream = streamTables(page.number, page.runs, page.rules, ruled.map((t) => t.box));
  return [...ruled, ...stream].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}
