/**
 * A pipeline's result → the files of `kohyo extract`, in one folder per input file:
 * - records.json: every table's records (with provenance) and checks;
 * - <table name>.csv: one flat CSV per table (UTF-8, optional BOM, ja or en header);
 * - datapackage.json: a Frictionless tabular data package describing the CSVs;
 * - report.json: every check and diagnostic, and a summary.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { writeToString } from "fast-csv";
import type { Diagnostic } from "../diagnostics.js";
import type { DocumentInfo } from "../pdf/types.js";
import { writeJsonFile } from "../cli/io.js";
import { KOHYO_VERSION } from "../version.js";
import type { Check, PipelineResult, RecordTable } from "./types.js";

export interface WriteOptions {
  /** Start each CSV with a byte order mark (Excel needs it to read UTF-8). */
  bom?: boolean;
  /** CSV header: Japanese column names (default) or the English field names. */
  header?: "ja" | "en";
}

export interface RecordsJson {
  file: string;
  sha256: string;
  pipeline: string;
  kohyoVersion: string;
  valid: boolean;
  tables: {
    name: string;
    title: string | null;
    fiscalYear: number | null;
    unit: string | null;
    pages: number[];
    records: unknown[];
    checks: Check[];
  }[];
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

export function summarise(result: PipelineResult): Summary {
  const checks = result.tables.flatMap((t) => t.checks);
  return {
    tables: result.tables.length,
    records: result.tables.reduce((n, t) => n + t.records.length, 0),
    checks: checks.length,
    passed: checks.filter((c) => c.ok).length,
    failed: checks.filter(failing).length,
    warnings: checks.filter((c) => !c.ok && c.severity === "warning").length,
  };
}

export function isValid(result: PipelineResult): boolean {
  return !result.tables.some((t) => t.checks.some(failing)) && !result.diagnostics.some((d) => d.severity === "error");
}

export function recordsJson(info: DocumentInfo, result: PipelineResult): RecordsJson {
  return {
    file: info.file,
    sha256: info.sha256,
    pipeline: result.pipeline,
    kohyoVersion: KOHYO_VERSION,
    valid: isValid(result),
    tables: result.tables.map(({ name, title, fiscalYear, unit, pages, records, checks }) => ({ name, title, fiscalYear, unit, pages, records, checks })),
  };
}

/** The CSV file name of a table: its name, with characters no file system takes replaced. */
export const csvName = (t: RecordTable) => `${t.name.replace(/[\\/:*?"<>|\s]+/g, "_")}.csv`;

/**
 * The CSV file name of every table, in order: its name, and when several tables share a
 * name (a book printing the same form for each section), `-2`, `-3` … after the first, so
 * no table's file overwrites another's.
 */
export function csvNames(tables: readonly RecordTable[]): string[] {
  return numberRepeats(tables.map((t) => csvName(t).slice(0, -4))).map((name) => `${name}.csv`);
}

/**
 * Names made unique in order: the second and later copies of a name get `-2`, `-3` …
 * (the next number no name has taken yet). Compared without case, as the file systems
 * of macOS and Windows compare file names.
 */
function numberRepeats(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name}-${n}`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

export async function writeOutputs(dir: string, info: DocumentInfo, result: PipelineResult, opts: WriteOptions = {}): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const put = (name: string, text: string | object) => {
    if (typeof text === "string") writeFileSync(join(dir, name), text);
    else writeJsonFile(join(dir, name), text);
    written.push(join(dir, name));
  };
  put("records.json", recordsJson(info, result));
  const names = csvNames(result.tables);
  for (const [i, t] of result.tables.entries()) put(names[i]!, await tableCsv(t, opts));
  put("datapackage.json", dataPackage(info, result, opts));
  put("report.json", report(info, result));
  return written;
}

export async function tableCsv(t: RecordTable, opts: WriteOptions = {}): Promise<string> {
  const header = t.columns.map((c) => (opts.header === "en" ? c.name : c.title));
  const rows = t.records.map((r) => t.columns.map((c) => c.value(r) ?? ""));
  const csv = await writeToString([header, ...rows], { headers: false });
  return (opts.bom ? "\uFEFF" : "") + csv + "\n";
}

/** Frictionless tabular data package (v1): one resource per CSV, fields typed, units stated. */
export function dataPackage(info: DocumentInfo, result: PipelineResult, opts: WriteOptions = {}) {
  const en = opts.header === "en";
  const paths = csvNames(result.tables);
  // Frictionless wants resource names unique too.
  const names = numberRepeats(result.tables.map((t, i) => t.id ?? `table-${i + 1}`));
  return {
    profile: "tabular-data-package",
    name: slug(basename(info.file).replace(/\.pdf$/i, "")) || "kohyo-extract",
    title: result.tables.find((t) => t.title)?.title ?? basename(info.file),
    sources: [{ title: basename(info.file), path: info.file, sha256: info.sha256, pages: info.pages }],
    kohyo: { version: KOHYO_VERSION, pipeline: result.pipeline, valid: isValid(result) },
    resources: result.tables.map((t, i) => ({
      profile: "tabular-data-resource",
      name: names[i],
      path: paths[i],
      title: t.title ?? t.name,
      format: "csv",
      mediatype: "text/csv",
      encoding: opts.bom ? "utf-8-sig" : "utf-8",
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
        primaryKey: t.primaryKey.map((k) => {
          const c = t.columns.find((c) => c.name === k);
          return c ? (en ? c.name : c.title) : k;
        }),
      },
    })),
  };
}

export function report(info: DocumentInfo, result: PipelineResult) {
  return {
    file: info.file,
    sha256: info.sha256,
    pages: info.pages,
    producer: info.producer,
    pipeline: result.pipeline,
    kohyoVersion: KOHYO_VERSION,
    valid: isValid(result),
    summary: summarise(result),
    tables: result.tables.map((t) => ({ name: t.name, pages: t.pages, records: t.records.length, checks: t.checks })),
    diagnostics: result.diagnostics as Diagnostic[],
  };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
