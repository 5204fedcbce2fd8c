/**
 * Tables that continue over pages → one table.
 *
 * A table on the top of a page continues the table at the bottom of the previous page
 * when it has the same columns (same count, same relative widths). On the continuation:
 * - header rows that repeat the first page's header are dropped; a header printed on
 *   the first page only is simply carried;
 * - a cell left open at the bottom of a page (its border not drawn: a merged cell cut
 *   by the page break) is joined with the cell under it on the next page, so the value
 *   stays with its group and the continued rows stay in that group.
 * A Word table whose last rows merge columns (a label over three columns beside its
 * amount) is drawn on the next page without the merged columns' inner rules: a table
 * whose column edges are exactly the previous page's last row's cell edges (two columns or
 * more: a one-column frame matches anything) and that starts without a header of its own
 * continues it, its cells widened onto the full grid.
 * Header rows (top rows without numbers, extended over row spans) give each column its
 * path: ["目標(労働力確保)", "雇用・就業者数"], letter-spacing taken out (headerName).
 * A table printed without a header of its own (its first row holds values) right after a
 * table with the same columns — the next 項 of a budget book's 事項別明細書 starting under
 * the previous one's 計, on the same page or the next — is a table of its own that reads its
 * columns by that header (not joined to it: the 計 closes the first).
 */
import type { Box } from "../model/page.js";
import { fold, totalKind } from "./labels.js";
import { headerName } from "./text.js";
import type { Cell, PageTable } from "./types.js";
import { maxOf, pushAll } from "../bounded.js";

export interface StitchedCell extends Cell {
  /** Where the cell goes on after a page break: further pages and boxes. */
  parts?: { page: number; box: Box }[];
}

export interface Table {
  /** "t1", "t2", … in reading order. */
  id: string;
  pages: number[];
  rows: number;
  cols: number;
  /** How many of the rows, from the top, are header rows. */
  headerRows: number;
  /** Per column, the header texts from top to bottom (a spanning header named once). */
  columns: string[][];
  /** Row indices count over the whole table: header rows first, then data rows. */
  cells: StitchedCell[];
  /** How its first page's table was found (see PageTable.kind). */
  kind?: "lattice" | "stream";
  /** The unit printed over its first page's table (see PageTable.unit). */
  unit?: string;
}

/** Relative column widths may differ this much and still be the same columns. */
const WIDTH_TOLERANCE = 0.01;
const MAX_HEADER_ROWS = 4;
/** A number as a cell prints it, perhaps in yen or tagged with the name formulas use: "（a）2,430,000". */
const NUMERIC = /^(?:[(（][a-zA-Zａ-ｚＡ-Ｚ\d０-９]{1,2}[)）])?[\d０-９,，.．%％△▲\-－−]+円?$/u;
/**
 * A quantity printed with its unit in the cell: "1,788 団体", "23,865 事業", "3,520 億円" (a
 * thousands separator, or a unit of count or money) — a value, where "2024年" may be a header.
 */
const QUANTITY = /^[△▲\-－−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?\D{0,3}|\d+(?:\.\d+)?(?:団体|事業|件|人|円|千円|万円|億円|兆円|%|か所|箇所|世帯|戸|台|回))$/u;
/** The unit printed small at the top of an amount cell (千円 over 58,265), in brackets or not. */
const LEADING_UNIT = /^[(（]?(?:千円|百万円|万円|億円|円)[)）]?(?=[△▲\-－−]?[\d０-９])/u;
/** An amount printed in the brackets of a balance sheet's section (【139,072,277】), the closing one perhaps lost to OCR. */
const SECTION_AMOUNT = /^【([^【】]+)】?$/u;
const isValue = (text: string): boolean => {
  const t = text.replace(/\s/g, "").replace(LEADING_UNIT, "").replace(SECTION_AMOUNT, "$1");
  return t !== "" && (NUMERIC.test(t) || QUANTITY.test(t.normalize("NFKC")));
};

export interface StitchOptions {
  /** Header rows of every table, as the reader counts them (a correction: the count read from the rows is not used). */
  headerRows?: number;
}

