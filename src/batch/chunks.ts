/**
 * The driver of a pipeline over worker threads: a long document's pages read in chunks on
 * the pool's workers (each page analysed there by the pipeline's analysePage), the
 * analyses given to the pipeline's assembler here, in page order, as soon as the chunks
 * before them are in. `kohyo extract` splits long documents this way (./run.ts,
 * ./report.ts SplitAssembly), and `kohyo tables` and `kohyo facts` read theirs this way.
 */
import type { PageAnalysisBase, Pipeline, TableSink } from "../pipeline/types.js";
import type { BuiltinRef } from "../pipeline/builtin/index.js";
import { assemblyContext, drive } from "../pipeline/drive.js";
import { addReadStats, judge, type ReadStats } from "../pdf/verdict.js";
import type { PdfDocument } from "../pdf/load.js";
import type { Limits } from "../pdf/limits.js";
import type { OcrMode } from "../ocr/index.js";
import { Pool } from "./pool.js";
import type { ChunkResult } from "./report.js";

/**
 * Documents longer than this are read in page chunks over the workers and assembled in
 * this thread as the chunks come in: by `kohyo extract` with one worker too (assembling
 * then overlaps the reading), by `kohyo tables` and `kohyo facts` when there are several.
 */
export const SPLIT_ABOVE = 48;

/**
 * Pages per chunk when a large document is split over the workers, and the fewest the
 * last chunks shrink to (see chunked).
 */
const CHUNK_PAGES = 32;
const LAST_CHUNK_PAGES = 8;

/**
 * A document's pages in chunks, in order: CHUNK_PAGES each, but once fewer than two full
 * chunks per worker are left, half of what is left per worker, and no fewer than
 * LAST_CHUNK_PAGES — except the last chunk, which takes what remains (4 to 11 pages: a
 * remainder of fewer than 4 goes with the chunk before). The workers then run out of work
 * close together, and what the assembling thread still has to do once they have (the last
 * chunk) is small.
 */
export function chunked(pages: readonly number[], workers: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < pages.length; ) {
    const left = pages.length - i;
    let n = Math.min(CHUNK_PAGES, Math.max(LAST_CHUNK_PAGES, Math.ceil(left / (2 * Math.max(1, workers)))));
    if (left - n < LAST_CHUNK_PAGES / 2) n = left;
    out.push(pages.slice(i, i + n));
    i += n;
  }
  return out;
}

/**
 * Chunks (numbered in page order) arriving in whatever order the threads finish them, each
 * handed to `add` page by page as soon as the chunks before it are in: only chunks that
 * came early are held, never the whole document. The read stats of all chunks are summed.
 */
export class InOrder {
  private readonly early = new Map<number, ChunkResult>();
  private next = 0;
  private feeding: Promise<void> = Promise.resolve();
  private given = false;
  stats: ReadStats = { read: 0, withText: 0, failed: 0 };

  constructor(private readonly add_: (analysis: PageAnalysisBase) => Promise<void>) {}

  /** Chunk number `index` (0-based) is read. */
  add(index: number, chunk: ChunkResult): Promise<void> {
    if (this.given) return this.feeding; // given up: chunks still coming are dropped
    this.early.set(index, chunk);
    this.stats = addReadStats(this.stats, chunk.stats);
    this.feeding = this.feeding.then(async () => {
      for (let c = this.early.get(this.next); c; c = this.early.get(this.next)) {
        this.early.delete(this.next++);
        // No yield to the event loop in here: a worker's finished chunk is received (and
        // the worker given its next) only once what came before is assembled, which keeps
        // the workers from running far ahead (measured: yielding after each page gave
        // ~20 MB more peak memory on the 640-page book for no clear gain in time). For
        // the same reason, giveUp() can only come between runs of this loop.
        for (const a of c.analyses) await this.add_(a);
      }
    });
    return this.feeding;
  }

  /** Every chunk given so far assembled. */
  done(): Promise<void> {
    return this.feeding;
  }

  /** Drops what came early and every chunk still to come. */
  giveUp(): void {
    this.given = true;
    this.early.clear();
  }
}

