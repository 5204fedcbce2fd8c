/**
 * Hand-read truth against any tool's tables: the one matching rule used for kohyo and for
 * its peers (pdfplumber, Camelot, tabula-java) so that their figures stand side by side.
 *
 * A truth cell names its row by the row's label and its column by the header text:
 * `{ page, rowKey, column, value }`. It is right when, in a table on that page,
 * - a row holds a cell reading `rowKey`, or neighbouring cells that read it together (a
 *   number and its name in two columns); a spanning label fills every row it covers, and
 *   a note mark printed with a label (※２) is not part of it,
 * - a column's header text, its header rows joined top to bottom, reads `column` (or,
 *   when no column reads exactly that, contains it: "品名" in "品名（電子機器付属品も含みます）");
 *   a column printed without a header is named by the unit printed over the table
 *   (単位 億円), where the tool reads one,
 * - and the cell where they cross holds `value`: a number equal to it (△/▲ negative,
 *   commas and units around it allowed) or, for a string, the same text.
 * Texts are compared after NFKC and with every space taken out. A tool that does not say
 * which rows are its header (pdfplumber, Camelot, tabula) gets every possible header: the
 * cell counts as found when some number of top rows, taken as the header, makes it match.
 *
 * A printed total `{ page, label, values }` is right when, for every value, a check of a
 * total row with that label on that page printed the value and passed — or missed by no
 * more than the rounding of the unit, which the check reports as a warning (13,561 億円
 * printed where the rounded items add to 13,562).
 */

import type { Table } from "./stitch.js";

/** A table as a grid of texts, whoever read it. */
export interface GridTable {
  /** Per data row: the page it is printed on and its cells (spans filled or not, as the tool gives them). */
  rows: { page: number; cells: string[] }[];
  /**
   * Per column, its header texts top to bottom; null when the tool does not say (its
   * first rows are then tried as header, see above). With a header, `rows` are data rows only.
   */
  header: string[][] | null;
  /** The unit printed over the table (単位 億円), when the tool reads it: it names a column printed without a header. */
  unit?: string;
}

export interface TruthCell {
  page: number;
  rowKey: string;
  column: string;
  value: number | string;
}

export interface TruthTotal {
  page: number;
  label: string;
  values: number[];
}

/** A passed or failed check of a printed total, as kohyo's checkTotals reports it. */
export interface PrintedTotal {
  page: number;
  label: string;
  printed: number;
  /** "error" when it fails; a difference within the rounding of the unit is a "warning". */
  severity: "error" | "warning" | "info";
  /** The data row of the total, and the values the check added up with the rows they are on. */
  row?: number;
  terms?: readonly { row: number; value: number }[];
}

/** Header rows a tool without a header is tried with: none up to this many. */
const MAX_GUESSED_HEADER = 4;

/** Text as compared: NFKC, no whitespace. */
export const comparable = (s: string): string => s.normalize("NFKC").replace(/\s+/gu, "");

/**
 * The number a cell prints, in the units printed: "△１，３９１" → -1391, "1,788 団体" → 1788,
 * "千円\n58,265" (the unit printed small over the amount) → 58265; null when it is not one number.
 */
export function cellNumber(text: string): number | null {
  const printed = comparable(text).replace(/[−－]/gu, "-").replace(/^[(（]?(?:千円|百万円|万円|億円|円)[)）]?(?=[△▲-]?\d)/u, "");
  const m = /^[(（]?([△▲\-−－]?)[¥￥]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?[)）]?[^\d]*$/u.exec(printed);
  if (!m) return null;
  const n = Number(m[2]!.replace(/,/gu, "") + (m[3] ?? ""));
  return m[1] ? -n : n;
}

/** Does the cell's text hold the truth value? */
export function valueMatches(text: string, value: number | string): boolean {
  if (typeof value === "number") return cellNumber(text) === value;
  return comparable(text) === comparable(value);
}

