/**
 * The built-in pipeline of `kohyo tables`: every table of a document, ruled or not,
 * continued over pages as one table, with its printed totals checked.
 *
 * - analysePage: the page's tables (findTables) and, on a page read by OCR, its words with
 *   their confidence (for the cells' confidence and the suspects of a failing total).
 * - the assembler stitches the pages' tables as they come (Stitcher); a table complete is
 *   named by its first page and its place there (p004-t01), checked and handed on at once,
 *   and what was kept for it let go: memory follows the open table, not the document.
 */
import type { Diagnostic } from "../../model/finding.js";
import type { Page } from "../../model/page.js";
import { findTables, type FindOptions } from "../../table/find.js";
import { Stitcher, withHeaderRows, type Table } from "../../table/stitch.js";
import { totalChecks, type TotalCheck } from "../../checks/index.js";
import { cellConfidence, type OcrReading, ocrReadings, suspectDigits } from "../../table/suspects.js";
import type { PageTable } from "../../table/types.js";
import type { Assembler, AssemblyContext, PageAnalysisBase, Pipeline, TableSink } from "../types.js";
import { pushAll } from "../../bounded.js";

/** How `kohyo tables` reads and names tables (its corrections and choices). */
export interface TablesReading {
  /** Corrections: --strategy, --area, --columns (see FindOptions). */
  find?: FindOptions;
  /** Correction: --header-rows N for every table (ID=N ones aside). */
  headerRows?: number;
  /** Correction: --header-rows ID=N for one table, by its id (p004-t01). */
  headerRowsOf?: Record<string, number>;
  /** Cells that print one number written as that number (1,234 → 1234, △5 → -5). */
  numbers?: boolean;
  /** Only the tables with these ids (p004-t01). */
  only?: string[];
}

/** One table of tables.json. */
export interface TableJson {
  id: string;
  pages: number[];
  headerRows: number;
  columns: string[][];
  /** The data rows; with --numbers, a cell that prints one number is that number. */
  rows: (string | number)[][];
  /** `confidence`: only for a cell read by OCR, the least sure of its words (0–1). */
  cells: { row: number; col: number; rowSpan: number; colSpan: number; text: string; page: number; box: Table["cells"][number]["box"]; confidence?: number }[];
  /** Of `totals`: how many hold, and how many do not. */
  totals: TotalCheck[];
  totalsOk: number;
  totalsFailed: number;
}

/** The stable JSON form of one file's tables (documented in the README). */
export interface TablesJson {
  file: string;
  sha256: string;
  pages: number;
  tables: TableJson[];
  diagnostics: Diagnostic[];
}

/** What a page gives the tables pipeline. */
export interface TablesPageAnalysis extends PageAnalysisBase {
  tables: PageTable[];
  /** The page's words read by OCR, with their confidence (none for a page read from its text layer). */
  readings: OcrReading[];
}

/** The tables of a document not handed to the sink, and its diagnostics: the document's, its pages', then the tables' (suspect digits). */
export interface TablesResult {
  pipeline: "tables";
  tables: TableJson[];
  diagnostics: Diagnostic[];
}

export function tablesPipeline(reading: TablesReading = {}): Pipeline<TablesPageAnalysis, TablesResult, TableJson> {
  return {
    name: "tables",
    description: "every table, ruled or not, continued over pages, with its printed totals checked",
    // Built in, run by name (kohyo tables): it claims no document.
    recognise: () => 0,
    recognitionWords: () => [],
    analysePage: async (page: Page) => ({ number: page.number, tables: findTables(page, reading.find ?? {}), readings: ocrReadings(page), diagnostics: page.diagnostics }),
    assembler: (doc, sink) => tablesAssembler(reading, doc, sink),
  };
}

