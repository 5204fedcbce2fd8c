/**
 * Cell accuracy: a table's data cells against a sample's truth, cell by cell. The same
 * measure for kohyo and for any other tool (the benchmark runs tabula-java through it),
 * so the figures can stand side by side.
 *
 * How text is compared: each side's lines — "\n" in the truth, "\n" or "\r" in a
 * tool's output — are joined as the page reads (joinParts: each line trimmed, no space
 * between Japanese characters, one space between Latin words), and the two results
 * must be equal. Nothing else is folded: full and half width, ①, a space inside a line,
 * a lost or doubled character all count as wrong. A soft wrap in the middle of a Latin
 * word would read as two words; the samples have none.
 *
 * What is counted: the truth's data rows (header rows out) with its total row, every
 * column. A slot covered by a spanning cell is "" (a merged amount's text on the
 * group's first row only; with mergeMunicipality the municipality likewise). Rows are
 * compared in order, so a lost or extra row makes the rows after it wrong; every cell of
 * a row missing at the end is wrong, even one the truth leaves empty. A non-empty cell
 * outside the truth's grid (an extra row or column) is one more cell, always wrong.
 */
import { joinParts } from "./text.js";

/** One table of a truth file (samples/*.truth.json, schemaVersion 1), the parts used here. */
export interface TruthTable {
  name: string;
  columns: { key: string }[];
  rows: { cells: Record<string, string | null> }[];
  /** The printed total row: its label over the labelSpan columns, then the totals. */
  total?: { label: string; labelSpan: string[]; cells: Record<string, string | null> };
  /** Municipality cells merged over these rows (1-based), in renderings with mergeMunicipality. */
  municipalityGroups?: { rows: number[] }[];
}

/** One PDF made from the truth: where each table is printed and which cells are merged. */
export interface TruthRendering {
  file: string;
  pageLayout: { page: number; table: string }[];
  mergeMunicipality?: boolean;
  /** False for a rendering printed without cell borders (a stream table). */
  cellBorders?: boolean;
  /** Each table's column widths, by column key. */
  columnWidthsMm?: Record<string, Record<string, number>>;
}

export interface TruthFile {
  tables: TruthTable[];
  renderings: TruthRendering[];
}

/** A table as the data rows it should read as. */
export interface ExpectedTable {
  name: string;
  /** Pages the table is printed on (from the rendering's pageLayout, shifted by firstPage). */
  pages: number[];
  columns: string[];
  rows: string[][];
}

export interface WrongCell {
  /** 0-based data row (the header rows not counted). */
  row: number;
  col: number;
  /** The truth's column key, or "" outside the truth's columns. */
  column: string;
  expected: string;
  got: string;
}

export interface TableAccuracy {
  exact: number;
  total: number;
  wrong: WrongCell[];
}

export interface DocumentAccuracy {
  exact: number;
  total: number;
  /** exact / total (1 for an empty truth). */
  ratio: number;
  /** Per truth table; found is false when no extracted table could be paired with it. */
  tables: (TableAccuracy & { name: string; pages: number[]; found: boolean })[];
}

/** A cell's text as compared: lines joined as the page reads. */
export function comparableText(text: string | null | undefined): string {
  return joinParts((text ?? "").split(/\r\n|\r|\n/));
}

/**
 * The data rows a truth table prints in one rendering, total row last. The total's label
 * spans its label columns: ruled, it is the merged cell's first column; printed without
 * borders, nothing shows the span, and the label is read in the column under its centre.
 */
export function truthRows(table: TruthTable, rendering: Pick<TruthRendering, "mergeMunicipality" | "cellBorders" | "columnWidthsMm">): string[][] {
  const keys = table.columns.map((c) => c.key);
  const covered = (row: number) =>
    rendering.mergeMunicipality === true && (table.municipalityGroups ?? []).some((g) => g.rows.includes(row) && g.rows[0] !== row);
  const rows = table.rows.map((r, i) =>
    keys.map((k) => (k === "municipality" && covered(i + 1) ? "" : comparableText(r.cells[k]))),
  );
  const total = table.total;
  if (total) {
    const labelKey = rendering.cellBorders === false ? underCentre(total.labelSpan, rendering.columnWidthsMm?.[table.name]) : total.labelSpan[0];
    rows.push(keys.map((k) => (k === labelKey ? comparableText(total.label) : total.labelSpan.includes(k) ? "" : comparableText(total.cells[k]))));
  }
  return rows;
}

