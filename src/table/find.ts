/**
 * Every table on one page: ruled tables (lattice) first, then stream tables read from the
 * text that no ruled table holds. This is the one entry point the commands and pipelines
 * use, so a new way of finding tables is added here only.
 *
 * A ruled "table" of one column is only rules across (a table with horizontal rules and
 * no column borders): where stream reads columns in it, the stream table replaces it.
 */
import type { Box, Page } from "../pdf/types.js";
import { guard } from "../pdf/limits.js";
import { latticeTables } from "./lattice.js";
import { streamTables } from "./stream.js";
import { textRowCuts } from "./textRows.js";
import type { PageTable } from "./types.js";

export interface FindOptions {
  /**
   * Read tables without ruling lines too (default). Pipelines of slide-like pages turn it
   * off: boxes of text laid out in rows and columns read as stream tables there.
   */
  stream?: boolean;
}

export function findTables(page: Pick<Page, "number" | "width" | "height" | "runs" | "rules" | "ocr">, options: FindOptions = {}): PageTable[] {
  let grid = latticeTables(page.number, page.rules, page.runs);
  // Rows a ruled table draws no line between, cut where its text lines are (./textRows.ts):
  // on pages read by OCR only, for now — budget books stack amounts in ruled cells too.
  const cuts = page.ocr ? textRowCuts(grid, page.runs) : [];
  if (cuts.length) grid = latticeTables(page.number, [...page.rules, ...cuts], page.runs);
  const ruled = grid.map((t) => ({ ...t, kind: "lattice" as const }));
  // Stream tables from more text runs than a table may have cells (src/pdf/limits.ts): no
  // publication prints that many on a page, and reading columns from them takes time that
  // grows faster than their number.
  if (options.stream === false || page.runs.length > guard().limits.tableCells) return ruled;
  const grids = ruled.filter((t) => t.cols > 1);
  const stream = streamTables(page.number, page.runs, page.rules, grids.map((t) => t.box)).map((t) => ({ ...t, kind: "stream" as const }));
  const across = ruled.filter((t) => t.cols === 1 && !stream.some((s) => overlap(s.box, t.box)));
  return [...grids, ...across, ...stream].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