function tablesAssembler(reading: TablesReading, doc: AssemblyContext, sink: TableSink<TableJson> | undefined): Assembler<TablesPageAnalysis, TablesResult> {
  const stitcher = new Stitcher();
  const docDiagnostics = [...doc.diagnostics];
  const pageDiagnostics: Diagnostic[] = [];
  const tableDiagnostics: Diagnostic[] = [];
  // What OCR read on the pages of the table still open (and after it).
  let readings: OcrReading[] = [];
  const kept: TableJson[] = [];
  // The id of a table: its first page, zero-padded to three digits or to the digits of the page count.
  const width = Math.max(3, String(doc.pageCount).length);
  const onPage = new Map<number, number>();

  const complete = async (done: readonly Table[]) => {
    for (const stitched of done) {
      const first = stitched.pages[0] ?? 0;
      const n = (onPage.get(first) ?? 0) + 1;
      onPage.set(first, n);
      const id = `p${String(first).padStart(width, "0")}-t${String(n).padStart(2, "0")}`;
      if (reading.only && !reading.only.includes(id)) continue;
      const table = tableJson(id, stitched, reading, readings, tableDiagnostics, doc.file);
      if (sink) await sink(table);
      else kept.push(table);
    }
  };

  return {
    async add(a) {
      pushAll(pageDiagnostics, a.diagnostics);
      pushAll(readings, a.readings);
      // Pages without tables are left out, as stitchTables does.
      if (a.tables.length) await complete(stitcher.push(a.number, a.tables));
      const since = stitcher.openSince;
      if (readings.length) readings = since === null ? [] : readings.filter((r) => r.page >= since);
    },
    async finish() {
      await complete(stitcher.finish());
      return { pipeline: "tables", tables: kept, diagnostics: [...docDiagnostics, ...pageDiagnostics, ...tableDiagnostics] };
    },
  };
}

/** One complete table as tables.json has it, its totals checked; the suspects of a failing total read by OCR go to `diagnostics`. */
function tableJson(id: string, stitched: Table, reading: TablesReading, readings: readonly OcrReading[], diagnostics: Diagnostic[], file: string): TableJson {
  const own = reading.headerRowsOf?.[id] ?? reading.headerRows;
  const t = own === undefined ? stitched : withHeaderRows(stitched, own);
  const totals = totalChecks(t);
  pushAll(diagnostics, suspectDigits(t, totals, readings, file));
  return {
    id,
    pages: t.pages,
    headerRows: t.headerRows,
    columns: t.columns,
    rows: rowsOf(t, reading.numbers === true),
    cells: t.cells.map(({ row, col, rowSpan, colSpan, page, box, ...c }) => {
      const confidence = readings.length ? cellConfidence({ page, box }, readings) : undefined;
      return { row, col, rowSpan, colSpan, text: cellText(c), page, box, ...(confidence !== undefined && { confidence }) };
    }),
    totals,
    totalsOk: totals.filter((c) => c.ok).length,
    totalsFailed: totals.filter((c) => !c.ok).length,
  };
}

/** A cell's text, its printed lines kept apart (a list of names in one cell stays a list). */
const cellText = (c: { text: string; lines?: string[] }): string => (c.lines && c.lines.length > 1 ? c.lines.join("\n") : c.text);

/**
 * A cell that prints one number, as that number: "1,234" → 1234, "△5" / "▲5" / "-5" → -5,
 * "12.5" → 12.5 (full-width digits too). Not a code: "012068" keeps its zero, as text.
 */
export function cellValue(text: string): string | number {
  const t = text.normalize("NFKC").replace(/\s+/g, "").replace(/[−–]/g, "-");
  const m = /^([△▲-]?)((?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?)$/.exec(t);
  if (!m) return text;
  const n = Number(m[2]!.replace(/,/g, ""));
  return m[1] ? -n : n;
}

/** The data rows, each cell's lines kept apart; with numbers, numbers as numbers. */
function rowsOf(t: Table, numbers: boolean): (string | number)[][] {
  const grid = Array.from({ length: t.rows }, () => Array<string | number>(t.cols).fill(""));
  for (const c of t.cells) {
    const text = cellText(c);
    grid[c.row]![c.col] = numbers && c.row >= t.headerRows ? cellValue(text) : text;
  }
  return grid.slice(t.headerRows);
}
