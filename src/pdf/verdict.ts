/**
 * The verdict on a file from the counts of its pages read, apart from pdf.js, so that a
 * thread assembling pages read elsewhere can judge the file without loading pdf.js.
 */
import type { Diagnostic } from "../model/finding.js";
import { InputError } from "../errors.js";
import type { DocumentInfo } from "../model/page.js";

/** The diagnostic of a file whose trailer names an /Encrypt dictionary that pdf.js could not use. */
export const ENCRYPT_MISSING = "pdf/encrypt-missing";

/** Counts of the pages read from a document (summed when its pages are read in several workers). */
export interface ReadStats {
  read: number;
  withText: number;
  failed: number;
  /** Pages left out because they went over a budget (src/pdf/limits.ts), and the first one's reason. */
  limited?: number;
  limit?: string;
}

/** Two counts of pages read, added. */
export const addReadStats = (a: ReadStats, b: ReadStats): ReadStats => {
  const sum: ReadStats = { read: a.read + b.read, withText: a.withText + b.withText, failed: a.failed + b.failed };
  const limited = (a.limited ?? 0) + (b.limited ?? 0);
  const limit = a.limit ?? b.limit;
  return limited > 0 ? { ...sum, limited, ...(limit !== undefined && { limit }) } : sum;
};

/**
 * The verdict on a whole file once its pages were read: truncated or damaged pages, pages
 * over a budget, or no text on any page (a scan), make it unreadable; null when it is fine.
 */
export function judge(info: DocumentInfo, diagnostics: readonly Diagnostic[], stats: ReadStats): InputError | null {
  const truncated = diagnostics.find((d) => d.rule === "pdf/truncated");
  if (truncated) return new InputError(info.file, "damaged", truncated.message);
  if (stats.failed > 0) return new InputError(info.file, "damaged", `damaged: ${stats.failed} of ${stats.read} pages cannot be read`);
  if (info.pages === 0) return new InputError(info.file, "damaged", "damaged: its page tree names no pages (/Count 0 or no /Kids)");
  if ((stats.limited ?? 0) > 0) return new InputError(info.file, "over-limit", `over a limit: ${stats.limited} of ${stats.read} pages left out, the first because ${stats.limit ?? "it went over a budget"}`);
  if (stats.read >= info.pages && stats.withText === 0) {
    // Encrypted streams read as they are, unencrypted, give no text: the file is broken, not scanned.
    const encrypt = diagnostics.find((d) => d.rule === ENCRYPT_MISSING);
    if (encrypt) return new InputError(info.file, "damaged", `damaged: ${encrypt.message}`);
    return new InputError(info.file, "no-text", "no text layer on any page (scanned? run OCR first)");
  }
  return null;
}