export function stitchTables(pageTables: readonly PageTable[], options: StitchOptions = {}): Table[] {
  const byPage = new Map<number, PageTable[]>();
  for (const t of pageTables) byPage.set(t.page, [...(byPage.get(t.page) ?? []), t]);
  const stitcher = new Stitcher();
  const out: Table[] = [];
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) pushAll(out, stitcher.push(page, byPage.get(page)!));
  const tables = [...out, ...stitcher.finish()];
  const h = options.headerRows;
  return h === undefined ? tables : tables.map((t) => withHeaderRows(t, h));
}

/** The table read with `n` header rows (a correction; at most its rows): the columns' paths from them. */
export function withHeaderRows(t: Table, n: number): Table {
  const headerRows = Math.min(n, t.rows);
  return { ...t, headerRows, columns: columnPaths(t, headerRows) };
}

/**
 * stitchTables one page at a time, for documents read as a stream: give it each page's
 * tables in page order (pages without tables may be left out) and it hands back each
 * table as soon as it is complete — when a later table starts, or a page goes by
 * without continuing it — so that the pages before it need not be kept.
 */
export class Stitcher {
  private open: { table: Table; last: PageTable; header: PageTable; lastPage: readonly PageTable[] } | null = null;
  /** The last table started with a header (or carrying one), whose header a headerless table after it may read by. */
  private headed: { table: Table; pt: PageTable } | null = null;
  private count = 0;

  /** The tables of one page; returns the tables this page completes, in reading order. */
  push(page: number, tables: readonly PageTable[]): Table[] {
    const done: Table[] = [];
    // Panels of one frame left to right, whatever a hair's difference in their tops.
    const framed = (a: PageTable, b: PageTable) => a.panel !== undefined && b.panel !== undefined && a.box.y0 < b.box.y1 && b.box.y0 < a.box.y1;
    const onPage = [...tables].sort((a, b) => (framed(a, b) ? a.panel! - b.panel! : a.box.y0 - b.box.y0));
    // A running head (page number, 一般会計) read as a small table above the continuation
    // does not stop it: it becomes a table of its own.
    const heads = this.open ? onPage.findIndex((t) => !isRunningHead(t)) : 0;
    const lead = heads > 0 && this.continuation(onPage[heads]!) ? heads : 0;
    onPage.forEach((pt, i) => {
      const open = this.open;
      if (open && i < lead) {
        done.push(start(`t${++this.count}`, pt));
        return;
      }
      const next = i === lead || pt.panel ? this.continuation(pt) : null;
      if (open && next) {
        append(open.table, open.last, open.header, next);
        open.last = next;
        open.lastPage = onPage;
      } else {
        if (open) done.push(open.table);
        const table = start(`t${++this.count}`, pt);
        this.carryHeader(table, pt);
        this.open = { table, last: pt, header: pt, lastPage: onPage };
      }
    });
    // A table this page did not reach cannot go on later (continuation is page to next page).
    if (this.open && this.open.last.page < page) {
      done.push(this.open.table);
      this.open = null;
    }
    return done;
  }

  /**
   * `pt` as the continuation of the open table (perhaps widened onto its grid), or null:
   * it must be on the next page, the open table last on its page (running heads aside)
   * and not closed by its grand total (合計, 歳入合計), and the columns must agree.
   */
  private continuation(pt: PageTable): PageTable | null {
    const open = this.open;
    // One list printed in panels side by side (都道府県 | 年平均成長率 four times over): the
    // next panel goes on from the one before it when it repeats its whole header (title rows
    // too: 資産の部 beside 負債の部 are two tables) and that one ends without a grand total.
    if (pt.panel) {
      if (open === null || open.last.page !== pt.page || open.last.panel !== pt.panel - 1) return null;
      return sameColumns(open.header, pt) && !endsWithGrandTotal(open.last) && repeatsHeader(open.header, pt) ? pt : null;
    }
    if (open === null || pt.page !== open.last.page + 1 || !isLastOnPage(open.last, open.lastPage) || endsWithGrandTotal(open.last) || !sameCaption(open.last, pt)) return null;
    return sameColumns(open.header, pt) ? pt : mergedContinuation(open.last, pt);
  }

