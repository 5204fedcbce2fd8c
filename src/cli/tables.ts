/**
 * `kohyo tables FILE... [--pages 1-3,5] [--format json|csv] [--numbers] [--table ID] [--password PW] [-o DIR|-]`
 *
 * Every table of each file, ruled or not — continued over pages as one table — with its printed
 * totals checked. Tables are named by their first page and their place on it: p004-t01.
 * JSON (the default) goes to stdout (JSON Lines for several files), or to
 * DIR/<file name>/tables.json with -o; CSV writes one file per table,
 * DIR/<file name>/p004-t01.csv, with tables.csv (one line per table: pages, rows,
 * columns, totals ok and failed) and totals.csv (every printed total checked) beside
 * (DIR defaults to output/); `-o -` writes one table's CSV to stdout. A cell printed on
 * several lines keeps its line breaks. Exit 1 when a total does not hold (outputs are
 * still written).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvText } from "../output/csv.js";
import type { Diagnostic } from "../model/finding.js";
import { findTables, type FindOptions } from "../table/find.js";
import { stitchTables, withHeaderRows, type Table } from "../table/stitch.js";
import { checkTotals, type TotalCheck } from "../table/totals.js";
import { cellConfidence, type OcrReading, ocrReadings, suspectDigits } from "../table/suspects.js";
import { type CliIO, jsonValue, outputNames, processIO, writeJsonFile } from "../output/io.js";
import { pageTicker } from "./ticker.js";
import { EXIT } from "../errors.js";
import { say } from "../output/messages.js";
import { defaultJobs } from "../batch/pool.js";
import { ocrReader } from "../ocr/index.js";
import type { ReadingOptions } from "./options.js";
import { documentOptions, readPages, runBatch, withDocument, withOcr } from "../batch/document.js";

export interface TablesOptions extends ReadingOptions {
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

/** The stable JSON form of one file's tables (documented in the README). */
export interface TablesJson {
  file: string;
  sha256: string;
  pages: number;
  tables: {
    id: string;
    pages: number[];
    headerRows: number;
    columns: string[][];
    /** The data rows; with --numbers, a cell that prints one number is that number. */
    rows: (string | number)[][];
    /** `confidence`: only for a cell read by OCR, the least sure of its words (0–1). */
    cells: { row: number; col: number; rowSpan: number; colSpan: number; text: string; page: number; box: Table["cells"][number]["box"]; confidence?: number }[];
    /** Of `totals`: how many hold, and how many do not. */
    totalsOk: number;
    totalsFailed: number;
    totals: TotalCheck[];
  }[];
  diagnostics: Diagnostic[];
}

export async function tables(opts: TablesOptions, io: CliIO): Promise<number> {
  const ocr = ocrReader(opts.ocr ?? "auto", defaultJobs());
  const where = documentOptions(opts.password, opts.pages, ocr);
  const names = outputNames(opts.files);
  // -o - with more than one table: nothing written, a usage error.
  let refused = false;
  const code = await withOcr(ocr, () => runBatch(opts.files, io, (file) =>
    withDocument(file, where, io, async (doc, selection) => {
      // What OCR read, with its confidence: for the cells' confidence and the suspects of a failing total.
      const readings: OcrReading[] = [];
      const ticker = pageTicker(file, opts.lang ?? "en", io === processIO ? process.stderr : null);
      const read = await readPages(doc, selection, (page) => {
        readings.push(...ocrReadings(page));
        return findTables(page, opts.find ?? {});
      }, ticker);
      ticker.done();
      if (!read) return { checksFailed: false };
      const { found: pageTables, diagnostics } = read;
      const json: TablesJson = {
        file: doc.info.file,
        sha256: doc.info.sha256,
        pages: doc.info.pages,
        tables: named(stitchTables(pageTables, opts.headerRows === undefined ? {} : { headerRows: opts.headerRows }), doc.info.pages)
          .filter(({ id }) => !opts.only || opts.only.includes(id))
          .map(({ id, table }) => {
            const own = opts.headerRowsOf?.[id];
            const t = own === undefined ? table : withHeaderRows(table, own);
            const totals = checkTotals(t);
            diagnostics.push(...suspectDigits(t, totals, readings, file));
            return {
              id,
              pages: t.pages,
              headerRows: t.headerRows,
              columns: t.columns,
              rows: rowsOf(t, opts.numbers === true),
              cells: t.cells.map(({ row, col, rowSpan, colSpan, page, box, ...c }) => {
                const confidence = readings.length ? cellConfidence({ page, box }, readings) : undefined;
                return { row, col, rowSpan, colSpan, text: cellText(c), page, box, ...(confidence !== undefined && { confidence }) };
              }),
              totals,
              totalsOk: totals.filter((c) => c.ok).length,
              totalsFailed: totals.filter((c) => !c.ok).length,
            };
          }),
        diagnostics,
      };
      const failing = json.tables.flatMap((t) => t.totals).filter((c) => !c.ok);
      for (const d of diagnostics.filter((x) => x.rule === "ocr/suspect-digit")) io.err(`kohyo: ${d.severity}: ${file} ${d.message}\n`);
      for (const c of failing) io.err(`${say(opts.lang ?? "en").tableTotal({ ...c, file })}\n`);
      if (!(await write(file, names.get(file)!, json, opts, io))) refused = true;
      return { checksFailed: failing.some((c) => c.severity === "error") };
    }),
    opts.lang,
  ));
  return refused ? EXIT.usage : code;
}

