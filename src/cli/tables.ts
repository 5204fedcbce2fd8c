/**
 * `kohyo tables FILE... [--pages 1-3,5] [--format json|csv] [--password PW] [-o DIR]`
 *
 * Every table of each file, ruled or not — continued over pages as one table — with its printed
 * totals checked. JSON (the default) goes to stdout, or to DIR/<file name>/tables.json
 * with -o; CSV writes one file per table, DIR/<file name>/<table id>.csv (DIR defaults
 * to output/). Exit 1 when a total does not hold (outputs are still written).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeToString } from "fast-csv";
import type { Diagnostic } from "../model/finding.js";
import { findTables, type FindOptions } from "../table/find.js";
import { dataRows, stitchTables, type Table } from "../table/stitch.js";
import { checkTotals, type TotalCheck } from "../table/totals.js";
import { cellConfidence, type OcrReading, ocrReadings, suspectDigits } from "../table/suspects.js";
import { type CliIO, outputNames, writeJsonFile } from "../output/io.js";
import { defaultJobs } from "../batch/pool.js";
import { type OcrMode, ocrReader } from "../ocr/index.js";
import { documentOptions, readPages, runBatch, withDocument, withOcr } from "../batch/document.js";

export interface TablesOptions {
  /** Corrections: --strategy, --area, --columns (see FindOptions). */
  find?: FindOptions;
  /** Correction: --header-rows N for every table. */
  headerRows?: number;
  files: string[];
  pages?: string;
  format: "json" | "csv";
  /** Start each CSV with a byte order mark (for Excel). */
  bom?: boolean;
  password?: string;
  outDir?: string;
  /** Scanned pages: read by OCR (auto, the default), every page by OCR (on), never (off). */
  ocr?: OcrMode;
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
    rows: string[][];
    /** `confidence`: only for a cell read by OCR, the least sure of its words (0–1). */
    cells: { row: number; col: number; rowSpan: number; colSpan: number; text: string; page: number; box: Table["cells"][number]["box"]; confidence?: number }[];
    totals: TotalCheck[];
  }[];
  diagnostics: Diagnostic[];
}

export async function tables(opts: TablesOptions, io: CliIO): Promise<number> {
  const ocr = ocrReader(opts.ocr ?? "auto", defaultJobs());
  const where = documentOptions(opts.password, opts.pages, ocr);
  const names = outputNames(opts.files);
  return withOcr(ocr, () => runBatch(opts.files, io, (file) =>
    withDocument(file, where, io, async (doc, selection) => {
      // What OCR read, with its confidence: for the cells' confidence and the suspects of a failing total.
      const readings: OcrReading[] = [];
      const read = await readPages(doc, selection, (page) => {
        readings.push(...ocrReadings(page));
        return findTables(page, opts.find ?? {});
      });
      if (!read) return { checksFailed: false };
      const { found: pageTables, diagnostics } = read;
      const json: TablesJson = {
        file: doc.info.file,
        sha256: doc.info.sha256,
        pages: doc.info.pages,
        tables: stitchTables(pageTables, opts.headerRows === undefined ? {} : { headerRows: opts.headerRows }).map((t) => {
          const totals = checkTotals(t);
          diagnostics.push(...suspectDigits(t, totals, readings, file));
          return {
            id: t.id,
            pages: t.pages,
            headerRows: t.headerRows,
            columns: t.columns,
            rows: dataRows(t),
            cells: t.cells.map(({ row, col, rowSpan, colSpan, text, page, box }) => {
              const confidence = readings.length ? cellConfidence({ page, box }, readings) : undefined;
              return { row, col, rowSpan, colSpan, text, page, box, ...(confidence !== undefined && { confidence }) };
            }),
            totals,
          };
        }),
        diagnostics,
      };
      const failing = json.tables.flatMap((t) => t.totals).filter((c) => !c.ok);
      for (const d of diagnostics.filter((x) => x.rule === "ocr/suspect-digit")) io.err(`kohyo: ${d.severity}: ${file} ${d.message}\n`);
      for (const c of failing) {
        io.err(
          `kohyo: ${c.severity}: ${file} p.${c.page}: ${c.label} of ${c.column || "column"} prints ${c.printed}, ` +
            `${c.formula ? `${c.formula} gives` : `the ${c.rows} rows above sum to`} ${c.sum} (difference ${c.difference})\n`,
        );
      }
      await write(file, names.get(file)!, json, opts, io);
      return { checksFailed: failing.some((c) => c.severity === "error") };
    }),
  ));
}

async function write(file: string, name: string, json: TablesJson, opts: TablesOptions, io: CliIO): Promise<void> {
  if (opts.format === "json") {
    if (!opts.outDir) {
      io.out(JSON.stringify(json, null, 2) + "\n");
      return;
    }
    const dir = join(opts.outDir, name);
    mkdirSync(dir, { recursive: true });
    writeJsonFile(join(dir, "tables.json"), json);
    io.out(`${file}: ${json.tables.length} tables → ${join(dir, "tables.json")}\n`);
    return;
  }
  const dir = join(opts.outDir ?? "output", name);
  mkdirSync(dir, { recursive: true });
  for (const t of json.tables) {
    const header = t.columns.map((path, i) => path.join(" / ") || `column ${i + 1}`);
    const csv = await writeToString([header, ...t.rows], { headers: false });
    writeFileSync(join(dir, `${t.id}.csv`), (opts.bom ? "\uFEFF" : "") + csv + "\n");
    io.out(`${file}: ${t.id} (pages ${t.pages.join(",")}, ${t.rows.length} rows) → ${join(dir, `${t.id}.csv`)}\n`);
  }
}