  /**
   * A table started without header rows takes the column paths of the table before it
   * when their columns agree (three or more, same relative widths) and it starts on that
   * table's last page or the next; a table with a header becomes the one to carry.
   */
  private carryHeader(table: Table, pt: PageTable): void {
    const h = this.headed;
    if (table.headerRows > 0) {
      if (pt.cols >= 3) this.headed = { table, pt };
      return;
    }
    if (h === null || pt.cols < 3 || pt.page - h.table.pages[h.table.pages.length - 1]! > 1 || !sameColumns(h.pt, pt)) return;
    if (h.table.columns.every((path) => path.length === 0)) return;
    table.columns = h.table.columns.map((path) => [...path]);
    this.headed = { table, pt };
  }

  /** The first page of the table still open (pages before it are no longer needed), or null. */
  get openSince(): number | null {
    return this.open?.table.pages[0] ?? null;
  }

  /** The table still open, if any: the end of the document completes it. */
  finish(): Table[] {
    const last = this.open?.table;
    this.open = null;
    return last ? [last] : [];
  }
}

/**
 * The captions over two tables (see PageTable.caption), when both have one, read the same
 * but for numbers and a unit note (the first table of a page prints （単位：千円） at the end
 * of its caption line); a table without one is continued only by a table without one.
 */
function sameCaption(a: PageTable, b: PageTable): boolean {
  const key = (s: string | undefined) => (s ?? "").normalize("NFKC").replace(/[(\[]?単位\s*:?[^)\]]*[)\]]?/gu, "").replace(/[\s\d]+/gu, "");
  // A table captioned on the next page only starts there under its own title (a case sheet's
  // strip of figures under the next region's name), where the one before had none.
  if (key(a.caption) === "") return key(b.caption) === "";
  if (key(b.caption) === "") return true;
  return key(a.caption) === key(b.caption);
}

function isLastOnPage(t: PageTable, page: readonly PageTable[]): boolean {
  return page.every((o) => o === t || o.box.y0 < t.box.y0 || isRunningHead(o));
}

/** A page number or running title read as a table: two rows at most of short texts, no rules. */
function isRunningHead(t: PageTable): boolean {
  return t.kind === "stream" && t.rows <= 2 && t.cells.every((c) => c.text.replace(/\s/g, "").length <= 12);
}

/** The table's last row is a grand total (合計, 総計, 歳入合計): it closes the table. */
function endsWithGrandTotal(t: PageTable): boolean {
  const label = t.cells.filter((c) => c.row + c.rowSpan === t.rows && c.text.trim() !== "").sort((a, b) => a.col - b.col)[0];
  return label !== undefined && totalKind(fold(label.text)) === "grand";
}

function widths(t: PageTable): number[] {
  const total = t.xs[t.xs.length - 1]! - t.xs[0]!;
  return t.xs.slice(1).map((x, i) => (x - t.xs[i]!) / total);
}

function sameColumns(a: PageTable, b: PageTable): boolean {
  if (a.cols !== b.cols) return false;
  const wa = widths(a);
  const wb = widths(b);
  return wa.every((w, i) => Math.abs(w - wb[i]!) <= WIDTH_TOLERANCE);
}

/** Column edges as shares of the table's width, 0 to 1. */
function relativeEdges(t: PageTable): number[] {
  const total = t.xs[t.xs.length - 1]! - t.xs[0]!;
  return t.xs.map((x) => (x - t.xs[0]!) / total);
}

/**
 * `pt` widened onto `last`'s grid when `pt`'s column edges are exactly the cell edges of
 * `last`'s bottom row (merged columns going on over the page break), else null.
 */
function mergedContinuation(last: PageTable, pt: PageTable): PageTable | null {
  if (pt.cols < 2 || pt.cols >= last.cols || headerRowCount(pt) > 0) return null;
  const full = relativeEdges(last);
  const map = relativeEdges(pt).map((e) => full.findIndex((f) => Math.abs(f - e) <= WIDTH_TOLERANCE));
  if (map.some((m, i) => m < 0 || (i > 0 && m <= map[i - 1]!)) || map[0] !== 0 || map[map.length - 1] !== last.cols) return null;
  const bottom = last.cells.filter((c) => c.row + c.rowSpan === last.rows);
  const bottomEdges = [...new Set(bottom.flatMap((c) => [c.col, c.col + c.colSpan]))].sort((a, b) => a - b);
  if (bottomEdges.join() !== map.join()) return null;
  const x0 = pt.xs[0]!;
  const width = pt.xs[pt.xs.length - 1]! - x0;
  return {
    ...pt,
    cols: last.cols,
    xs: full.map((f, i) => pt.xs[map.indexOf(i)] ?? x0 + f * width),
    cells: pt.cells.map((c) => ({ ...c, col: map[c.col]!, colSpan: map[c.col + c.colSpan]! - map[c.col]! })),
  };
}