/**
 * Each table's name: its first page (zero-padded to three digits, or to the digits of the
 * page count) and its place among the tables starting on that page: p004-t01.
 */
function named(tables: readonly Table[], pageCount: number): { id: string; table: Table }[] {
  const width = Math.max(3, String(pageCount).length);
  const onPage = new Map<number, number>();
  return tables.map((table) => {
    const first = table.pages[0] ?? 0;
    const n = (onPage.get(first) ?? 0) + 1;
    onPage.set(first, n);
    return { id: `p${String(first).padStart(width, "0")}-t${String(n).padStart(2, "0")}`, table };
  });
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


const INDEX_HEADER = ["id", "pages", "rows", "columns", "totals_ok", "totals_failed"];
const TOTALS_HEADER = ["table", "page", "row", "label", "column", "printed", "sum", "difference", "ok", "severity", "rule", "formula", "x0", "y0", "x1", "y1"];

async function write(file: string, name: string, json: TablesJson, opts: TablesOptions, io: CliIO): Promise<boolean> {
  if (opts.format === "json") {
    if (!opts.outDir || opts.outDir === "-") {
      // Several files: one JSON object a line (JSON Lines), for jq and friends.
      io.out(opts.files.length > 1 ? JSON.stringify(json, jsonValue) + "\n" : JSON.stringify(json, jsonValue, 2) + "\n");
      return true;
    }
    const dir = join(opts.outDir, name);
    mkdirSync(dir, { recursive: true });
    writeJsonFile(join(dir, "tables.json"), json);
    io.out(`${file}: ${json.tables.length} tables → ${join(dir, "tables.json")}\n`);
    return true;
  }
  const header = (t: TablesJson["tables"][number]) => t.columns.map((path, i) => path.join(" / ") || `column ${i + 1}`);
  if (opts.outDir === "-") {
    // One table's CSV to stdout: which one must be clear.
    if (json.tables.length !== 1 || opts.files.length !== 1) {
      io.err(`kohyo: ${file}: ${json.tables.length} tables: CSV on stdout takes one; name it with --table ID (${json.tables.map((t) => t.id).join(", ") || "none"}), or write them all with -o DIR\n`);
      return false;
    }
    const t = json.tables[0]!;
    io.out(await csvText([header(t), ...t.rows], opts));
    return true;
  }
  const dir = join(opts.outDir ?? "output", name);
  mkdirSync(dir, { recursive: true });
  for (const t of json.tables) {
    writeFileSync(join(dir, `${t.id}.csv`), await csvText([header(t), ...t.rows], opts));
    io.out(`${file}: ${t.id} (pages ${t.pages.join(",")}, ${t.rows.length} rows) → ${join(dir, `${t.id}.csv`)}\n`);
  }
  const index = json.tables.map((t) => [t.id, t.pages.join(","), t.rows.length, t.columns.length, t.totalsOk, t.totalsFailed]);
  writeFileSync(join(dir, "tables.csv"), await csvText([INDEX_HEADER, ...index], opts));
  const totals = json.tables.flatMap((t) =>
    t.totals.map((c) => [t.id, c.page, c.row, c.label, c.column, c.printed, c.sum, c.difference, String(c.ok), c.severity, c.rule, c.formula ?? "", c.box.x0, c.box.y0, c.box.x1, c.box.y1]),
  );
  writeFileSync(join(dir, "totals.csv"), await csvText([TOTALS_HEADER, ...totals], opts));
  return true;
}
