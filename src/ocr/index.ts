/**
 * OCR for scanned pages, behind `--ocr auto|on|off`:
 *
 * - auto (the default): a page that paints images and has no text, or whose only text is
 *   invisible (render mode 3: the OCR layer a scanner puts under its picture, often poor),
 *   is read from its picture; the replaced layer is reported (`ocr/replaced-invisible-layer`).
 * - on: every page that paints an image is read from its picture, its text layer replaced.
 * - off: pages are read from their text layer only; a file without any stays unreadable.
 *
 * {@link ocrReader} makes the PDF layer's {@link PictureReader}; its engine starts on the
 * first scanned page and must be closed ({@link OcrReader.close}) when the run is over.
 * It is also ended when a page that needs no OCR comes after scanned pages and no page is
 * being read: a Tesseract holds 150–200 MB (its model, and WebAssembly memory that grows
 * with the largest picture it read and is never given back), which a book of text pages
 * with a scanned page or two among them (a signed 議案 cover) does not need for the rest
 * of its pages. The next scanned page starts one again (about 0.5 s of CPU).
 */
import type { PictureReader } from "../pdf/load.js";
import type { Page } from "../model/page.js";
import { type OcrEngine, tesseractEngine } from "./engine.js";
import { ocrPage } from "./page.js";

export type OcrMode = "auto" | "on" | "off";
export const OCR_MODES: readonly OcrMode[] = ["auto", "on", "off"];

export interface OcrReader extends PictureReader {
  /** Pages read by OCR so far. */
  readonly pagesRead: number;
  /**
   * What is read of the pages from now on (auto mode only): "ruled-tables" when the
   * pipeline reading them uses ruled tables only (Pipeline.scans) — a scan without one is
   * then left unread (`ocr/not-needed`) instead of read in seconds for nothing; null: all.
   */
  scope(only: "ruled-tables" | null): void;
  close(): Promise<void>;
}

/**
 * The picture reader for a mode, or undefined for "off". `threads`: how many pages are read at
 * once (one Tesseract each). `engine`: another engine than tesseract.js (tests, the bench).
 */
export function ocrReader(mode: OcrMode, threads = 1, engine?: () => OcrEngine): OcrReader | undefined {
  if (mode === "off") return undefined;
  let started: OcrEngine | null = null;
  let ending: Promise<void> = Promise.resolve();
  let reading = 0;
  let pagesRead = 0;
  let only: "ruled-tables" | null = null;
  const end = () => {
    const e = started;
    started = null;
    if (e) ending = Promise.all([ending, e.close().catch(() => {})]).then(() => {});
    return ending;
  };
  return {
    parallel: Math.max(1, threads),
    get pagesRead() {
      return pagesRead;
    },
    scope(what) {
      only = what;
    },
    wants(page: Page, text: { glyphs: number; invisible: number }) {
      const reason = why(mode, page, text);
      if (reason === null && started && reading === 0) void end();
      return reason;
    },
    async read(page, raster, reason, replaced, file) {
      reading++;
      try {
        const read = await ocrPage(
          { page, raster, reason, replaced, file, ...(mode === "auto" && only && { only }) },
          () => (started ??= engine ? engine() : tesseractEngine(threads)),
        );
        if (!read.diagnostics.some((d) => d.rule === "ocr/not-needed" && d.page === page.number)) pagesRead++;
        return read;
      } finally {
        reading--;
      }
    },
    async close() {
      await end();
    },
  };
}

/** Why a page is read from its picture in this mode, or null. */
function why(mode: OcrMode, page: Page, text: { glyphs: number; invisible: number }): "no-text" | "invisible-text" | "forced" | null {
  if (page.images === 0) return null;
  if (mode === "on") return text.glyphs === 0 ? "no-text" : text.invisible === text.glyphs ? "invisible-text" : "forced";
  if (page.runs.length === 0) return "no-text";
  if (text.glyphs > 0 && text.invisible === text.glyphs) return "invisible-text";
  return null;
}
