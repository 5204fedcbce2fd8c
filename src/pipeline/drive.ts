/**
 * The one driver of a pipeline over a document in this thread: each page analysed, the
 * analyses assembled in page order. The batch (src/batch/) does the same over worker
 * threads in chunks of pages; both go through the pipeline's analysePage and assembler.
 */
import type { PdfDocument } from "../pdf/load.js";
import type { PageAnalysisBase, Pipeline, TableSink } from "./types.js";

/** The assembly context of an open document (its diagnostics as they are when reading starts). */
export const assemblyContext = (doc: PdfDocument, pages: readonly number[] | undefined) => ({
  file: doc.info.file,
  pageCount: doc.pageCount,
  selected: pages !== undefined,
  diagnostics: doc.diagnostics,
});

/**
 * Runs `pipeline` over the document (or the chosen pages), handing complete tables to `sink`
 * if given; `onPage` is told after each page how many are read, of how many (a progress line).
 * Once `signal` is aborted (Ctrl-C), no other page is read: its reason is thrown.
 */
export async function drive<A extends PageAnalysisBase, R, T>(
  pipeline: Pipeline<A, R, T>,
  doc: PdfDocument,
  pages?: number[],
  sink?: TableSink<T>,
  onPage?: (read: number, total: number) => void,
  signal?: AbortSignal,
): Promise<R> {
  const assembly = pipeline.assembler(assemblyContext(doc, pages), sink);
  const total = pages?.length ?? doc.pageCount;
  let read = 0;
  signal?.throwIfAborted();
  for await (const page of doc.pages(pages)) {
    signal?.throwIfAborted();
    await assembly.add(await pipeline.analysePage(page));
    onPage?.(++read, total);
  }
  return assembly.finish();
}
