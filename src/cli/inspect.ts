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
import { EXIT, exitCodeFor, type InputError } from "../errors.js";
import { groupLines, type Line } from "../layout/lines.js";
import { openPdf } from "../pdf/load.js";
import type { Page } from "../pdf/types.js";
import { type CliIO, outputName } from "./io.js";
import { parsePageSpec } from "./pages.js";

export interface InspectOptions {
  files: string[];
  page?: string;
  json?: boolean;
  password?: string;
  outDir?: string;
}

const fmt = (v: number) => v.toFixed(1).padStart(7);

/** Runs inspect over the files; returns the process exit code. */
export async function inspect(opts: InspectOptions, io: CliIO): Promise<number> {
  const failures: InputError[] = [];
  let usage = false;
  for (const file of opts.files) {
    const error = await inspectOne(file, opts, io);
    if (error === "usage") usage = true;
    else if (error) {
      failures.push(error);
      io.err(`kohyo: ${error.message}\n`);
    }
  }
  return usage && failures.length === 0 ? EXIT.usage : exitCodeFor(failures);
}

/** Inspects one file: null when it read cleanly, its input error, or "usage" for a bad --page. */
async function inspectOne(file: string, opts: InspectOptions, io: CliIO): Promise<InputError | "usage" | null> {
  const opened = await openPdf(file, opts.password === undefined ? {} : { password: opts.password });
  if (!opened.ok) {
    if (opts.json) io.out(JSON.stringify({ file, error: errorJson(opened.error) }) + "\n");
    return opened.error;
  }
  const { doc } = opened;
  let sink: WriteStream | null = null;
  try {
    const selection = opts.page ? parsePageSpec(opts.page, doc.pageCount) : undefined;
    if (typeof selection === "string") {
      io.err(`kohyo: ${file}: ${selection}\n`);
      return "usage";
    }
    if (opts.outDir) {
      const dir = join(opts.outDir, outputName(file));
      mkdirSync(dir, { recursive: true });
      sink = createWriteStream(join(dir, "inspect.json"));
    }
    const emit = (s: string) => {
      if (opts.json) io.out(s);
      sink?.write(s);
    };
    const { info } = doc;
    if (opts.json || sink) {
      emit(`{"file":${JSON.stringify(info.file)},"info":${JSON.stringify(info)},"pages":[`);
    }
    if (!opts.json) {
      io.out(
        `== ${info.file} · ${info.pages} page${info.pages === 1 ? "" : "s"} · ${info.producer ?? "unknown producer"} · sha256 ${info.sha256.slice(0, 16)}…\n`,
      );
    }
    let first = true;
    for await (const page of doc.pages(selection)) {
      const lines = groupLines(page.runs);
      if (opts.json || sink) {
        emit((first ? "" : ",") + JSON.stringify(pageJson(page, lines)));
        first = false;
      }
      if (!opts.json) io.out(pageText(page, lines, info.pages));
      for (const d of page.diagnostics) io.err(`kohyo: ${d.severity}: ${file}: ${d.message}\n`);
    }
    const error = selection ? (doc.diagnostics.length ? doc.verdict() : null) : doc.verdict();
    if (opts.json || sink) {
      emit(`],"diagnostics":${JSON.stringify(doc.diagnostics)},"error":${error ? JSON.stringify(errorJson(error)) : "null"}}\n`);
    }
    return error;
  } finally {
    if (sink) await new Promise<void>((resolve) => sink!.end(resolve));
    await doc.close();
  }
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
