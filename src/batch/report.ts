/**
 * What a file of `kohyo extract` comes to, as plain data (FileReport), and the work on
 * it that needs no PDF: writing a pipeline's result and reporting it (finish), and
 * assembling a large document from the chunks its pages were read in (SplitAssembly).
 * Nothing here loads pdf.js, so the thread that coordinates a batch stays small; the
 * reading is ./task.ts, in the worker threads.
 */
import { join } from "node:path";
import { EXIT, type InputError } from "../errors.js";
import type { Diagnostic } from "../model/finding.js";
import { judge, type ReadStats } from "../pdf/verdict.js";
import { InOrder } from "./chunks.js";
import type { DocumentInfo } from "../model/page.js";
import type { Assembler, Check, PageAnalysisBase, Pipeline, PipelineResult } from "../pipeline/types.js";
import { failing, OutputWriter, summarise, type TableOutline } from "../output/write.js";
import { outputName } from "../output/io.js";
import { type Lang, type Messages, say } from "../output/messages.js";

export interface ExtractSettings {
  pipeline?: string;
  pages?: string;
  password?: string;
  outDir: string;
  bom: boolean;
  /** CSVs for opening in Excel (src/output/csv.ts forExcel). */
  excel?: boolean;
  header: "ja" | "en";
  strict: boolean;
  /** The language of the messages (default en). */
  lang?: Lang;
  /** Documents with more pages than this are split over the workers (0: never). */
  splitAbove: number;
  /** The file's output folder name under outDir, when the batch chose one (see outputNames); else its own name. */
  outputName?: string;
  /** Scanned pages: read by OCR (auto), every page with an image by OCR (on), never (off). */
  ocr?: "auto" | "on" | "off";
  /** Where the PDF read from standard input ("-") was saved for the workers. */
  stdinCopy?: string;
}

/**
 * `weak`: read and written, but the result cannot be trusted as a reading of the document:
 * the pipeline found no records, or a table it requires is missing (typically a family
 * forced with --pipeline on a document of another family). Exit 9.
 */
export type FileStatus = "ok" | "checks-failed" | "weak" | "unreadable" | "unrecognised" | "usage" | "internal-error" | "skipped";

/** How one file went: what the manifest keeps and the terminal shows. Plain data. */
export interface FileReport {
  file: string;
  sha256: string | null;
  pages: number;
  pipeline: string | null;
  status: FileStatus;
  /** For unreadable files: why (not-found, not-a-pdf, damaged, encrypted, no-text). */
  reason?: string;
  /** For unreadable and unrecognised files: the one-line error. */
  error?: string;
  /** For a skipped file: the status of the run that last read it (its verdict stands). */
  previous?: FileStatus;
  /** The --pages of the run that read it (null: every page). */
  selection?: string | null;
  exitCode: number;
  tables: { name: string; pages: number[]; records: number }[];
  records: number;
  checks: { passed: number; failed: number; warnings: number };
  /** The folder the outputs were written to, or null when nothing was written. */
  output: string | null;
  /** What to print on stdout and stderr for this file. */
  out: string;
  err: string;
}

/** What a file came to: its status, or for a skipped file the status of the run that last read it. */
export const verdict = (r: FileReport): FileStatus => (r.status === "skipped" ? (r.previous ?? "ok") : r.status);

/** Statuses of a file that could not be read or whose family is unknown (the same bytes would be again). */
export const notRead = (status: FileStatus | undefined): boolean => status === "unreadable" || status === "unrecognised";

export type FileOutcomeMessage =
  | { kind: "done"; report: FileReport }
  | { kind: "split"; info: DocumentInfo; diagnostics: Diagnostic[]; pipeline: string; pages: number[] };

export type ChunkResult = { analyses: PageAnalysisBase[]; stats: ReadStats };

