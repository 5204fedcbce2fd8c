import type { Box } from "../model/page.js";

/**
 * One cell of a reconstructed table. A spanning cell is stored once, at its top-left
 * slot, with rowSpan/colSpan covering the slots it fills.
 */
export interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell's text joined as the page reads (see joinLines). */
  text: string;
  /** The cell's text lines, top to bottom, as printed. */
  lines: string[];
  /** The cell's area on the page (points, top-left origin). */
  box: Box;
  /**
   * Where the cell's text sits inside it: the union of its text runs' boxes (absent when
   * the cell is empty). Its offset from `box` shows indentation and alignment.
   */
  textBox?: Box;
  page: number;
  /**
   * The cell's border is not drawn where the table ends (top or bottom edge): the
   * cell goes on across a page break.
   */
  openTop?: boolean;
  openBottom?: boolean;
}

/** A table found on one page. */
export interface PageTable {
  page: number;
  box: Box;
  /** Grid line positions: column edges (x) and row edges (y), in points. */
  xs: number[];
  ys: number[];
  rows: number;
  cols: number;
  cells: Cell[];
  /** How it was found: from ruling lines, or from the text's alignment (no merged cells can show). */
  kind?: "lattice" | "stream";
  /** The unit printed over it, "千円" from （単位：千円）, "億円" from (単位 億円). */
  unit?: string;
  /**
   * The line printed just over it (「（歳入）　（単位：千円）」), when one stands within a line's
   * height: a table on the next page under another caption is another table.
   */
  caption?: string;
  /**
   * Its place among tables printed side by side in one frame (0 the leftmost, see
   * panels.ts): a panel may go on from the one before it as a page goes on from the last.
   */
  panel?: number;
}
