/**
 * `kohyo review FILE... [-o DIR] [--pipeline NAME] [--png] [--pages 1-3,5] [--password PW]`
 *
 * What kohyo read, drawn over each file's pages: DIR/<file name>/review.html (DIR
 * defaults to output/), one self-contained page that opens offline, from file:// too
 * (see src/review/). With --png, also one PNG per page with the same overlays,
 * DIR/<file name>/review-p<N>.png, for the pages --pages names (default all; the whole
 * document is read either way). Exit 1 when a check fails, as `kohyo extract`.
 */
import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expandInputs } from "../batch/files.js";
import { gatherReview, type ReviewData } from "../review/data.js";
import { reviewHtml } from "../review/html.js";
import { KOHYO_VERSION } from "../version.js";
import { type CliIO, JsonFile, outputNames, processIO } from "../output/io.js";
import { pageTicker } from "./ticker.js";
import type { Lang } from "../output/messages.js";
import { documentOptions, runBatch, stdinBytes, withDocument } from "../batch/document.js";

export interface ReviewOptions {
  files: string[];
  outDir?: string;
  pipeline?: string;
  png?: boolean;
  pages?: string;
  password?: string;
  /** Output folder names by file, when a batch named them already (kohyo extract --review). */
  names?: Map<string, string>;
  /** The language of the messages. */
  lang?: Lang;
}

export async function review(opts: ReviewOptions, io: CliIO): Promise<number> {
  const names = opts.names ?? outputNames(opts.files);
  const outDir = opts.outDir ?? "output";
  return runBatch(opts.files, io, (file) =>
    withDocument(file, documentOptions(opts.password, opts.pages), io, async (doc, pages) => {
      // The whole document is read, whatever --pages says: a check needs its whole table
      // (a total closes rows on earlier pages). --pages picks the pages drawn into PNGs.
      const ticker = pageTicker(file, opts.lang ?? "en", io === processIO ? process.stderr : null);
      const data = await gatherReview(doc, { kohyoVersion: KOHYO_VERSION, onPage: ticker, ...(opts.pipeline !== undefined && { pipeline: opts.pipeline }) });
      ticker.done();
      if (doc.verdict()) return { checksFailed: false };
      const dir = join(outDir, names.get(file)!);
      mkdirSync(dir, { recursive: true });
      const pdf = file === "-" ? await stdinBytes() : new Uint8Array(await readFile(file));
      writeText(join(dir, "review.html"), reviewHtml(data, pdf));
      io.out(`${file}: ${summary(data)} → ${join(dir, "review.html")}\n`);
      if (opts.png) {
        const { reviewPngs } = await import("../review/png.js");
        const written = await reviewPngs(data, pdf, dir, pages, opts.password);
        io.out(`${file}: ${written.length} PNG pages → ${join(dir, "review-p*.png")}\n`);
      }
      return { checksFailed: data.findings.some((f) => !f.ok && !f.diagnostic && f.severity === "error") };
    }),
    opts.lang,
  );
}

/**
 * `kohyo extract --review`: a review page for each file the batch wrote outputs for, in
 * the folder the batch gave it (files that could not be read were reported already).
 */
export async function reviewExtracted(opts: Omit<ReviewOptions, "names" | "png">, io: CliIO): Promise<number> {
  const files = expandInputs(opts.files);
  const names = outputNames(files);
  const outDir = opts.outDir ?? "output";
  const written = files.filter((f) => existsSync(join(outDir, names.get(f)!)));
  return written.length ? review({ ...opts, files: written, names }, io) : 0;
}

function summary(d: ReviewData): string {
  const failing = d.findings.filter((f) => !f.ok && f.severity === "error").length;
  const warnings = d.findings.filter((f) => !f.ok && f.severity === "warning").length;
  return `${d.pipeline ?? "tables"} · ${d.tables.length} tables · ${d.records.length} records · ${failing} failing, ${warnings} warnings`;
}

/** Written beside its path and renamed into place: a run cut short leaves no half page. */
function writeText(path: string, text: string): void {
  const f = new JsonFile(path);
  f.write(text);
  f.close();
}
