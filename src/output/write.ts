/**
 * A pipeline's result → the files of `kohyo extract`, in one folder per input file:
 * - records.json: every table's records (with provenance) and checks;
 * - <table name>.csv: one flat CSV per table (UTF-8, optional BOM, ja or en header);
 * - datapackage.json: a Frictionless tabular data package describing the CSVs (none when
 *   there is no table: a package has at least one resource);
 * - report.json: every check and diagnostic, and a summary.
 */
import { rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { type CsvOptions, csvText } from "./csv.js";
import type { Diagnostic } from "../model/finding.js";
import type { DocumentInfo } from "../model/page.js";
import { JsonFile, safeName, UniqueNames, writeJsonFile } from "./io.js";
import { cleanStaging, stagingFolder, switchIntoPlace } from "../pipeline/staging.js";
import { KOHYO_VERSION } from "../version.js";
import type { Check, PipelineResult, RecordTable } from "../pipeline/types.js";

export interface WriteOptions extends CsvOptions {
  /** CSV header: Japanese column names (default) or the English field names. */
  header?: "ja" | "en";
}

export interface RecordsJson {
  file: string;
  sha256: string;
  pipeline: string;
  kohyoVersion: string;
  tables: {
    name: string;
    title: string | null;
    fiscalYear: number | null;
    unit: string | null;
    pages: number[];
    records: unknown[];
    checks: Check[];
  }[];
  /** Last: known once every table is read (see OutputWriter). */
  valid: boolean;
}

export interface Summary {
  tables: number;
  records: number;
  checks: number;
  passed: number;
  failed: number;
  warnings: number;
}

/** A document is valid when no check of severity error fails. */
export const failing = (c: Check) => !c.ok && c.severity === "error";

/** What the report and the data package need of a table once its records are written: everything but the records, and their count. */
export type TableOutline = Omit<RecordTable, "records"> & { recordCount: number };

export function outline(t: RecordTable): TableOutline {
  const { records, ...rest } = t;
  return { ...rest, recordCount: records.length };
}

export function summarise(tables: readonly TableOutline[]): Summary {
  const checks = tables.flatMap((t) => t.checks);
  return {
    tables: tables.length,
    records: tables.reduce((n, t) => n + t.recordCount, 0),
    checks: checks.length,
    passed: checks.filter((c) => c.ok).length,
    failed: checks.filter(failing).length,
    warnings: checks.filter((c) => !c.ok && c.severity === "warning").length,
  };
}

function valid(tables: readonly { checks: Check[] }[], diagnostics: readonly Diagnostic[]): boolean {
  return !tables.some((t) => t.checks.some(failing)) && !diagnostics.some((d) => d.severity === "error");
}

export function isValid(result: PipelineResult): boolean {
  return valid(result.tables, result.diagnostics);
}

export function recordsJson(info: DocumentInfo, result: PipelineResult): RecordsJson {
  return { ...recordsHeader(info, result.pipeline), tables: result.tables.map(recordsOf), valid: isValid(result) };
}

function recordsHeader(info: DocumentInfo, pipeline: string): Omit<RecordsJson, "tables" | "valid"> {
  return { file: info.file, sha256: info.sha256, pipeline, kohyoVersion: KOHYO_VERSION };
}

/** A table as records.json gives it. */
const recordsOf = ({ name, title, fiscalYear, unit, pages, records, checks }: RecordTable): RecordsJson["tables"][number] => ({ name, title, fiscalYear, unit, pages, records, checks });

/** The CSV file name of a table: its name, with characters no file system takes replaced, bounded in length. */
export const csvName = (t: RecordTable) => `${safeName(t.name.replace(/[\\/:*?"<>|\s]+/g, "_"))}.csv`;

/**
 * The CSV file name of every table, in order: its name, and when several tables share a
 * name (a book printing the same form for each section), `-2`, `-3` … after the first, so
 * no table's file overwrites another's.
 */
export function csvNames(tables: readonly RecordTable[]): string[] {
  const names = new TableNames();
  return tables.map((t) => names.next(t).csv);
}

/**
 * The names of a document's tables, given in order: the CSV file (see csvNames) and the
 * data package resource (its id, else table-N; Frictionless wants these unique too).
 */
class TableNames {
  private readonly files = new UniqueNames();
  private readonly resources = new UniqueNames();
  private count = 0;

  next(t: RecordTable): { csv: string; resource: string } {
    this.count++;
    return { csv: `${this.files.take(csvName(t).slice(0, -4))}.csv`, resource: this.resources.take(t.id ?? `table-${this.count}`) };
  }
}

/** A table written: its outline, its CSV file and its data package resource name. */
interface Written {
  table: TableOutline;
  csv: string;
  resource: string;
}

/**
 * Writes the files of `kohyo extract` as the tables come, so that a long document's
 * records are not all held until the end: records.json's head at once, each table's CSV
 * and its part of records.json as soon as it is complete, then the rest (records.json's
 * last member, `valid`, which needs every table's checks; datapackage.json; report.json)
 * on {@link finish}. records.json is written once, in order: its tables are never held or
 * copied again (a 600-page book's are tens of megabytes). Everything is
 * written to a staging folder of its own beside `dir` (./staging.ts), which takes the
 * place of `dir` on finish, by renaming the folder: a run that stops half-way, is killed,
 * or --strict refusing a document ({@link abort}), leaves what was in `dir` as it was,
 * and a reader of `dir` never sees new files beside old ones.
 */
export class OutputWriter {
  private readonly staging: string;
  private readonly records: JsonFile;
  private readonly written: Written[] = [];
  private readonly names = new TableNames();
  private done = false;

  constructor(
    readonly dir: string,
    private readonly info: DocumentInfo,
    private readonly pipeline: string,
    private readonly opts: WriteOptions = {},
  ) {
    this.staging = stagingFolder(dirname(resolve(dir)));
    // As JSON.stringify(recordsJson(…), null, 2) + "\n" writes it: the head now, each table
    // as it comes, and `valid` (which needs every table's checks) last, on finish.
    this.records = new JsonFile(join(this.staging, "records.json"));
    this.records.write("{");
    for (const [k, v] of Object.entries(recordsHeader(info, pipeline))) this.records.write(`\n  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    this.records.write('\n  "tables": ');
  }

  /** The tables written so far, in order. */
  get tables(): TableOutline[] {
    return this.written.map((w) => w.table);
  }

  /** Writes a complete table: its CSV, and its records into records.json. */
  async table(t: RecordTable): Promise<void> {
    if (this.done) throw new Error(`${this.dir}: a table came after the outputs were finished or given up`);
    const names = this.names.next(t);
    writeFileSync(join(this.staging, names.csv), await tableCsv(t, this.opts));
    // An item of records.json's "tables" array (see the constructor).
    this.records.write(this.written.length ? ",\n    " : "[\n    ");
    this.records.value(recordsOf(t), "    ", 2);
    this.written.push({ table: outline(t), ...names });
  }

  /** Writes the rest and puts the folder in the place of `dir`; returns the files' paths there. */
  finish(diagnostics: readonly Diagnostic[]): string[] {
    if (this.done) throw new Error(`${this.dir}: the outputs were finished or given up already`);
    this.done = true;
    const tables = this.tables;
    const isValid = valid(tables, diagnostics);
    this.records.write(tables.length ? "\n  ]" : "[]");
    this.records.write(`,\n  "valid": ${JSON.stringify(isValid)}\n}\n`);
    this.records.close();
    // A data package has at least one resource (the Data Package profile): no table, no package.
    const packaged = this.written.length > 0;
    if (packaged) writeJsonFile(join(this.staging, "datapackage.json"), dataPackageOf(this.info, this.pipeline, this.written, isValid, this.opts));
    writeJsonFile(join(this.staging, "report.json"), reportOf(this.info, this.pipeline, isValid, tables, diagnostics));
    switchIntoPlace(this.staging, this.dir);
    const names = ["records.json", ...this.written.map((w) => w.csv), ...(packaged ? ["datapackage.json"] : []), "report.json"];
    return names.map((name) => join(this.dir, name));
  }

  /** Writes nothing after all: what was staged goes (nothing happens once finished). */
  abort(): void {
    this.done = true;
    this.records.abort();
    rmSync(this.staging, { recursive: true, force: true });
  }
}

/** Writes a whole result to `dir` (what runs that were killed left beside it goes first). */
export async function writeOutputs(dir: string, info: DocumentInfo, result: PipelineResult, opts: WriteOptions = {}): Promise<string[]> {
  cleanStaging(dirname(resolve(dir)));
  const writer = new OutputWriter(dir, info, result.pipeline, opts);
  try {
    for (const t of result.tables) await writer.table(t);
    return writer.finish(result.diagnostics);
  } catch (e) {
    writer.abort();
    throw e;
  }
}

export async function tableCsv(t: RecordTable, opts: WriteOptions = {}): Promise<string> {
  const header = t.columns.map((c) => (opts.header === "en" ? c.name : c.title));
  const rows = t.records.map((r) => t.columns.map((c) => c.value(r) ?? ""));
  return csvText([header, ...rows], opts);
}

/** Frictionless tabular data package (v1): one resource per CSV, fields typed, units stated. */
export function dataPackage(info: DocumentInfo, result: PipelineResult, opts: WriteOptions = {}) {
  const names = new TableNames();
  const written = result.tables.map((t) => ({ table: outline(t), ...names.next(t) }));
  return dataPackageOf(info, result.pipeline, written, isValid(result), opts);
}

function dataPackageOf(info: DocumentInfo, pipeline: string, written: readonly Written[], isValid: boolean, opts: WriteOptions) {
  const en = opts.header === "en";
  return {
    profile: "tabular-data-package",
    name: slug(basename(info.file).replace(/\.pdf$/i, "")) || "kohyo-extract",
    title: written.find((w) => w.table.title)?.table.title ?? basename(info.file),
    // The file's name only: the path typed on the command line would tell where the user keeps it.
    sources: [{ title: basename(info.file), path: basename(info.file), sha256: info.sha256, pages: info.pages }],
    // --excel: the cells Excel would alter are written as ="…" (src/output/csv.ts), which other tools read as text.
    kohyo: { version: KOHYO_VERSION, pipeline, valid: isValid, ...(opts.excel && { csv: "excel" }) },
    resources: written.map(({ table: t, csv, resource }) => ({
      profile: "tabular-data-resource",
      name: resource,
      path: csv,
      title: t.title ?? t.name,
      format: "csv",
      mediatype: "text/csv",
      // With --bom too: a byte order mark is part of UTF-8 as the Frictionless tools read it ("utf-8-sig" is Python's name, which they reject).
      encoding: "utf-8",
      dialect: { delimiter: ",", header: true },
      ...(t.fiscalYear !== null && { fiscalYear: t.fiscalYear }),
      ...(t.unit !== null && { printedUnit: t.unit }),
      pages: t.pages,
      schema: {
        fields: t.columns.map((c) => ({
          name: en ? c.name : c.title,
          title: en ? c.title : c.name,
          type: c.type,
          ...(c.unit !== undefined && { unit: c.unit }),
          ...(c.description !== undefined && { description: c.description }),
        })),
        missingValues: [""],
        // Only when there is one: the Table Schema profile rejects an empty primaryKey.
        ...(t.primaryKey.length > 0 && {
          primaryKey: t.primaryKey.map((k) => {
            const c = t.columns.find((c) => c.name === k);
            return c ? (en ? c.name : c.title) : k;
          }),
        }),
      },
    })),
  };
}

export function report(info: DocumentInfo, result: PipelineResult) {
  return reportOf(info, result.pipeline, isValid(result), result.tables.map(outline), result.diagnostics);
}

function reportOf(info: DocumentInfo, pipeline: string, isValid: boolean, tables: readonly TableOutline[], diagnostics: readonly Diagnostic[]) {
  return {
    file: info.file,
    sha256: info.sha256,
    pages: info.pages,
    producer: info.producer,
    pipeline,
    kohyoVersion: KOHYO_VERSION,
    valid: isValid,
    summary: summarise(tables),
    tables: tables.map((t) => ({ name: t.name, pages: t.pages, records: t.recordCount, checks: t.checks })),
    diagnostics: diagnostics as Diagnostic[],
  };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
