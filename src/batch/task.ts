/**
 * The work of `kohyo extract` on one file, as plain functions on plain data, so that it
 * runs the same in the main thread or in a worker thread (./worker.ts):
 * - extractFile: open, recognise, run the pipeline, write the outputs, report; or, for a
 *   large document when workers are there to share it, stop after recognising and hand
 *   its pages back to be analysed in chunks (analyseChunk) and assembled (SplitAssembly).
 */
import { join } from "node:path";
import { InputError } from "../errors.js";
import type { Diagnostic } from "../diagnostics.js";
import { judge, openPdf, type PdfDocument, type ReadStats } from "../pdf/load.js";
import type { DocumentInfo } from "../pdf/types.js";
import { pipelineByName, recognise } from "../pipeline/registry.js";
import type { Assembler, Check, PageAnalysis, PipelineResult } from "../pipeline/types.js";
import { failing, summarise, writeOutputs } from "../pipeline/write.js";
import { outputName } from "../cli/io.js";
import { withDocument } from "../cli/run.js";

export interface ExtractSettings {
  pipeline?: string;
  pages?: string;
  password?: string;
  outDir: string;
  bom: boolean;
  header: "ja" | "en";
  strict: boolean;
  /** Documents with more pages than this are split over the workers (0: never). */
  splitAbove: number;
}

export type FileStatus = "ok" | "checks-failed" | "unreadable" | "unrecognised" | "usage" | "skipped";

/** How one file went: what the manifest keeps and the terminal shows. Plain data. */
export interface FileReport {
  file: string;
  sha256: string | null;
  pages: number;
  pipeline: string | null;
  status: FileStatus;
  /** For unreadable files: why (not-found, not-a-pdf, damaged, encrypted, no-text). */
  reason?: string;
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

export type FileOutcomeMessage =
  | { kind: "done"; report: FileReport }
  | { kind: "split"; info: DocumentInfo; diagnostics: Diagnostic[]; pipeline: string; pages: number[] };

export async function extractFile(file: string, s: ExtractSettings): Promise<FileOutcomeMessage> {
  await releaseDocument();
  let out = "";
  let err = "";
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
  let report: FileReport | null = null;
  let split: FileOutcomeMessage | null = null;
  let info: DocumentInfo | null = null;
  const where = { ...(s.password !== undefined && { password: s.password }), ...(s.pages !== undefined && { pages: s.pages }) };
  const outcome = await withDocument(file, where, io, async (doc, pages) => {
    info = doc.info;
    let pipeline = s.pipeline ? pipelineByName(s.pipeline) ?? null : null;
    if (!pipeline) {
      const found = await recognise(doc, pages);
      if (!found.pipeline) {
        if (doc.verdict()) return { checksFailed: false };
        throw new InputError(
          file,
          "unrecognised",
          `no pipeline recognises this document (closest: ${found.best}, ${Math.round(found.score * 100)}% of its title and header words); name one with --pipeline, or use kohyo tables / kohyo facts`,
        );
      }
      pipeline = found.pipeline;
    }
    const selected = pages ?? Array.from({ length: doc.pageCount }, (_, i) => i + 1);
    if (s.splitAbove > 0 && selected.length > s.splitAbove && pipeline.analysePage && pipeline.assembler) {
      split = { kind: "split", info: doc.info, diagnostics: doc.diagnostics, pipeline: pipeline.name, pages: selected };
      return { checksFailed: false };
    }
    const result = await pipeline.run(doc, pages);
    if (doc.verdict()) return { checksFailed: false };
    report = await finish(doc.info, result, s);
    return { checksFailed: report.status === "checks-failed" };
  }).catch((e: unknown) => {
    if (e instanceof InputError) return e;
    throw e;
  });
  if (split && !(outcome instanceof InputError)) return split;
  if (report) return { kind: "done", report };
  if (outcome === "usage") return { kind: "done", report: emptyReport(file, info, "usage", 64, out, err) };
  if (outcome instanceof InputError) return { kind: "done", report: failedReport(file, info, outcome, out) };
  throw new Error(`extract: ${file}: no report`);
}

/**
 * The document this thread read chunks of last, kept open for its next chunk: opening a
 * PDF again for every chunk would parse its cross-reference table and translate its
 * fonts (large for Japanese ones) each time. Closed when a chunk of another file comes.
 */
let current: { file: string; password: string | undefined; doc: PdfDocument } | null = null;

async function documentFor(file: string, password: string | undefined): Promise<PdfDocument> {
  if (current && current.file === file && current.password === password) return current.doc;
  await releaseDocument();
  const opened = await openPdf(file, password === undefined ? {} : { password });
  if (!opened.ok) throw opened.error;
  current = { file, password, doc: opened.doc };
  return opened.doc;
}

/** Closes the document kept open for chunks, if any. */
export async function releaseDocument(): Promise<void> {
  const doc = current?.doc;
  current = null;
  await doc?.close();
}

/** Reads some pages of a document for a split extraction. */
export async function analyseChunk(file: string, password: string | undefined, pipelineName: string, pages: number[]): Promise<ChunkResult> {
  const pipeline = pipelineByName(pipelineName);
  if (!pipeline?.analysePage) throw new Error(`pipeline ${pipelineName} cannot analyse pages one by one`);
  const doc = await documentFor(file, password);
  const before = doc.readStats();
  const analyses: PageAnalysis[] = [];
  for await (const page of doc.pages(pages)) analyses.push(await pipeline.analysePage(page));
  const after = doc.readStats();
  return { analyses, stats: { read: after.read - before.read, withText: after.withText - before.withText, failed: after.failed - before.failed } };
}

export type ChunkResult = { analyses: PageAnalysis[]; stats: ReadStats };

/**
 * The assembling side of a split extraction: chunks (numbered in page order) arrive in
 * whatever order the threads finish them, and each is handed to the pipeline's assembler
 * as soon as the chunks before it are in, so that only the pages of tables still open —
 * and chunks that came early — are held, never the whole document. `finish` then judges
 * the file and writes it like extractFile.
 */
export class SplitAssembly {
  private readonly assembly: Assembler;
  private readonly early = new Map<number, ChunkResult>();
  private next = 0;
  private stats: ReadStats = { read: 0, withText: 0, failed: 0 };
  private feeding: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly split: Extract<FileOutcomeMessage, { kind: "split" }>,
    private readonly settings: ExtractSettings,
  ) {
    this.assembly = pipelineByName(split.pipeline)!.assembler!(split.diagnostics);
  }

