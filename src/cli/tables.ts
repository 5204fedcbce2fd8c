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
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvText } from "../output/csv.js";
import { type CliIO, JsonListFile, jsonValue, lazyFolder, outputNames, processIO } from "../output/io.js";
import { pageTicker } from "./ticker.js";
import { EXIT } from "../errors.js";
import { say } from "../output/messages.js";
import { defaultJobs } from "../batch/pool.js";
import { ocrReader } from "../ocr/index.js";
import type { ReadingOptions } from "./options.js";
import { documentOptions, runBatch, unreadable, withDocument, withOcr } from "../batch/document.js";
import { driveBuiltin, lazyPool } from "../batch/chunks.js";
import { onInterrupt } from "../batch/interrupt.js";
import { guard } from "../pdf/limits.js";
import { type TableJson, type TablesJson, tablesPipeline, type TablesReading } from "../pipeline/builtin/tables.js";
import type { Diagnostic } from "../model/finding.js";
import type { DocumentInfo } from "../model/page.js";
import type { TotalCheck } from "../checks/index.js";
import { pushAll } from "../bounded.js";

export type { TablesJson };

export interface TablesOptions extends ReadingOptions, TablesReading {}

export async function tables(opts: TablesOptions, io: CliIO): Promise<number> {
  const ocr = ocrReader(opts.ocr ?? "auto", opts.jobs ?? defaultJobs());
  const where = documentOptions(opts.password, opts.pages, ocr);
  const names = outputNames(opts.files);
  const pipeline = tablesPipeline(opts);
  // Long documents are read in chunks on worker threads (made when the first is met).
  const pool = lazyPool(opts.jobs ?? defaultJobs(), guard().limits);
  // Ctrl-C: the file being read stops (its workers ended) and what was written of it goes; exit 130.
  const interruption = onInterrupt();
  // -o - with more than one table: nothing written, a usage error.
  let refused = false;
  const code = await withOcr(ocr, () => runBatch(opts.files, io, (file) =>
    withDocument(file, where, io, async (doc, selection) => {
      const ticker = pageTicker(file, opts.lang ?? "en", io === processIO ? process.stderr : null);
      // Each table goes to the output as soon as it is complete (written at once with -o DIR).
      const out = tablesOutput(file, names.get(file)!, doc.info, opts);
      const failing: TotalCheck[] = [];
      const sink = async (t: TableJson) => {
        pushAll(failing, t.totals.filter((c) => !c.ok));
        await out.table(t);
      };
      let diagnostics: Diagnostic[];
      try {
        // A file that turns out unreadable (truncated, damaged, no text) is thrown as such, and nothing of it is written.
        ({ diagnostics } = await driveBuiltin(pipeline, { name: "tables", ...(opts.find && { find: opts.find }) }, doc, selection, { file, password: opts.password, ocr: opts.ocr ?? "auto", pool, sink, onPage: ticker, signal: interruption.signal }));
      } catch (e) {
        out.abort();
        throw e;
      } finally {
        ticker.done();
      }
      for (const d of diagnostics.filter((x) => x.rule === "ocr/suspect-digit")) io.err(`kohyo: ${d.severity}: ${file} ${d.message}\n`);
      for (const c of failing) io.err(`${say(opts.lang ?? "en").tableTotal({ ...c, file })}\n`);
      if (!(await out.finish(diagnostics, io))) refused = true;
      return { checksFailed: failing.some((c) => c.severity === "error") };
    }).catch(unreadable),
    opts.lang,
    interruption.signal,
  )).finally(() => {
    interruption.dispose();
    return pool?.close();
  });
  // Interrupted (130) says more than the refusal of -o - for several tables.
  return refused && code !== EXIT.interrupted ? EXIT.usage : code;
}

/** Where one file's tables go, one at a time as they are complete; nothing of them is left when aborted. */
interface TablesOutput {
  table(t: TableJson): Promise<void>;
  /** The end of the file's tables: the rest written, what was written said on `io`; false when refused (CSV on stdout takes one table). */
  finish(diagnostics: Diagnostic[], io: CliIO): Promise<boolean>;
  abort(): void;
}

function tablesOutput(file: string, name: string, info: DocumentInfo, opts: TablesOptions): TablesOutput {
  if (opts.format === "json") return !opts.outDir || opts.outDir === "-" ? jsonOnStdout(info, opts) : jsonFile(file, info, join(opts.outDir, name));
  return opts.outDir === "-" ? csvOnStdout(file, opts) : csvFiles(file, join(opts.outDir ?? "output", name), opts);
}

/** tables.json's members before its tables. */
const jsonHead = (info: DocumentInfo) => ({ file: info.file, sha256: info.sha256, pages: info.pages });

/**
 * JSON on stdout: each table kept as its JSON text (not its cells), the whole printed at the
 * end as JSON.stringify(tables.json, jsonValue, 2) would — or on one line (JSON Lines) for
 * several files, for jq and friends.
 */