/**
 * Header rows, decided from what the rows hold:
 * - above the first row that holds a value (a number, or a quantity with its unit): those
 *   rows, extended over the row spans of their cells — but never into that first value row
 *   (a 区分 label spanning every data row, a unit cell beside them), nor into a mostly empty
 *   row under a closed header (continuesData);
 * - in a table of text only (a list of rules, of items), the first row, and the rows under
 *   it that split one of its cells spanning columns (a header over sub-headers): a row of
 *   text under a plain header row is data.
 */
export function headerRowCount(t: PageTable): number {
  const rowsOf = (r: number) => t.cells.filter((c) => c.row === r);
  let firstValue = -1;
  for (let r = 0; r < t.rows && firstValue < 0; r++) if (rowsOf(r).some((c) => isValue(c.text))) firstValue = r;
  if (firstValue < 0 || firstValue > MAX_HEADER_ROWS) return textHeaderRows(t);
  let h = 0;
  while (h < firstValue && !(h > 0 && continuesData(t, h))) h = Math.max(h + 1, maxOf(rowsOf(h).map((c) => c.row + c.rowSpan)));
  return Math.min(h, firstValue);
}

/**
 * Row `h`, under a header closed above it, is data rather than more header when most of
 * its cells are empty and none of its texts names a part of a header cell spanning columns
 * (区分 | 金額 under 節): a row of 説明 lines carried over from the previous page, with no
 * value in the number columns, under 目 | 本年度 | … | 説明.
 */
function continuesData(t: PageTable, h: number): boolean {
  const row = t.cells.filter((c) => c.row === h);
  const filled = row.filter((c) => c.text.trim() !== "");
  if (filled.length === 0 || 2 * filled.length >= row.length) return false;
  const groups = t.cells.filter((a) => a.row < h && a.row + a.rowSpan === h && a.colSpan > 1);
  return !filled.some((c) => groups.some((a) => c.col >= a.col && c.col + c.colSpan <= a.col + a.colSpan));
}

function textHeaderRows(t: PageTable): number {
  if (t.rows < 2) return 0;
  let h = 1;
  for (const c of t.cells) if (c.row === 0) h = Math.max(h, c.rowSpan);
  while (h < Math.min(MAX_HEADER_ROWS, t.rows - 1)) {
    const above = t.cells.filter((c) => c.row < h && c.row + c.rowSpan === h && c.colSpan > 1);
    const splits = above.some((a) => t.cells.filter((c) => c.row === h && c.col >= a.col && c.col + c.colSpan <= a.col + a.colSpan).length >= 2);
    if (!splits) break;
    h++;
  }
  return h >= t.rows ? 0 : h;
}

function start(id: string, pt: PageTable): Table {
  const headerRows = headerRowCount(pt);
  return {
    id,
    pages: [pt.page],
    rows: pt.rows,
    cols: pt.cols,
    headerRows,
    columns: columnPaths(pt, headerRows),
    cells: pt.cells.map((c) => ({ ...c })),
    ...(pt.kind && { kind: pt.kind }),
    ...(pt.unit && { unit: pt.unit }),
  };
}

function columnPaths(pt: Pick<PageTable, "cols" | "cells">, headerRows: number): string[][] {
  return Array.from({ length: pt.cols }, (_, col) => {
    const path: string[] = [];
    for (const c of pt.cells.filter((c) => c.row < headerRows && c.col <= col && col < c.col + c.colSpan).sort((a, b) => a.row - b.row)) {
      const name = headerName(c.text);
      if (name !== "" && path[path.length - 1] !== name) path.push(name);
    }
    return path;
  });
}

const rowTexts = (t: PageTable, row: number) =>
  t.cells.filter((c) => c.row === row).map((c) => `${c.col}:${c.colSpan}:${c.text}`).join("|");