  /** Chunk number `index` (0-based) is read. */
  add(index: number, chunk: ChunkResult): Promise<void> {
    this.early.set(index, chunk);
    const { read, withText, failed } = chunk.stats;
    this.stats = { read: this.stats.read + read, withText: this.stats.withText + withText, failed: this.stats.failed + failed };
    this.feeding = this.feeding.then(async () => {
      for (let c = this.early.get(this.next); c; c = this.early.get(this.next)) {
        this.early.delete(this.next++);
        for (const a of c.analyses) await this.assembly.add(a);
      }
    });
    return this.feeding;
  }

  async finish(): Promise<FileReport> {
    await this.feeding;
    const verdict = judge(this.split.info, this.split.diagnostics, this.stats);
    if (verdict) return failedReport(this.file, this.split.info, verdict, "");
    return finish(this.split.info, await this.assembly.finish(), this.settings);
  }
}

/** Writes the outputs (unless --strict and a check failed) and reports. */
async function finish(info: DocumentInfo, result: PipelineResult, s: ExtractSettings): Promise<FileReport> {
  const file = info.file;
  const failed = result.tables.flatMap((t) => t.checks).filter(failing);
  const noTable = result.diagnostics.filter((d) => d.rule === "pipeline/no-table");
  const bad = failed.length > 0 || noTable.length > 0;
  const dir = join(s.outDir, outputName(file));
  const written = s.strict && bad ? null : (await writeOutputs(dir, info, result, s), dir);
  let err = failed.map((c) => `kohyo: check failed: ${file}${place(c)}: ${c.message}\n`).join("");
  err += noTable.map((d) => `kohyo: check failed: ${file}: ${d.message}\n`).join("");
  if (!written) err += `kohyo: ${file}: --strict: checks failed, nothing written\n`;
  const sum = summarise(result);
  return {
    file,
    sha256: info.sha256,
    pages: info.pages,
    pipeline: result.pipeline,
    status: bad ? "checks-failed" : "ok",
    exitCode: bad ? 1 : 0,
    tables: result.tables.map((t) => ({ name: t.name, pages: t.pages, records: t.records.length })),
    records: sum.records,
    checks: { passed: sum.passed, failed: sum.failed + noTable.length, warnings: sum.warnings },
    output: written,
    out: summaryText(file, result, written),
    err,
  };
}

function emptyReport(file: string, info: DocumentInfo | null, status: FileStatus, exitCode: number, out: string, err: string): FileReport {
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

function failedReport(file: string, info: DocumentInfo | null, e: InputError, out: string): FileReport {
  return {
    ...emptyReport(file, info, e.reason === "unrecognised" ? "unrecognised" : "unreadable", e.exitCode, out, `kohyo: ${e.message}\n`),
    reason: e.reason,
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
function summaryText(file: string, result: PipelineResult, dir: string | null): string {
  const s = summarise(result);
  let out = `${file}: ${result.pipeline} · ${s.tables} tables · ${s.records} records${dir ? ` → ${dir}/` : ""}\n`;
  for (const t of result.tables) {
    out += `  ${t.name} (pages ${t.pages.join(",")}): ${t.records.length} records\n`;
    for (const c of t.checks.filter((c) => c.rule === "total/sum")) {
      const mark = c.ok ? "ok  " : failing(c) ? "FAIL" : "warn";
      out +=
        c.printed === undefined
          ? `    ${mark} total ${c.column ?? ""}: ${c.message}\n`
          : `    ${mark} total ${c.column}: printed ${n(c.printed)}, sum ${n(c.sum)}${c.difference ? `, difference ${n(c.difference)}` : ""}${place(c)}\n`;
    }
    const others = t.checks.filter((c) => c.rule !== "total/sum");
    out += `    other checks: ${others.filter((c) => c.ok).length} passed, ${others.filter(failing).length} failed, ${others.filter((c) => !c.ok && !failing(c)).length} warnings\n`;
    for (const c of others.filter((c) => !c.ok && !failing(c))) out += `    warn ${c.rule}${place(c)}: ${c.message}\n`;
  }
  return out + `  ${s.failed ? `${s.failed} checks FAILED` : "all checks passed"} (${s.passed} passed, ${s.warnings} warnings)\n`;
}
