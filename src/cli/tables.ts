/**
 * `kohyo tables FILE... [--pages 1-3,5] [--format json|csv] [--password PW] [-o DIR]`
 *
 * Every ruled table of each file — continued over pages as one table — with its printed
 * totals checked. JSON (the default) goes to stdout, or to DIR/<file name>/tables.json
 * with -o; CSV writes one file per table, DIR/<file name>/<table id>.csv (DIR defaults
 * to output/). Exit 1 when a total does not hold (outputs are still written).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeToString } from "fast-csv";
import type { Diagnostic } from "../diagnostics.js";
import { EXIT, exitCodeFor, type InputError } from "../errors.js";
import { openPdf } from "../pdf/load.js";
import { latticeTables } from "../table/lattice.js";
import { dataRows, stitchTables, type Table } from "../table/stitch.js";
import { checkTotals, type TotalCheck } from "../table/totals.js";
import type { PageTable } from "../table/types.js";
import { type CliIO, outputName } from "./io.js";
import { parsePageSpec } from "./pages.js";

export interface TablesOptions {
  files: string[];
  pages?: string;
  format: "json" | "csv";
  password?: string;
  outDir?: string;
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
    cells: { row: number; col: number; rowSpan: number; colSpan: number; text: string; page: number; box: Table["cells"][number]["box"] }[];
    totals: TotalCheck[];
  }[];
  diagnostics: Diagnostic[];
}

export async function tables(opts: TablesOptions, io: CliIO): Promise<number> {
  const failures: InputError[] = [];
  let usage = false;
  let checksFailed = false;
  for (const file of opts.files) {
    const result = await tablesOne(file, opts, io);
    if (result === "usage") usage = true;
    else if ("reason" in result) {
      failures.push(result);
      io.err(`kohyo: ${result.message}\n`);
    } else if (result.failed) checksFailed = true;
  }
  if (failures.length) return exitCodeFor(failures);
  if (usage) return EXIT.usage;
  return checksFailed ? EXIT.checkFailed : EXIT.ok;
}

async function tablesOne(file: string, opts: TablesOptions, io: CliIO): Promise<InputError | "usage" | { failed: boolean }> {
  const opened = await openPdf(file, opts.password === undefined ? {} : { password: opts.password });
  if (!opened.ok) return opened.error;
  const { doc } = opened;
  try {
    const selection = opts.pages ? parsePageSpec(opts.pages, doc.pageCount) : undefined;
    if (typeof selection === "string") {
      io.err(`kohyo: ${file}: ${selection}\n`);
      return "usage";
    }
    const pageTables: PageTable[] = [];
    const diagnostics: Diagnostic[] = [...doc.diagnostics];
    for await (const page of doc.pages(selection)) {
      pageTables.push(...latticeTables(page.number, page.rules, page.runs));
      diagnostics.push(...page.diagnostics);
    }
    const verdict = selection ? null : doc.verdict();
    if (verdict) return verdict;
    const found = stitchTables(pageTables);
    const json: TablesJson = {
      file: doc.info.file,
      sha256: doc.info.sha256,
      pages: doc.info.pages,
      tables: found.map((t) => ({
        id: t.id,
        pages: t.pages,
        headerRows: t.headerRows,
        columns: t.columns,
        rows: dataRows(t),
        cells: t.cells.map(({ row, col, rowSpan, colSpan, text, page, box }) => ({ row, col, rowSpan, colSpan, text, page, box })),
        totals: checkTotals(t),
      })),
      diagnostics,
    };
    const failed = json.tables.flatMap((t) => t.totals).filter((c) => c.severity === "error");
    for (const c of json.tables.flatMap((t) => t.totals).filter((c) => !c.ok)) {
      io.err(
        `kohyo: ${c.severity}: ${file} p.${c.page}: ${c.label} of ${c.column || "column"} prints ${c.printed}, ` +
          `the ${c.rows} rows above sum to ${c.sum} (difference ${c.difference})\n`,
      );
    }
    await write(file, json, opts, io);
    return { failed: failed.length > 0 };
  } finally {
    await doc.close();
  }
}

async function write(file: string, json: TablesJson, opts: TablesOptions, io: CliIO): Promise<void> {
  if (opts.format === "json") {
    const text = JSON.stringify(json, null, 2) + "\n";
    if (!opts.outDir) {
      io.out(text);
      return;
    }
    const dir = join(opts.outDir, outputName(file));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "tables.json"), text);
    io.out(`${file}: ${json.tables.length} tables → ${join(dir, "tables.json")}\n`);
    return;
  }
  const dir = join(opts.outDir ?? "output", outputName(file));
  mkdirSync(dir, { recursive: true });
  for (const t of json.tables) {
    const header = t.columns.map((path, i) => path.join(" / ") || `column ${i + 1}`);
    const csv = await writeToString([header, ...t.rows], { headers: false });
    writeFileSync(join(dir, `${t.id}.csv`), csv + "\n");
    io.out(`${file}: ${t.id} (pages ${t.pages.join(",")}, ${t.rows.length} rows) → ${join(dir, `${t.id}.csv`)}\n`);
  }
}
