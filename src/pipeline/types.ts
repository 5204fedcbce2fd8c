/**
 * The contract between `kohyo extract` and the document families it knows. A family
 * (pipelines/<name>.ts, declarative) is run by an engine in src/; what comes out is a
 * set of record tables, each with its checks, which the writers turn into records.json,
 * one CSV per table, datapackage.json and report.json — the same way for every family.
 */
import type { Check, Diagnostic } from "../model/finding.js";
import type { PdfDocument } from "../pdf/load.js";
import type { Box, Page } from "../model/page.js";
import type { PageTable } from "../table/types.js";

export type { Check, Severity } from "../model/finding.js";

/** Frictionless field types used in datapackage.json. */
export type FieldType = "string" | "integer" | "number" | "date" | "boolean" | "array" | "object";

/** One flat column of a table's CSV (and field of its datapackage resource). */
export interface Column<R> {
  /** English field name (`--header en`, datapackage field name). */
  name: string;
  /** Japanese column name (the CSV's default header, the field's title). */
  title: string;
  type: FieldType;
  unit?: string;
  description?: string;
  /** The flat value of this column for one record (null when there is none). */
  value: (record: R) => string | number | boolean | null;
}

/** One table of records, e.g. 一般事業; written as <name>.csv and one datapackage resource. */
export interface RecordTable<R = Record<string, unknown>> {
  /** ASCII id for the datapackage resource name (a-z, 0-9, -); defaults to table-N. */
  id?: string;
  name: string;
  title: string | null;
  fiscalYear: number | null;
  unit: string | null;
  pages: number[];
  records: R[];
  checks: Check[];
  columns: Column<R>[];
  primaryKey: string[];
}

export interface PipelineResult {
  pipeline: string;
  tables: RecordTable<any>[];
  diagnostics: Diagnostic[];
}

/** A line of text outside the page's tables. */
export interface PageLine {
  text: string;
  box: Box;
  size: number;
}

/** What every pipeline's analysis of one page holds (plain, cloneable data: pages are analysed in worker threads). */
export interface PageAnalysisBase {
  number: number;
  diagnostics: Diagnostic[];
  /** The page's tables, when the pipeline found them (the review page draws them). */
  tables?: PageTable[];
}

/** What a page gives the table reader and the ledger reader: its tables and the lines outside them. */
export interface PageAnalysis extends PageAnalysisBase {
  tables: PageTable[];
  lines: PageLine[];
}

/** What an assembler knows of the document besides its pages. */
export interface AssemblyContext {
  file: string;
  pageCount: number;
  /** Whether only some pages were chosen (--pages). */
  selected: boolean;
  /** The document's own diagnostics (found opening it). */
  diagnostics: readonly Diagnostic[];
}

/**
 * The one contract between kohyo and a document family. Every command, the batch and
 * the library run a pipeline the same way (drive.ts): each page analysed on its own —
 * in any worker thread, in chunks — then the analyses, in page order, given to the
 * assembler, which makes the record tables and runs the checks.
 */
export interface Pipeline<A extends PageAnalysisBase = PageAnalysisBase, R = PipelineResult, T = RecordTable> {
  name: string;
  description: string;
  /**
   * How sure this pipeline is that the document is one of its family, 0–1, from the
   * text of its first pages (title, header words).
   */
  recognise: (text: string) => number;
  /** The words `recognise` looks for, and whether each is in the text (for `kohyo pipelines FILE`). */
  recognitionWords: (text: string) => { word: string; found: boolean }[];
  analysePage(page: Page): Promise<A>;
  /**
   * What the pipeline can use of a scanned page: "ruled-tables" when it reads ruled
   * (lattice) tables only — `kohyo extract` then leaves unread by OCR (in --ocr auto) a
   * scan whose picture closes no ruled cell, which would take seconds and give it nothing.
   * Absent: every scan is read.
   */
  scans?: "ruled-tables";
  /**
   * The assembler of one document. With a sink, it hands each table to the sink as soon as
   * the table is complete, in order, and leaves it out of the result (the result then
   * holds the tables it did not hand over). A family's result is a PipelineResult of
   * record tables; the built-in pipelines of `kohyo tables` and `kohyo facts`
   * (./builtin/) have results of their own (R) made of tables of their own (T).
   */
  assembler(doc: AssemblyContext, sink?: TableSink<T>): Assembler<A, R>;
}

/** Takes a complete table (e.g. to write it at once and let its records go). */
export type TableSink<T = RecordTable> = (table: T) => Promise<void>;

/**
 * Page analyses → result, one page at a time and in page order, keeping only what is
 * still needed: a table's records are made as soon as the table is complete (and given
 * to the sink, if there is one) and the pages before it dropped, so a long document is
 * not held whole in memory.
 */
export interface Assembler<A extends PageAnalysisBase = PageAnalysisBase, R = PipelineResult> {
  add(analysis: A): Promise<void>;
  finish(): Promise<R>;
}
