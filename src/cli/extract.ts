/**
 * `kohyo extract FILE|DIR|-... [--pipeline NAME] [-o DIR] [--bom] [--header ja|en] [--strict]
 *                            [--jobs N] [--force] [--pages 1-3,5] [--password PW]`
 *
 * Each file → its pipeline (recognised from its first pages, or named) → checked
 * records, written to DIR/<file name>/ (records.json, one CSV per table,
 * datapackage.json, report.json; DIR defaults to output/), and DIR/manifest.json for the
 * batch. Files go to N worker threads (default: the number of cores) while this thread
 * coordinates and assembles long documents from their page chunks; a file unchanged
 * since its last extraction is skipped unless --force. One summary per file on stdout,
 * each failing check on stderr with page and box, progress on stderr. Exit 1 when a check
 * fails (outputs still written, unless --strict); unreadable files as every command.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stdinBytes } from "../batch/stdin.js";
import { expandInputs } from "../batch/files.js";
import { runExtractBatch } from "../batch/run.js";
import { SPLIT_ABOVE } from "../batch/chunks.js";
import type { CliIO } from "../output/io.js";
import type { Lang } from "../output/messages.js";
import type { Limits } from "../pdf/limits.js";

export interface ExtractOptions {
  files: string[];
  pipeline?: string;
  pages?: string;
  password?: string;
  outDir?: string;
  bom?: boolean;
  /** CSVs for opening in Excel (src/output/csv.ts forExcel). */
  excel?: boolean;
  header?: "ja" | "en";
  strict?: boolean;
  /** The language of the messages. */
  lang?: Lang;
  jobs: number;
  force?: boolean;
  /** Budgets for the workers (src/pdf/limits.ts). */
  limits?: Limits;
  /** Scanned pages: read by OCR (auto, the default), every page by OCR (on), never (off). */
  ocr?: "auto" | "on" | "off";
  /** Draws the progress bar (a terminal); null prints plain lines. */
  bar?: ((line: string) => void) | null;
}

export async function extract(opts: ExtractOptions, io: CliIO): Promise<number> {
  const files = expandInputs(opts.files);
  // "-": the PDF on standard input, saved for the worker threads (they cannot read this
  // process's stdin) in a folder of its own, removed at the end. Written as "stdin/".
  const stdinDir = files.includes("-") ? mkdtempSync(join(tmpdir(), "kohyo-stdin-")) : null;
  try {
    const stdinCopy = stdinDir ? join(stdinDir, "stdin.pdf") : undefined;
    if (stdinCopy) writeFileSync(stdinCopy, await stdinBytes());
    return await extractFiles(files, opts, io, stdinCopy);
  } finally {
    if (stdinDir) rmSync(stdinDir, { recursive: true, force: true });
  }
}

async function extractFiles(files: string[], opts: ExtractOptions, io: CliIO, stdinCopy: string | undefined): Promise<number> {
  const { code } = await runExtractBatch(
    files,
    {
      outDir: opts.outDir ?? "output",
      bom: opts.bom === true,
      excel: opts.excel === true,
      header: opts.header ?? "ja",
      strict: opts.strict === true,
      lang: opts.lang ?? "en",
      splitAbove: SPLIT_ABOVE,
      ocr: opts.ocr ?? "auto",
      ...(stdinCopy !== undefined && { stdinCopy }),
      ...(opts.pipeline !== undefined && { pipeline: opts.pipeline }),
      ...(opts.pages !== undefined && { pages: opts.pages }),
      ...(opts.password !== undefined && { password: opts.password }),
    },
    { jobs: opts.jobs, force: opts.force === true, table: files.length > 1, ...(opts.limits && { limits: opts.limits }) },
    { out: io.out, err: io.err, bar: opts.bar ?? null },
  );
  return code;
}

/** A progress line redrawn in place on a terminal. */
export function terminalBar(stream: NodeJS.WriteStream): ((line: string) => void) | null {
  if (!stream.isTTY) return null;
  return (line) => {
    stream.write(`\r\x1b[2K${line.slice(0, Math.max(10, (stream.columns || 80) - 1))}`);
  };
}
