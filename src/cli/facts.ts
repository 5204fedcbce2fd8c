/**
 * `kohyo facts FILE... [--pages 1-3,5] [--format json|csv] [--password PW] [-o DIR]`
 *
 * For documents without a pipeline: every amount, ceiling, rate, date, date range,
 * deadline, fiscal year, phone number, e-mail address and URL on each page, normalised,
 * with its page and box. JSON (the default) goes to stdout, or to DIR/<file name>/facts.json
 * with -o; CSV goes to DIR/<file name>/facts.csv (DIR defaults to output/). Facts are
 * read, not checked: what a normaliser warns about (a printed weekday that is not the
 * date's) is printed on stderr, and the exit code stays 0.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvText } from "../output/csv.js";
import type { Fact } from "../facts/types.js";
import { factsPipeline, type FactsJson } from "../pipeline/builtin/facts.js";
import { type CliIO, jsonValue, outputNames, processIO, writeJsonFile } from "../output/io.js";
import { pageTicker } from "./ticker.js";
import { defaultJobs } from "../batch/pool.js";
import { ocrReader } from "../ocr/index.js";
import type { ReadingOptions } from "./options.js";
import { documentOptions, runBatch, unreadable, withDocument, withOcr } from "../batch/document.js";
import { driveBuiltin, lazyPool } from "../batch/chunks.js";
import { guard } from "../pdf/limits.js";

export type FactsOptions = ReadingOptions;
export type { FactsJson };

/** The CSV columns, one row per fact; `detail` and `problems` are JSON. */
const CSV_HEADER = ["page", "kind", "text", "value", "to", "x0", "y0", "x1", "y1", "detail", "line", "problems"];

export async function facts(opts: FactsOptions, io: CliIO): Promise<number> {
  const ocr = ocrReader(opts.ocr ?? "auto", defaultJobs());
  const where = documentOptions(opts.password, opts.pages, ocr);
  const names = outputNames(opts.files);
  // Long documents are read in chunks on worker threads (made when the first is met).
  const pool = lazyPool(defaultJobs(), guard().limits);
  return withOcr(ocr, () => runBatch(opts.files, io, (file) =>
    withDocument(file, where, io, async (doc, selection) => {
      const ticker = pageTicker(file, opts.lang ?? "en", io === processIO ? process.stderr : null);
      // A file that turns out unreadable (truncated, damaged, no text) is thrown as such: nothing is written.
      const { facts: found, diagnostics } = await driveBuiltin(factsPipeline, { name: "facts" }, doc, selection, { file, password: opts.password, ocr: opts.ocr ?? "auto", pool, onPage: ticker }).finally(() => ticker.done());
      for (const f of found) {
        for (const p of f.problems) io.err(`kohyo: ${p.severity}: ${file} p.${f.page}: ${p.message}\n`);
      }
      const json: FactsJson = { file: doc.info.file, sha256: doc.info.sha256, pages: doc.info.pages, facts: found, diagnostics };
      await write(file, names.get(file)!, json, opts, io);
      return { checksFailed: false };
    }).catch(unreadable),
    opts.lang,
  )).finally(() => pool?.close());
}

async function write(file: string, name: string, json: FactsJson, opts: FactsOptions, io: CliIO): Promise<void> {
  if (opts.format === "json" && (!opts.outDir || opts.outDir === "-")) {
    // Several files: one JSON object a line (JSON Lines), for jq and friends.
    io.out(opts.files.length > 1 ? JSON.stringify(json, jsonValue) + "\n" : JSON.stringify(json, jsonValue, 2) + "\n");
    return;
  }
  if (opts.outDir === "-") {
    io.out(await csvText([CSV_HEADER, ...json.facts.map(csvRow)], opts));
    return;
  }
  const dir = join(opts.outDir ?? "output", name);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `facts.${opts.format}`);
  if (opts.format === "json") writeJsonFile(path, json);
  else writeFileSync(path, await csvText([CSV_HEADER, ...json.facts.map(csvRow)], opts));
  io.out(`${file}: ${json.facts.length} facts → ${path}\n`);
}

function csvRow(f: Fact): (string | number)[] {
  const { x0, y0, x1, y1 } = f.box;
  return [
    f.page, f.kind, f.text, f.value, f.to ?? "", x0, y0, x1, y1,
    Object.keys(f.detail).length ? JSON.stringify(f.detail) : "", f.line,
    f.problems.length ? JSON.stringify(f.problems) : "",
  ];
}