/** `pt`'s top rows read exactly as `header`'s header rows (one at least). */
function repeatsHeader(header: PageTable, pt: PageTable): boolean {
  const h = headerRowCount(header);
  return h > 0 && pt.rows > h && Array.from({ length: h }, (_, r) => rowTexts(pt, r) === rowTexts(header, r)).every(Boolean);
}

function append(table: Table, last: PageTable, header: PageTable, pt: PageTable): void {
  // A repeated header: the continuation's top rows read exactly as the first page's header.
  const h = headerRowCount(header);
  let skip = 0;
  if (h > 0 && pt.rows > h && Array.from({ length: h }, (_, r) => rowTexts(pt, r) === rowTexts(header, r)).every(Boolean)) skip = h;
  // A table that read its columns by the header of a table above it (none of its own): the
  // continuation's header is dropped when it names the same columns (corpus 17 p.16 → 17).
  if (h === 0 && table.columns.some((path) => path.length > 0)) {
    const own = headerRowCount(pt);
    if (own > 0 && pt.rows > own && JSON.stringify(columnPaths(pt, own)) === JSON.stringify(table.columns)) skip = own;
  }
  const offset = table.rows - skip;
  // Cells left open at the bottom of the previous page, by column.
  const lastRow = table.rows - 1;
  const openCells = new Map<number, StitchedCell>();
  for (const c of table.cells) {
    if (c.openBottom && c.row + c.rowSpan - 1 === lastRow && c.page === last.page) openCells.set(c.col, c);
  }
  const repeated = repeatsLastRow(table, lastRow, pt, skip);
  for (const c of pt.cells) {
    if (c.row < skip) continue;
    const above = c.row === skip ? openCells.get(c.col) ?? repeated.get(c.col) : undefined;
    if (above && above.colSpan === c.colSpan && (above.text === "" || c.text === "" || above.text === c.text)) {
      above.rowSpan += c.rowSpan;
      above.text ||= c.text;
      above.lines = above.lines.length ? above.lines : c.lines;
      above.parts = [...(above.parts ?? []), { page: c.page, box: c.box }];
      above.openBottom = c.openBottom;
      continue;
    }
    table.cells.push({ ...c, row: c.row + offset });
  }
  table.rows = offset + pt.rows;
  if (!table.pages.includes(pt.page)) table.pages.push(pt.page);
}

/**
 * The cells of the previous page's last row that the continuation's first row prints again
 * (a 目 row reprinted over the 節 that go on: corpus 17 p.31 → 32, 1.監査委員費 14,404 △130
 * 14,274 … △130 again above 12.委託料), by column: the first row repeats the last one when
 * its label (first column) is the same text and two of its numbers at least are the same
 * numbers in the same columns (the 節 beside them differ). Its repeated cells are then the
 * cells above them going on, so the 目 is counted once.
 */
function repeatsLastRow(table: Table, lastRow: number, pt: PageTable, first: number): Map<number, StitchedCell> {
  const out = new Map<number, StitchedCell>();
  const below = new Map(pt.cells.filter((c) => c.row === first).map((c) => [c.col, c]));
  const above = new Map(table.cells.filter((c) => c.row + c.rowSpan - 1 === lastRow).map((c) => [c.col, c]));
  const label = below.get(0);
  if (!label || label.text.trim() === "" || above.get(0)?.text !== label.text) return out;
  const same = [...below].filter(([col, c]) => isNumber(c.text) && above.get(col)?.colSpan === c.colSpan && above.get(col)?.text === c.text);
  if (same.length < 2) return out;
  for (const [col, c] of below) {
    const a = above.get(col);
    if (a && a.colSpan === c.colSpan && c.text !== "" && a.text === c.text) out.set(col, a);
  }
  return out;
}

const isNumber = (text: string) => NUMERIC.test(text.replace(/\s/gu, "")) && /[\d０-９]/u.test(text);

/**
 * A table's data rows as text: header rows left out, a spanning cell's text in its
 * first slot and "" in the slots it covers.
 */
export function dataRows(t: Table): string[][] {
  const grid = Array.from({ length: t.rows }, () => Array<string>(t.cols).fill(""));
  for (const c of t.cells) grid[c.row]![c.col] = c.text;
  return grid.slice(t.headerRows);
}
