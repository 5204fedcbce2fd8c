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
import { join } from "node:path";
import { csvText } from "../output/csv.js";
import type { Fact } from "../facts/types.js";
import { factsPipeline, type FactsJson } from "../pipeline/builtin/facts.js";
import { type CliIO, JsonFile, JsonListFile, jsonValue, lazyFolder, outputNames, processIO } from "../output/io.js";
import type { Diagnostic } from "../model/finding.js";
import type { DocumentInfo } from "../model/page.js";
import { pushAll } from "../bounded.js";
import { pageTicker } from "./ticker.js";
import { defaultJobs } from "../batch/pool.js";
import { ocrReader } from "../ocr/index.js";
import type { ReadingOptions } from "./options.js";
import { documentOptions, runBatch, unreadable, withDocument, withOcr } from "../batch/document.js";
import { driveBuiltin, lazyPool } from "../batch/chunks.js";
import { onInterrupt } from "../batch/interrupt.js";
import { guard } from "../pdf/limits.js";

export type FactsOptions = ReadingOptions;
export type { FactsJson };

/** The CSV columns, one row per fact; `detail` and `problems` are JSON. */
const CSV_HEADER = ["page", "kind", "text", "value", "to", "x0", "y0", "x1", "y1", "detail", "line", "problems"];

export async function facts(opts: FactsOptions, io: CliIO): Promise<number> {
  const ocr = ocrReader(opts.ocr ?? "auto", opts.jobs ?? defaultJobs());
  const where = documentOptions(opts.password, opts.pages, ocr);
  const names = outputNames(opts.files);
  // Long documents are read in chunks on worker threads (made when the first is met).
  const pool = lazyPool(opts.jobs ?? defaultJobs(), guard().limits);
  // Ctrl-C: the file being read stops (its workers ended) and what was written of it goes; exit 130.
  const interruption = onInterrupt();
  return withOcr(ocr, () => runBatch(opts.files, io, (file) =>
    withDocument(file, where, io, async (doc, selection) => {
      const ticker = pageTicker(file, opts.lang ?? "en", io === processIO ? process.stderr : null);
      // Each page's facts go to the output as soon as the page is read (written at once with -o DIR).
      const out = factsOutput(file, names.get(file)!, doc.info, opts);
      const problems: string[] = [];
      const sink = async (page: Fact[]) => {
        for (const f of page) for (const p of f.problems) problems.push(`kohyo: ${p.severity}: ${file} p.${f.page}: ${p.message}\n`);
        await out.page(page);
      };
      let diagnostics: Diagnostic[];
      try {
        // A file that turns out unreadable (truncated, damaged, no text) is thrown as such, and nothing of it is written.
        ({ diagnostics } = await driveBuiltin(factsPipeline, { name: "facts" }, doc, selection, { file, password: opts.password, ocr: opts.ocr ?? "auto", pool, sink, onPage: ticker, signal: interruption.signal }));
      } catch (e) {
        out.abort();
        throw e;
      } finally {
        ticker.done();
      }
      for (const line of problems) io.err(line);
      await out.finish(diagnostics, io);
      return { checksFailed: false };
    }).catch(unreadable),
    opts.lang,
    interruption.signal,
  )).finally(() => {
    interruption.dispose();
    return pool?.close();
  });
}

/** Where one file's facts go, a page at a time; nothing of them is left when aborted. */
interface FactsOutput {
  page(facts: Fact[]): Promise<void>;
  finish(diagnostics: Diagnostic[], io: CliIO): Promise<void>;
  abort(): void;
}

function factsOutput(file: string, name: string, info: DocumentInfo, opts: FactsOptions): FactsOutput {
  const head = { file: info.file, sha256: info.sha256, pages: info.pages };
  if ((opts.format === "json" && (!opts.outDir || opts.outDir === "-")) || opts.outDir === "-") {
    // On stdout: JSON (JSON Lines for several files, for jq and friends) or CSV, written whole at the end.
    const facts: Fact[] = [];
    return {
      async page(page) {
        pushAll(facts, page);
      },
      async finish(diagnostics, io) {
        const json: FactsJson = { ...head, facts, diagnostics };
        if (opts.format === "csv") io.out(await csvText([CSV_HEADER, ...facts.map(csvRow)], opts));
        else io.out(opts.files.length > 1 ? JSON.stringify(json, jsonValue) + "\n" : JSON.stringify(json, jsonValue, 2) + "\n");
      },
      abort() {},
    };
  }
  // DIR/<file name>/facts.json or facts.csv, written page by page beside its name and renamed into place at the end.
  const dir = join(opts.outDir ?? "output", name);
  const path = join(dir, `facts.${opts.format}`);
  const folder = lazyFolder(dir);
  let json: JsonListFile | null = null;
  let csv: JsonFile | null = null;
  let count = 0;
  const open = async () => {
    folder.make();
    if (opts.format === "json") json ??= new JsonListFile(path, head, "facts");
    else if (!csv) {
      csv = new JsonFile(path);
      csv.write(await csvText([CSV_HEADER], opts));
    }
  };
  return {
    async page(page) {
      await open();
      count += page.length;
      if (json) for (const f of page) json.add(f);
      else if (csv && page.length) csv.write(await csvLines(page.map(csvRow), opts));
    },
    async finish(diagnostics, io) {
      await open();
      if (json) json.close({ diagnostics });
      else csv?.close();
      io.out(`${file}: ${count} facts → ${path}\n`);
    },
    abort() {
      json?.abort();
      csv?.abort();
      folder.remove();
    },
  };
}

/** Rows of a CSV after its first (without the byte order mark csvText starts a file with). */
async function csvLines(rows: (string | number)[][], opts: FactsOptions): Promise<string> {
  const text = await csvText(rows, opts);
  return opts.bom || opts.excel ? text.slice(1) : text;
}

function csvRow(f: Fact): (string | number)[] {
  const { x0, y0, x1, y1 } = f.box;
  return [
    f.page, f.kind, f.text, f.value, f.to ?? "", x0, y0, x1, y1,
    Object.keys(f.detail).length ? JSON.stringify(f.detail) : "", f.line,
    f.problems.length ? JSON.stringify(f.problems) : "",
  ];
}
