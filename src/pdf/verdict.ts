/**
 * The verdict on a file from the counts of its pages read, apart from pdf.js, so that a
 * thread assembling pages read elsewhere can judge the file without loading pdf.js.
 */
import type { Diagnostic } from "../diagnostics.js";
import { InputError } from "../errors.js";
import type { DocumentInfo } from "./types.js";

/** Counts of the pages read from a document (summed when its pages are read in several workers). */
export interface ReadStats {
  read: number;
  withText: number;
  failed: number;
}

/** Two counts of pages read, added. */
export const addReadStats = (a: ReadStats, b: ReadStats): ReadStats => ({ read: a.read + b.read, withText: a.withText + b.withText, failed: a.failed + b.failed });

/**
 * The verdict on a whole file once its pages were read: truncated or damaged pages, or no
 * text on any page (a scan), make it unreadable; null when it is fine.
 */
export function judge(info: DocumentInfo, diagnostics: readonly Diagnostic[], stats: ReadStats): InputError | null {
  const truncated = diagnostics.find((d) => d.rule === "pdf/truncated");
  if (truncated) return new InputError(info.file, "damaged", truncated.message);
  if (stats.failed > 0) return new InputError(info.file, "damaged", `damaged: ${stats.failed} of ${stats.read} pages cannot be read`);
  if (stats.read >= info.pages && stats.withText === 0) {
    return new InputError(info.file, "no-text", "no text layer on any page (scanned? run OCR first)");
  }
  return null;
}

