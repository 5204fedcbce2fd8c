/**
 * Every table on one page: ruled tables (lattice) first. This is the one entry point the
 * commands and pipelines use, so a new way of finding tables is added here only.
 */
import type { Page } from "../pdf/types.js";
import { latticeTables } from "./lattice.js";
import type { PageTable } from "./types.js";

export function findTables(page: Pick<Page, "number" | "width" | "height" | "runs" | "rules">): PageTable[] {
  return latticeTables(page.number, page.rules, page.runs);
}
