/**
 * Tables printed side by side in one frame: a balance sheet's assets (科目 | 金額) beside
 * its liabilities and equity (科目 | 金額), sharing the frame and often the row lines. Read
 * as one grid, every row would take the left panel's label and the totals would add up
 * the wrong rows. They are told by their header repeating across the frame and by what
 * their columns hold:
 *
 * - a header row (one of the top rows, above the first value) reads the same names in
 *   each panel — a name may be missing in a panel (a cell left unread by OCR) but not
 *   differ, and at least one name must be read in both;
 * - under it, each panel's first column holds labels (mostly text, not numbers) and the
 *   panels' columns hold the same kinds (labels, values) — so a header repeated over year
 *   groups (人数 | 金額 under 令和5年度, 人数 | 金額 under 令和6年度) is not taken for panels;
 * - no cell crosses from one panel into the next at or under the header row.
 *
 * The caller reads each panel again from the page cut to its area (findTables): the rows
 * one panel rules are then not forced on the other.
 */
import type { Box } from "../model/page.js";
import { headerName } from "./text.js";
import type { PageTable } from "./types.js";

/** The top rows where a repeated header is looked for. */
const HEADER_ROWS = 4;

/** A number as printed in a cell: digits with separators, a sign, perhaps in brackets or with 円. */
const NUMBER = /^[【(（[]?[△▲\-－−]?[¥￥]?[\d０-９][\d０-９,，.．]*[】)）\]]?(?:円|千円|%|％)?$/u;
const isNumber = (text: string) => NUMBER.test(text.replace(/[\s\u3000]+/gu, ""));

type Kind = "label" | "value" | "";

/**
 * The areas of the panels a table is printed as (left to right), or null when it is one
 * table. Each area spans the table's height and a panel's columns.
 */
export function panelAreas(t: PageTable): Box[] | null {
  for (let period = 2; 2 * period <= t.cols; period++) {
    if (t.cols % period !== 0) continue;
    const starts = Array.from({ length: t.cols / period }, (_, i) => i * period);
    for (let h = 0; h < Math.min(HEADER_ROWS, t.rows - 1); h++) {
      if (crossed(t, starts, h)) continue;
      if (!repeatedHeader(t, h, period) || !sameKinds(t, h, period)) continue;
      return starts.map((c) => ({ x0: t.xs[c]!, y0: t.box.y0, x1: t.xs[c + period]!, y1: t.box.y1 }));
    }
  }
  return null;
}

/** Some cell at or under row h crosses a panel's start. */
function crossed(t: PageTable, starts: readonly number[], h: number): boolean {
  return t.cells.some((c) => c.row + c.rowSpan > h && starts.some((s) => c.col < s && s < c.col + c.colSpan));
}

/** The names of row h, per column (a cell's name in its first column, "" elsewhere). */
function namesOf(t: PageTable, h: number): string[] {
  const names = Array<string>(t.cols).fill("");
  for (const c of t.cells) if (c.row === h) names[c.col] = headerName(c.text).replace(/[\s\u3000]+/gu, "");
  return names;
}

/** Row h reads the same names in every panel: none differ, one at least read in two panels, no value among them. */
function repeatedHeader(t: PageTable, h: number, period: number): boolean {
  const names = namesOf(t, h);
  if (names.some((n) => n !== "" && isNumber(n))) return false;
  let shared = 0;
  for (let i = 0; i < period; i++) {
    const read = names.filter((_, c) => c % period === i && names[c] !== "");
    if (new Set(read).size > 1) return false;
    if (read.length > 1) shared++;
  }
  // Two names of the first panel read, one at least in another panel too.
  const first = names.slice(0, period).filter((n) => n !== "").length;
  return shared > 0 && first >= 2;
}

/** Under row h, every panel starts with a label column and the panels' columns hold the same kinds. */
function sameKinds(t: PageTable, h: number, period: number): boolean {
  const kinds = Array.from({ length: t.cols }, (_, c) => kindOf(t, h, c));
  for (let c = 0; c < t.cols; c++) {
    const first = kinds[c % period]!;
    if (c % period === 0 && kinds[c] !== "label") return false;
    if (kinds[c] !== "" && first !== "" && kinds[c] !== first) return false;
  }
  return true;
}

/** What a column holds under row h: mostly labels (text), mostly values, or nothing. */
function kindOf(t: PageTable, h: number, col: number): Kind {
  let labels = 0, values = 0;
  for (const c of t.cells) {
    if (c.row <= h || c.col !== col || c.text.trim() === "") continue;
    if (isNumber(c.text)) values++;
    else labels++;
  }
  if (labels + values === 0) return "";
  return labels > values ? "label" : "value";
}
