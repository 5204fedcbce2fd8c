/**
 * What every file-reading command does around its own work: open the file (with its
 * password), resolve --pages, read, judge the file as a whole, close; and, over a batch,
 * one line per bad file and one exit code.
 */
import { batchExitCode, EXIT, InputError } from "../errors.js";
import { openPdf, type PdfDocument, type PictureReader } from "../pdf/load.js";
import type { OcrReader } from "../ocr/index.js";
import type { CliIO } from "../output/io.js";
import { type Lang, say } from "../output/messages.js";
import { parsePageSpec } from "../pdf/pages.js";
import { Interrupted } from "./pool.js";
import { stdinBytes } from "./stdin.js";

export { stdinBytes } from "./stdin.js";

/** How one file went: unreadable, a bad page selection, or read (with or without failed checks). */
export type FileOutcome = InputError | "usage" | { checksFailed: boolean };

/** What withDocument opens a file with: its password, the page selection, the reader of scanned pages (OCR). */
export interface DocumentOptions {
  password?: string;
  /** Where "-" was saved (kohyo extract: its worker threads cannot read the process's stdin). */
  stdinCopy?: string;
  pages?: string;
  pictures?: PictureReader;
}

/** withDocument's options from values that may be missing (a key only for a value given). */
export const documentOptions = (password: string | undefined, pages: string | undefined, pictures?: PictureReader, stdinCopy?: string): DocumentOptions => ({
  ...(password !== undefined && { password }),
  ...(stdinCopy !== undefined && { stdinCopy }),
  ...(pages !== undefined && { pages }),
  ...(pictures !== undefined && { pictures }),
});

/**
 * Opens `file`, resolves the page selection and runs `read` on the document. The file's
 * verdict (truncated, damaged, no text) comes after `read`, so what was read is kept.
 * `read` returns whether a check failed.
 */
export async function withDocument(
  file: string,
  opts: DocumentOptions,
  io: CliIO,
  read: (doc: PdfDocument, pages: number[] | undefined) => Promise<{ checksFailed: boolean }>,
  /** Whether the document stays open for the caller afterwards (which then closes it); by default it is closed. */
  keep: (doc: PdfDocument) => boolean = () => false,
): Promise<FileOutcome> {
  // "-": the PDF comes on stdin (read whole: pdf.js needs every byte), named "-".
  const opened = await openPdf(file === "-" ? (opts.stdinCopy ?? (await stdinBytes())) : file, {
    ...(file === "-" && { name: "-" }),
    ...(opts.password !== undefined && { password: opts.password }),
    ...(opts.pictures !== undefined && { pictures: opts.pictures }),
  });
  if (!opened.ok) return opened.error;
  const { doc } = opened;
  try {
    const pages = opts.pages ? parsePageSpec(opts.pages, doc.pageCount) : undefined;
    if (typeof pages === "string") {
      io.err(`kohyo: ${file}: ${pages}\n`);
      return "usage";
    }
    const result = await read(doc, pages);
    return doc.verdict() ?? result;
  } finally {
    if (!keep(doc)) await doc.close();
  }
}

/** A file's verdict thrown while it was read (an InputError) as its outcome; anything else is a bug and goes on up. */
export function unreadable(e: unknown): InputError {
  if (e instanceof InputError) return e;
  throw e;
}

/**
 * Runs `one` over the files; a bad file gets one line on stderr and the batch goes on.
 * Interrupted (Ctrl-C: `signal` aborted, see ./interrupt.ts, or `one` throwing an
 * Interrupted), it starts no other file, says how many were finished and returns 130 —
 * also when the signal came as the last file was being finished (its outputs kept).
 */
export async function runBatch(files: readonly string[], io: CliIO, one: (file: string) => Promise<FileOutcome>, lang: Lang = "en", signal?: AbortSignal): Promise<number> {
  const failures: InputError[] = [];
  let usage = false;
  let checksFailed = false;
  for (const [done, file] of files.entries()) {
    let outcome: FileOutcome;
    try {
      signal?.throwIfAborted();
      outcome = await one(file);
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      io.err(`${say(lang).readInterrupted(done, files.length)}\n`);
      return EXIT.interrupted;
    }
    if (outcome === "usage") usage = true;
    else if ("reason" in outcome) {
      failures.push(outcome);
      io.err(`${say(lang).unreadable(outcome.file, outcome.reason, outcome.detail)}\n`);
    } else if (outcome.checksFailed) checksFailed = true;
  }
  if (signal?.aborted) {
    io.err(`${say(lang).readInterrupted(files.length, files.length)}\n`);
    return EXIT.interrupted;
  }
  return batchExitCode({ unreadable: failures, usage, checksFailed });
}

/** Runs a command with the reader of scanned pages it made, and ends the reader's OCR threads after it. */
export async function withOcr<T>(ocr: OcrReader | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    await ocr?.close();
  }
}
