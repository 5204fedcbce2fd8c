/** The options every page-reading command that writes JSON or CSV takes (tables, facts). */
import type { OcrMode } from "../ocr/index.js";
import type { CsvOptions } from "../output/csv.js";
import type { Lang } from "../output/messages.js";

export interface ReadingOptions extends CsvOptions {
  files: string[];
  pages?: string;
  format: "json" | "csv";
  /** The language of the messages. */
  lang?: Lang;
  password?: string;
  outDir?: string;
  /** Scanned pages: read by OCR (auto, the default), every page by OCR (on), never (off). */
  ocr?: OcrMode;
  /** Worker threads for a long document's pages and for OCR (default: the number of cores; 1: this thread only). */
  jobs?: number;
}
