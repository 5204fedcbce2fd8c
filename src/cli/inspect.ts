/**
 * `kohyo inspect FILE... [--page N|1-3,5] [--json] [--password PW] [-o DIR]`
 *
 * Per page: the text lines with their boxes and the ruling lines found.
 * Text goes to stdout; with --json each file is one JSON object on one line
 * (JSON Lines), written page by page so a large book is never held whole.
 * With -o DIR the JSON is written to DIR/<file name>/inspect.json as well.
 */
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import type { InputError } from "../errors.js";
import { groupLines, type Line } from "../layout/lines.js";
import type { Page } from "../model/page.js";
import { type CliIO, outputNames, processIO } from "../output/io.js";
import { pageTicker } from "./ticker.js";
import type { Lang } from "../output/messages.js";
import { defaultJobs } from "../batch/pool.js";
import { type OcrMode, ocrReader } from "../ocr/index.js";
import { documentOptions, runBatch, withDocument, withOcr } from "../batch/document.js";

export interface InspectOptions {
  files: string[];
  page?: string;
  json?: boolean;
  password?: string;
  outDir?: string;
  /** Scanned pages: read by OCR (auto, the default), every page by OCR (on), never (off). */
  ocr?: OcrMode;
  /** The language of the messages. */
  lang?: Lang;
}

const fmt = (v: number) => v.toFixed(1).padStart(7);

/** Runs inspect over the files; returns the process exit code. */
export async function inspect(opts: InspectOptions, io: CliIO): Promise<number> {
  const names = outputNames(opts.files);
  const ocr = ocrReader(opts.ocr ?? "auto", defaultJobs());
  return withOcr(ocr, () => runBatch(opts.files, io, async (file) => {
    let sink: WriteStream | null = null;
    let started = false;
    const outcome = await withDocument(
      file,
      documentOptions(opts.password, opts.page, ocr),
      io,
      async (doc, selection) => {
        started = true;
        if (opts.outDir) {
          const dir = join(opts.outDir, names.get(file)!);
          mkdirSync(dir, { recursive: true });
          sink = createWriteStream(join(dir, "inspect.json"));
        }
        const out = sink;
        const emit = (s: string) => {
          if (opts.json) io.out(s);
          out?.write(s);
        };
        const { info } = doc;
        if (opts.json || out) emit(`{"file":${JSON.stringify(info.file)},"info":${JSON.stringify(info)},"pages":[`);
        if (!opts.json) {
          io.out(
            `== ${info.file} · ${info.pages} page${info.pages === 1 ? "" : "s"} · ${info.producer ?? "unknown producer"} · sha256 ${info.sha256.slice(0, 16)}…\n`,
          );
        }
        let first = true;
        // On a terminal the page text is the progress; written to a pipe or a file, a progress line on stderr.
        const ticker = pageTicker(file, opts.lang ?? "en", io === processIO && !process.stdout.isTTY ? process.stderr : null);
        const total = selection?.length ?? doc.pageCount;
        let read = 0;
        for await (const page of doc.pages(selection)) {
          const lines = groupLines(page.runs);
          if (opts.json || out) {
            emit((first ? "" : ",") + JSON.stringify(pageJson(page, lines)));
            first = false;
          }
          if (!opts.json) io.out(pageText(page, lines, info.pages));
          if (page.diagnostics.length) ticker.done(); // a finding's line is not drawn over
          for (const d of page.diagnostics) io.err(`kohyo: ${d.severity}: ${file}: ${d.message}\n`);
          ticker(++read, total);
        }
        ticker.done();
        const error = doc.verdict();
        if (opts.json || out) {
          emit(`],"diagnostics":${JSON.stringify(doc.diagnostics)},"error":${error ? JSON.stringify(errorJson(error)) : "null"}}\n`);
        }
        return { checksFailed: false };
      },
    );
    if (sink) await new Promise<void>((resolve) => sink!.end(resolve));
    // A file that could not be opened still gets its line in the JSON stream.
    if (opts.json && !started && typeof outcome === "object" && "reason" in outcome) {
      io.out(JSON.stringify({ file, error: errorJson(outcome) }) + "\n");
    }
    return outcome;
  }, opts.lang));
}

function errorJson(e: InputError) {
  return { reason: e.reason, message: e.detail, exitCode: e.exitCode };
}

function pageJson(page: Page, lines: Line[]) {
  return {
    number: page.number,
    width: page.width,
    height: page.height,
    rotation: page.rotation,
    images: page.images,
    lines: lines.map((l) => ({ text: l.text, box: l.box, size: l.size, font: l.runs[0]!.font, vertical: l.vertical })),
    ruleCount: { total: page.rules.length, horizontal: countAxis(page, "h"), vertical: countAxis(page, "v") },
    rules: page.rules,
    diagnostics: page.diagnostics,
  };
}

const countAxis = (page: Page, axis: "h" | "v") => page.rules.filter((r) => r.axis === axis).length;

function pageText(page: Page, lines: Line[], total: number): string {
  const h = countAxis(page, "h");
  const v = countAxis(page, "v");
  let s =
    `-- page ${page.number} of ${total} · ${page.width} × ${page.height} pt · rotation ${page.rotation}` +
    ` · ${lines.length} text lines · ${page.rules.length} ruling lines (${h} horizontal, ${v} vertical)\n`;
  for (const l of lines) {
    s += `${fmt(l.box.x0)} ${fmt(l.box.y0)} ${fmt(l.box.x1)} ${fmt(l.box.y1)}  ${l.vertical ? "[縦] " : ""}${l.text}\n`;
  }
  return s;
}