function jsonOnStdout(info: DocumentInfo, opts: TablesOptions): TablesOutput {
  const lines = opts.files.length > 1;
  const texts: string[] = [];
  return {
    async table(t) {
      texts.push(lines ? JSON.stringify(t, jsonValue) : JSON.stringify(t, jsonValue, 2).replaceAll("\n", "\n    "));
    },
    async finish(diagnostics, io) {
      const head = Object.entries(jsonHead(info)).map(([k, v]) => (lines ? `${JSON.stringify(k)}:${JSON.stringify(v)},` : `\n  ${JSON.stringify(k)}: ${JSON.stringify(v)},`));
      const tables = lines ? `[${texts.join(",")}]` : texts.length ? `[\n    ${texts.join(",\n    ")}\n  ]` : "[]";
      const diags = lines ? JSON.stringify(diagnostics, jsonValue) : JSON.stringify(diagnostics, jsonValue, 2).replaceAll("\n", "\n  ");
      io.out(lines ? `{${head.join("")}"tables":${tables},"diagnostics":${diags}}\n` : `{${head.join("")}\n  "tables": ${tables},\n  "diagnostics": ${diags}\n}\n`);
      return true;
    },
    abort() {},
  };
}

/** DIR/<file name>/tables.json, written table by table (see JsonListFile) and renamed into place at the end. */
function jsonFile(file: string, info: DocumentInfo, dir: string): TablesOutput {
  const path = join(dir, "tables.json");
  const folder = lazyFolder(dir);
  let json: JsonListFile | null = null;
  const open = (): JsonListFile => {
    folder.make();
    return (json ??= new JsonListFile(path, jsonHead(info), "tables"));
  };
  return {
    async table(t) {
      open().add(t);
    },
    async finish(diagnostics, io) {
      const f = open();
      f.close({ diagnostics });
      io.out(`${file}: ${f.length} tables → ${path}\n`);
      return true;
    },
    abort() {
      json?.abort();
      folder.remove();
    },
  };
}

/** A table's CSV: its header (the column paths) and its data rows. */
const tableCsv = (t: TableJson, opts: TablesOptions): Promise<string> => csvText([t.columns.map((path, i) => path.join(" / ") || `column ${i + 1}`), ...t.rows], opts);

/** One table's CSV on stdout: which one must be clear, so the file must have exactly one. */
function csvOnStdout(file: string, opts: TablesOptions): TablesOutput {
  const ids: string[] = [];
  let only: string | null = null;
  return {
    async table(t) {
      ids.push(t.id);
      only = ids.length === 1 ? await tableCsv(t, opts) : null;
    },
    async finish(_diagnostics, io) {
      if (only === null || opts.files.length !== 1) {
        io.err(`kohyo: ${file}: ${ids.length} tables: CSV on stdout takes one; name it with --table ID (${ids.join(", ") || "none"}), or write them all with -o DIR\n`);
        return false;
      }
      io.out(only);
      return true;
    },
    abort() {},
  };
}

const INDEX_HEADER = ["id", "pages", "rows", "columns", "totals_ok", "totals_failed"];
const TOTALS_HEADER = ["table", "page", "row", "label", "column", "printed", "sum", "difference", "ok", "severity", "rule", "formula", "x0", "y0", "x1", "y1"];

/**
 * DIR/<file name>/p004-t01.csv for each table, written as it is complete (beside its
 * name, renamed into place at the end), with tables.csv (one line per table) and
 * totals.csv (every printed total checked) written at the end.
 */
function csvFiles(file: string, dir: string, opts: TablesOptions): TablesOutput {
  const written: { path: string; said: string }[] = [];
  const index: (string | number)[][] = [];
  const totals: (string | number | null)[][] = [];
  const folder = lazyFolder(dir);
  return {
    async table(t) {
      folder.make();
      const path = join(dir, `${t.id}.csv`);
      writeFileSync(`${path}.partial`, await tableCsv(t, opts));
      written.push({ path, said: `${file}: ${t.id} (pages ${t.pages.join(",")}, ${t.rows.length} rows) → ${path}\n` });
      index.push([t.id, t.pages.join(","), t.rows.length, t.columns.length, t.totalsOk, t.totalsFailed]);
      for (const c of t.totals) totals.push([t.id, c.page, c.row, c.label, c.column, c.printed, c.sum, c.difference, String(c.ok), c.severity, c.rule, c.formula ?? "", c.box.x0, c.box.y0, c.box.x1, c.box.y1]);
    },
    async finish(_diagnostics, io) {
      folder.make();
      for (const w of written) {
        renameSync(`${w.path}.partial`, w.path);
        io.out(w.said);
      }
      writeFileSync(join(dir, "tables.csv"), await csvText([INDEX_HEADER, ...index], opts));
      writeFileSync(join(dir, "totals.csv"), await csvText([TOTALS_HEADER, ...totals], opts));
      return true;
    },
    abort() {
      for (const w of written) rmSync(`${w.path}.partial`, { force: true });
      folder.remove();
    },
  };
}