/** Candidate column indices for a header text: exact matches, else the columns containing it. */
function columnsFor(header: string[][], column: string, unit?: string): number[] {
  const want = comparable(column);
  const joined = header.map((path) => comparable(path.length ? path.join("") : (unit ?? "")));
  const exact = joined.flatMap((h, i) => (h === want ? [i] : []));
  if (exact.length) return exact;
  return joined.flatMap((h, i) => (want !== "" && h.includes(want) ? [i] : []));
}

/** The header a tool without one would have if its first `k` rows were header rows. */
function guessedHeader(t: GridTable, k: number): { header: string[][]; rows: GridTable["rows"] } {
  const cols = t.rows.reduce((n, r) => Math.max(n, r.cells.length), 0);
  const top = t.rows.slice(0, k);
  return { header: Array.from({ length: cols }, (_, c) => top.map((r) => r.cells[c] ?? "").filter((s) => s !== "")), rows: t.rows.slice(k) };
}

/** A row label as compared: a note mark printed with it (※２, *1) left out. */
const labelKey = (s: string): string => comparable(s).replace(/[※*][0-9]*/gu, "");

/** Does the row read `key` in one cell, or in neighbouring cells read together (「②」「雇用の維持…」)? */
function rowReads(cells: readonly string[], key: string): boolean {
  for (let a = 0; a < cells.length; a++) {
    let joined = "";
    for (let b = a; b < cells.length && joined.length < key.length; b++) {
      joined += labelKey(cells[b]!);
      if (joined === key) return true;
    }
  }
  return false;
}

function cellIn(header: string[][], rows: GridTable["rows"], item: TruthCell, unit?: string): boolean {
  const cols = columnsFor(header, item.column, unit);
  if (!cols.length) return false;
  const key = labelKey(item.rowKey);
  return rows.some((r) => r.page === item.page && rowReads(r.cells, key) && cols.some((c) => valueMatches(r.cells[c] ?? "", item.value)));
}

/** Is the truth cell found, by the rule above, in one of the tables? */
export function findsCell(tables: readonly GridTable[], item: TruthCell): boolean {
  return tables.some((t) => {
    if (!t.rows.some((r) => r.page === item.page)) return false;
    if (t.header) return cellIn(t.header, t.rows, item, t.unit);
    for (let k = 0; k <= Math.min(MAX_GUESSED_HEADER, t.rows.length); k++) {
      const g = guessedHeader(t, k);
      if (cellIn(g.header, g.rows, item)) return true;
    }
    return false;
  });
}

/** Is every value of the printed total checked and passed (within the rounding of its unit counts as passed)? */
export function findsTotal(checks: readonly PrintedTotal[], item: TruthTotal): boolean {
  const label = labelKey(item.label);
  const passing = checks.filter((c) => c.page === item.page && labelKey(c.label) === label && c.severity !== "error");
  // A value is checked when a passing check prints it, or adds it up within its own row
  // (補正前の額 in 計 = 補正前の額 + 補正額 on the 歳入合計 row).
  return item.values.every((v) => passing.some((c) => c.printed === v || (c.terms ?? []).some((t) => t.row === c.row && t.value === v)));
}

export interface Score {
  found: number;
  total: number;
  /** The items not found, for the report. */
  missed: string[];
}

export function score<T>(items: readonly T[], found: (item: T) => boolean, name: (item: T) => string): Score {
  const missed = items.filter((i) => !found(i)).map(name);
  return { found: items.length - missed.length, total: items.length, missed };
}

/** kohyo's stitched table as a grid: its header paths, its data rows with each spanning cell's text in every slot it covers. */
export function gridOf(t: Table): GridTable {
  const grid = Array.from({ length: t.rows }, () => ({ page: 0, cells: Array<string>(t.cols).fill("") }));
  for (const c of t.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      const row = grid[r]!;
      if (row.page === 0 || c.rowSpan === 1) row.page = c.page;
      for (let k = c.col; k < c.col + c.colSpan; k++) row.cells[k] = c.text;
    }
  }
  return { header: t.columns, rows: grid.slice(t.headerRows), ...(t.unit && { unit: t.unit }) };
}