/**
 * The assembling side of a split extraction: chunks (numbered in page order) arrive in
 * whatever order the threads finish them, and each is handed to the pipeline's assembler
 * as soon as the chunks before it are in, so that only what an open table needs — and
 * chunks that came early — is held, never the whole document; each table is written as
 * soon as it is complete. `finish` then judges the file and writes the rest like
 * extractFile; `abort` (a chunk could not be read) writes nothing.
 */
export class SplitAssembly {
  private readonly assembly: Assembler;
  private readonly writer: OutputWriter;
  private readonly feed: InOrder;

  constructor(
    private readonly file: string,
    private readonly split: Extract<FileOutcomeMessage, { kind: "split" }>,
    private readonly settings: ExtractSettings,
    /** The pipeline named by `split` (given, not looked up: see run.ts, which loads the pipelines after starting the workers). */
    pipeline: Pipeline,
  ) {
    if (pipeline.name !== split.pipeline) throw new Error(`${file}: pipeline ${pipeline.name} cannot assemble a document split for ${split.pipeline}`);
    this.writer = new OutputWriter(outputDir(settings, file), split.info, split.pipeline, settings);
    const context = { file: split.info.file, pageCount: split.info.pages, selected: settings.pages !== undefined, diagnostics: split.diagnostics };
    this.assembly = pipeline.assembler(context, (t) => this.writer.table(t));
    this.feed = new InOrder((a) => this.assembly.add(a));
  }

  /** Chunk number `index` (0-based) is read. */
  add(index: number, chunk: ChunkResult): Promise<void> {
    return this.feed.add(index, chunk);
  }

  async finish(): Promise<FileReport> {
    try {
      await this.feed.done();
      const verdict = judge(this.split.info, this.split.diagnostics, this.feed.stats);
      if (verdict) {
        this.writer.abort();
        return failedReport(this.file, this.split.info, verdict, "", this.settings.lang);
      }
      return await finish(this.split.info, await this.assembly.finish(), this.writer, this.settings);
    } catch (e) {
      this.writer.abort();
      throw e;
    }
  }

  abort(): void {
    this.feed.giveUp();
    this.writer.abort();
  }
}

/** The folder a file's outputs go to. */
export const outputDir = (s: ExtractSettings, file: string): string => join(s.outDir, s.outputName ?? outputName(file));

/**
 * Writes what is left of a file's outputs — the tables the pipeline did not hand to the
 * writer as they were completed, then the end of records.json, datapackage.json and
 * report.json — unless --strict and a check failed (then nothing is), and reports.
 */
export async function finish(info: DocumentInfo, result: PipelineResult, writer: OutputWriter, s: ExtractSettings): Promise<FileReport> {
  const file = info.file;
  for (const t of result.tables) await writer.table(t);
  const tables = writer.tables;
  const failed = tables.flatMap((t) => t.checks).filter(failing);
  const noTable = result.diagnostics.filter((d) => d.rule === "pipeline/no-table");
  const sum = summarise(tables);
  const say_ = say(s.lang ?? "en");
  // A weak result: a required table missing, or no record at all (see FileStatus).
  const weak = [...noTable.map((d) => d.message), ...(noTable.length === 0 && sum.records === 0 ? [say_.noRecords(result.pipeline)] : [])];
  const bad = failed.length > 0 || weak.length > 0;
  let written: string | null = null;
  if (s.strict && bad) writer.abort();
  else {
    writer.finish(result.diagnostics);
    written = writer.dir;
  }
  let err = failed.map((c) => `${say_.checkFailedLine(file, place(c), say_.checkText(c))}\n`).join("");
  err += weak.map((why) => `${say_.weak(file, why)}\n`).join("");
  if (!written) err += `${say_.strictNothingWritten(file)}\n`;
  const status: FileStatus = weak.length ? "weak" : failed.length ? "checks-failed" : "ok";
  return {
    file,
    sha256: info.sha256,
    pages: info.pages,
    pipeline: result.pipeline,
    status,
    exitCode: status === "weak" ? EXIT.weak : status === "checks-failed" ? EXIT.checkFailed : EXIT.ok,
    tables: tables.map((t) => ({ name: t.name, pages: t.pages, records: t.recordCount })),
    records: sum.records,
    checks: { passed: sum.passed, failed: sum.failed + noTable.length, warnings: sum.warnings },
    output: written,
    out: summaryText(file, result.pipeline, tables, written, say_, weak.length > 0),
    err,
  };
}

