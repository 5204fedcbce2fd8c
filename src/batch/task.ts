/**
 * The reading side of `kohyo extract`, run in the worker threads (./worker.ts), as plain
 * functions on plain data:
 * - extractFile: open, recognise, run the pipeline, write the outputs, report; or, for a
 *   large document when several threads are there to share it, stop after recognising
 *   and hand its pages back to be read in chunks (analyseChunk) and assembled by the
 *   coordinating thread (./report.ts SplitAssembly).
 */
import { InputError } from "../errors.js";
import { type OcrMode, type OcrReader, ocrReader } from "../ocr/index.js";
import { openPdf, pageReadStats, type PdfDocument } from "../pdf/load.js";
import type { DocumentInfo } from "../model/page.js";
import { addReadStats, type ReadStats } from "../pdf/verdict.js";
import { pipelineByName, recognise } from "../registry.js";
import type { PageAnalysisBase } from "../pipeline/types.js";
import { drive } from "../pipeline/drive.js";
import { builtinPipeline, type BuiltinRef } from "../pipeline/builtin/index.js";
import { documentOptions, unreadable, withDocument } from "./document.js";
import { OutputWriter } from "../output/write.js";
import { type ChunkResult, emptyReport, type ExtractSettings, failedReport, type FileOutcomeMessage, type FileReport, finish, outputDir } from "./report.js";

export async function extractFile(file: string, s: ExtractSettings): Promise<FileOutcomeMessage> {
  await releaseDocument();
  let out = "";
  let err = "";
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
  let report: FileReport | null = null;
  let split: FileOutcomeMessage | null = null;
  let info: DocumentInfo | null = null;
  const pictures = pictureReader(s.ocr);
  // Recognising the document reads every scan among its first pages.
  pictures?.scope(null);
  const where = documentOptions(s.password, s.pages, pictures, s.stdinCopy);
  // A document handed back to be read in chunks stays open for this thread's first chunk
  // of it (see documentFor), its fonts translated and its first pages read already.
  const keepForChunks = (doc: PdfDocument): boolean => {
    if (!split || doc.verdict()) return false;
    current = { file, password: s.password, doc };
    return true;
  };
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
    // From here on, the pipeline's pages: a scan it can use nothing of is not read by OCR.
    pictures?.scope(pipeline.scans ?? null);
    const selected = pages ?? Array.from({ length: doc.pageCount }, (_, i) => i + 1);
    if (s.splitAbove > 0 && selected.length > s.splitAbove) {
      split = { kind: "split", info: doc.info, diagnostics: doc.diagnostics, pipeline: pipeline.name, pages: selected };
      return { checksFailed: false };
    }
    // Each table is written as soon as it is complete (see OutputWriter).
    const writer = new OutputWriter(outputDir(s, file), doc.info, pipeline.name, s);
    try {
      const result = await drive(pipeline, doc, pages, (t) => writer.table(t));
      if (doc.verdict()) {
        writer.abort();
        return { checksFailed: false };
      }
      report = await finish(doc.info, result, writer, s);
    } catch (e) {
      writer.abort();
      throw e;
    }
    return { checksFailed: report.status === "checks-failed" };
  }, keepForChunks).catch(unreadable);
  if (split && !(outcome instanceof InputError)) return split;
  if (report) return { kind: "done", report };
  if (outcome === "usage") return { kind: "done", report: emptyReport(file, info, "usage", 64, out, err) };
  if (outcome instanceof InputError) return { kind: "done", report: failedReport(file, info, outcome, out, s.lang) };
  throw new Error(`extract: ${file}: no report`);
}

/**
 * This thread's reader of scanned pages, one per mode asked for: one Tesseract, started on
 * the first scanned page (the pool's threads are what reads pages in parallel), and ended
 * when the task that started it is done (see releaseOcr).
 */
const readers = new Map<OcrMode, OcrReader | undefined>();
function pictureReader(mode: OcrMode = "auto"): OcrReader | undefined {
  if (!readers.has(mode)) readers.set(mode, ocrReader(mode, 1));
  return readers.get(mode);
}

/**
 * The document this thread read chunks of last, kept open for its next chunk: opening a
 * PDF again for every chunk would parse its cross-reference table and translate its
 * fonts (large for Japanese ones) each time. Closed when a chunk of another file comes.
 */
let current: { file: string; password: string | undefined; doc: PdfDocument } | null = null;

async function documentFor(file: string, password: string | undefined, ocr: OcrMode | undefined, stdinCopy: string | undefined): Promise<PdfDocument> {
  if (current && current.file === file && current.password === password) return current.doc;
  await releaseDocument();
  const pictures = pictureReader(ocr);
  const source = file === "-" && stdinCopy !== undefined ? stdinCopy : file;
  const opened = await openPdf(source, { name: file, ...(password !== undefined && { password }), ...(pictures && { pictures }) });
  if (!opened.ok) throw opened.error;
  current = { file, password, doc: opened.doc };
  return opened.doc;
}

/**
 * Ends this thread's Tesseract, if a task started one: it holds some 150–200 MB (its
 * model, and WebAssembly memory that grows with the largest picture it read and is never
 * given back) that a thread reading text pages afterwards does not need, and two worker
 * threads that each read one scan of a long document would otherwise both keep theirs to
 * the end (the A3 bench book: 829 MB peak on 2 workers, 453 MB without OCR). The next
 * scanned page starts one again (about 0.5 s).
 */
export async function releaseOcr(): Promise<void> {
  for (const reader of readers.values()) await reader?.close();
}

/** Closes the document kept open for chunks, if any. */
export async function releaseDocument(): Promise<void> {
  const doc = current?.doc;
  current = null;
  await doc?.close();
}

/** Reads some pages of a document for a split extraction, or for `kohyo tables` or `kohyo facts` (a built-in pipeline). */
export async function analyseChunk(file: string, password: string | undefined, pipelineName: string, pages: number[], ocr?: OcrMode, stdinCopy?: string, builtin?: BuiltinRef): Promise<ChunkResult> {
  const pipeline = builtin ? builtinPipeline(builtin) : pipelineByName(pipelineName);
  if (!pipeline) throw new Error(`no pipeline ${pipelineName}`);
  const doc = await documentFor(file, password, ocr, stdinCopy);
  // A scan the pipeline can use nothing of is not read by OCR (Pipeline.scans).
  pictureReader(ocr)?.scope(pipeline.scans ?? null);
  const analyses: PageAnalysisBase[] = [];
  // Counted from the pages themselves: the document may have read some of them before
  // (recognising it, see keepForChunks), and it counts a page only the first time.
  let stats: ReadStats = { read: 0, withText: 0, failed: 0 };
  for await (const page of doc.pages(pages)) {
    analyses.push(await pipeline.analysePage(page));
    stats = addReadStats(stats, pageReadStats(page));
  }
  return { analyses, stats };
}