/** What a worker needs to read a chunk of a document: the file, its password, the pipeline (by name, or a built-in one), OCR. */
export interface ChunkSource {
  file: string;
  password: string | undefined;
  pipeline: string;
  builtin?: BuiltinRef;
  ocr?: OcrMode;
  stdinCopy?: string;
}

/**
 * Reads `pages` of a document in chunks on the pool, each chunk given to `feed` as it is
 * read; `onPage` hears each page a worker starts. A chunk that cannot be read fails the
 * whole (the caller gives its assembly up).
 */
export async function readChunks(pool: Pool, source: ChunkSource, pages: readonly number[], feed: Pick<InOrder, "add">, progress: { task(): { page: (page: number) => void; done: (pages: number) => void } }): Promise<void> {
  await Promise.all(
    chunked(pages, pool.jobs).map(async (chunk, i) => {
      const reading = progress.task();
      const c = await pool.run({ kind: "chunk", ...source, pages: chunk }, reading.page).catch((e: unknown) => {
        reading.done(0);
        throw e;
      });
      reading.done(chunk.length);
      await feed.add(i, c);
    }),
  );
}

/** A pool of workers made when a command first needs one (a long document), or none with a single core. */
export function lazyPool(jobs: number, limits: Limits): { get: () => Pool; close: () => Promise<void>; stop: () => void } | null {
  if (jobs <= 1) return null;
  let pool: Pool | null = null;
  return {
    get: () => (pool ??= new Pool(jobs, undefined, limits)),
    close: async () => pool?.close(),
    stop: () => pool?.stop(),
  };
}

/** How driveBuiltin reads a document: the file as given (for the workers), its password, OCR, where tables go, progress and when to stop. */
export interface BuiltinReading<T> {
  file: string;
  password?: string;
  ocr?: OcrMode;
  pool: ReturnType<typeof lazyPool>;
  sink?: TableSink<T>;
  onPage?: (read: number, total: number) => void;
  /** Aborted (Ctrl-C, see ./interrupt.ts): the reading stops, the pool's workers ended, and the signal's reason (an Interrupted) is thrown. */
  signal?: AbortSignal;
}

/**
 * Runs a built-in pipeline over an open document: in this thread (drive), or — a document
 * of more than SPLIT_ABOVE pages when there is a pool — in chunks over the pool's workers,
 * the analyses assembled here in page order (the same result, page for page). Throws the
 * file's verdict (an InputError: truncated, damaged, no text, over a limit) once its pages
 * are read, when it has one.
 */
export async function driveBuiltin<A extends PageAnalysisBase, R, T>(pipeline: Pipeline<A, R, T>, ref: BuiltinRef, doc: PdfDocument, pages: number[] | undefined, how: BuiltinReading<T>): Promise<R> {
  const selected = pages ?? Array.from({ length: doc.pageCount }, (_, i) => i + 1);
  // Standard input cannot be read again by a worker.
  if (!how.pool || how.file === "-" || selected.length <= SPLIT_ABOVE) {
    const result = await drive(pipeline, doc, pages, how.sink, how.onPage, how.signal);
    const verdict = doc.verdict();
    if (verdict) throw verdict;
    return result;
  }
  const assembly = pipeline.assembler(assemblyContext(doc, pages), how.sink);
  const feed = new InOrder((a) => assembly.add(a as A));
  let started = 0;
  const progress = { task: () => ({ page: () => how.onPage?.(++started, selected.length), done: () => {} }) };
  const source = { file: how.file, password: how.password, pipeline: pipeline.name, builtin: ref, ...(how.ocr !== undefined && { ocr: how.ocr }) };
  // Stopping the pool fails its chunks (those running and those waiting) with Interrupted.
  const stop = how.pool.stop;
  how.signal?.addEventListener("abort", stop);
  try {
    how.signal?.throwIfAborted();
    await readChunks(how.pool.get(), source, selected, feed, progress);
    await feed.done();
  } catch (e) {
    feed.giveUp();
    // The page being assembled is let finish (a table may be going to the sink), so the
    // caller removes what was written of the file after the last write, not before it.
    await feed.done().catch(() => {});
    throw e;
  } finally {
    how.signal?.removeEventListener("abort", stop);
  }
  const result = await assembly.finish();
  const verdict = judge(doc.info, doc.diagnostics, feed.stats);
  if (verdict) throw verdict;
  return result;
}