export function emptyReport(file: string, info: DocumentInfo | null, status: FileStatus, exitCode: number, out: string, err: string): FileReport {
  return {
    file,
    sha256: info?.sha256 ?? null,
    pages: info?.pages ?? 0,
    pipeline: null,
    status,
    exitCode,
    tables: [],
    records: 0,
    checks: { passed: 0, failed: 0, warnings: 0 },
    output: null,
    out,
    err,
  };
}

export function failedReport(file: string, info: DocumentInfo | null, e: InputError, out: string, lang: Lang = "en"): FileReport {
  return {
    ...emptyReport(file, info, e.reason === "unrecognised" ? "unrecognised" : "unreadable", e.exitCode, out, `${say(lang).unreadable(e.file, e.reason, e.detail)}\n`),
    reason: e.reason,
    error: e.message,
  };
}

/** A file that kohyo itself failed on (a bug, a crashed worker): one line, exit 70; nothing written. */
export function internalErrorReport(file: string, e: unknown): FileReport {
  const why = String((e as Error)?.message ?? e).split("\n")[0];
  return {
    ...emptyReport(file, null, "internal-error", EXIT.internal, "", `kohyo: ${file}: internal error (a bug in kohyo, please report it): ${why}\n`),
    reason: "internal",
    error: `${file}: internal error: ${why}`,
  };
}

/** " p.3 [x0,y0,x1,y1]" for a check that knows where it is. */
function place(c: Check): string {
  if (c.page === undefined) return "";
  const b = c.box ? ` [${[c.box.x0, c.box.y0, c.box.x1, c.box.y1].map((n) => n.toFixed(1)).join(",")}]` : "";
  return ` p.${c.page}${b}`;
}

const n = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US") : String(v ?? "—"));

/** One file's summary: tables, records, each total check with printed and computed values, warnings. */
function summaryText(file: string, pipeline: string, tables: readonly TableOutline[], dir: string | null, m: Messages, weak: boolean): string {
  const s = summarise(tables);
  let out = `${m.fileSummary(file, pipeline, s.tables, s.records)}${dir ? ` → ${dir}/` : ""}\n`;
  for (const t of tables) {
    out += `  ${m.tableSummary(t.name, t.pages.join(",") || "—", t.recordCount)}\n`;
    for (const c of t.checks.filter((c) => c.rule === "total/sum")) {
      const mark = c.ok ? "ok  " : failing(c) ? "FAIL" : "warn";
      out +=
        c.printed === undefined
          ? `    ${mark} ${m.totalOnly(c.column ?? "", c.message)}\n`
          : `    ${mark} ${m.totalLine(c.column ?? "", n(c.printed), n(c.sum), c.difference ? n(c.difference) : null)}${place(c)}\n`;
    }
    const others = t.checks.filter((c) => c.rule !== "total/sum");
    out += `    ${m.otherChecks(others.filter((c) => c.ok).length, others.filter(failing).length, others.filter((c) => !c.ok && !failing(c)).length)}\n`;
    for (const c of others.filter((c) => !c.ok && !failing(c))) out += `    warn ${c.rule}${place(c)}: ${c.message}\n`;
  }
  const checks = s.failed ? m.checksSummary(s.failed, s.passed, s.warnings) : m.checksPassed(s.passed, s.warnings);
  return out + `  ${weak ? m.weakResult(s.failed, s.passed, s.warnings) : checks}\n`;
}
