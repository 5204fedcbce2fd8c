/**
 * The one driver of a pipeline over a document in this thread: each page analysed, the
 * analyses assembled in page order. The batch (src/batch/) does the same over worker
 * threads in chunks of pages; both go through the pipeline's analysePage and assembler.
 */
import type { PdfDocument } from "../pdf/load.js";
import type { PageAnalysisBase, Pipeline, PipelineResult, TableSink } from "./types.js";

/** The assembly context of an open document. */
export const assemblyContext = (doc: PdfDocument, pages: readonly number[] | undefined) => ({
  file: doc.info.file,
  pageCount: doc.pageCount,
  selected: pages !== undefined,
  diagnostics: doc.diagnostics,
});

/** Runs `pipeline` over the document (or the chosen pages), handing complete tables to `sink` if given. */
export async function drive<A extends PageAnalysisBase>(pipeline: Pipeline<A>, doc: PdfDocument, pages?: number[], sink?: TableSink): Promise<PipelineResult> {
  const assembly = pipeline.assembler(assemblyContext(doc, pages), sink);
  for await (const page of doc.pages(pages)) await assembly.add(await pipeline.analysePage(page));
  return assembly.finish();
}