/** The column (of span, in order) under the middle of the span's width. */
function underCentre(span: readonly string[], widths: Record<string, number> | undefined): string | undefined {
  if (!widths || span.some((k) => widths[k] === undefined)) throw new Error(`the widths of the columns ${span.join(", ")} are needed to place a label printed without borders`);
  const centre = span.reduce((s, k) => s + widths[k]!, 0) / 2;
  let x = 0;
  return span.find((k) => (x += widths[k]!) > centre);
}

/**
 * The tables of one rendering, in the order they are printed. firstPage places the
 * rendering inside a larger document (the benchmark's book of samples).
 */
export function truthTables(truth: TruthFile, rendering: TruthRendering, firstPage = 1): ExpectedTable[] {
  const order = [...new Set(rendering.pageLayout.map((l) => l.table))];
  return order.map((name) => {
    const table = truth.tables.find((t) => t.name === name);
    if (!table) throw new Error(`${rendering.file}: pageLayout names table ${name}, which the truth does not have`);
    return {
      name,
      pages: rendering.pageLayout.filter((l) => l.table === name).map((l) => l.page + firstPage - 1),
      columns: table.columns.map((c) => c.key),
      rows: truthRows(table, rendering),
    };
  });
}

/** Compares extracted data rows with the expected ones, cell by cell, in order. */
export function compareRows(expected: readonly (readonly string[])[], got: readonly (readonly string[])[], columns: readonly string[] = []): TableAccuracy {
  const wrong: WrongCell[] = [];
  let exact = 0;
  let total = 0;
  const rows = Math.max(expected.length, got.length);
  for (let r = 0; r < rows; r++) {
    const want = expected[r] ?? [];
    const have = got[r] ?? [];
    for (let c = 0; c < Math.max(want.length, have.length); c++) {
      const e = c < want.length ? want[c]! : "";
      const g = comparableText(have[c]);
      const inTruth = r < expected.length && c < want.length;
      if (!inTruth && g === "") continue;
      total++;
      if (inTruth && r < got.length && comparableText(e) === g) exact++;
      else wrong.push({ row: r, col: c, column: columns[c] ?? "", expected: comparableText(e), got: g });
    }
  }
  return { exact, total, wrong };
}

/** How many extracted tables after the expected position may be skipped as spurious. */
const LOOKAHEAD = 2;

/**
 * Every expected table against the extracted ones. Tables are paired in reading order:
 * each expected table takes, among the next unpaired extracted tables (up to LOOKAHEAD
 * skipped), the one with the most exact cells. An expected table that no extracted
 * table matches in a single cell counts as not found: all its cells wrong. Extracted
 * tables left unpaired are not counted (the truth says nothing about them).
 */
export function documentAccuracy(expected: readonly ExpectedTable[], got: readonly { rows: readonly (readonly string[])[] }[]): DocumentAccuracy {
  const tables: DocumentAccuracy["tables"] = [];
  let next = 0;
  for (const want of expected) {
    let best: { index: number; result: TableAccuracy } | null = null;
    for (let i = next; i < Math.min(got.length, next + LOOKAHEAD + 1); i++) {
      const result = compareRows(want.rows, got[i]!.rows, want.columns);
      if (result.exact > 0 && (!best || result.exact > best.result.exact)) best = { index: i, result };
      // The first table that is mostly right is the one: a later copy of the same table (a
      // book of repeated documents) must not take its place because it has one typo fewer.
      if (result.exact >= result.total / 2) {
        best = { index: i, result };
        break;
      }
    }
    if (best) next = best.index + 1;
    const result = best?.result ?? compareRows(want.rows, [], want.columns);
    tables.push({ name: want.name, pages: want.pages, found: best !== null, ...result });
  }
  const exact = tables.reduce((n, t) => n + t.exact, 0);
  const total = tables.reduce((n, t) => n + t.total, 0);
  return { exact, total, ratio: total === 0 ? 1 : exact / total, tables };
}
