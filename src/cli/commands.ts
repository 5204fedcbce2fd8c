/**
 * The commands of `kohyo`, each declared in one place: its usage line, what it does,
 * its options (the parser's settings and their help together), two examples, and how it
 * runs. src/cli.ts parses the arguments against a command's options and prints its help
 * from the same declaration, so a new option or command is added here and nowhere else.
 *
 * A command's own module (src/cli/<command>.ts) is loaded only when it runs: `kohyo
 * extract`'s coordinating thread never loads pdf.js, and `--help` loads nothing.
 */
import { defaultJobs } from "../batch/pool.js";
import { type Limits, parseLimits, setLimits } from "../pdf/limits.js";
import { type CliIO, processIO } from "../output/io.js";
import { type Lang, say } from "../output/messages.js";
import type { FindOptions } from "../table/find.js";
import { correctionsOn } from "../table/corrections.js";

/** One option: what node:util parseArgs needs, and its line in the help. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  default?: string;
  /** The value's name in the help (`--jobs N`); string options only. */
  value?: string;
  /** May be given more than once (its values come as a list). */
  multiple?: boolean;
  help: string;
}

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  name: string;
  /** After `kohyo NAME`: the positionals and the options that matter most. */
  usage: string;
  /** One line, for `kohyo --help`. */
  summary: string;
  /** A few lines, for `kohyo help NAME`. */
  description: string;
  options: Record<string, OptionSpec>;
  /** Two or more: a command line and what it does. */
  examples: readonly (readonly [command: string, does: string])[];
  /** Runs the command with its parsed arguments; returns the exit code. Throws UsageError for bad arguments. */
  run: (args: { values: Values; positionals: string[]; lang: Lang }, io: CliIO) => Promise<number>;
}

/** Numbers separated by commas, or a usage error naming the option. */
function numbers(name: string, v: string, count?: number): number[] {
  const xs = v.split(",").map((x) => Number(x.trim()));
  if (xs.some((x) => !Number.isFinite(x)) || (count !== undefined && xs.length !== count) || xs.length === 0) {
    throw new UsageError(`--${name} takes ${count === undefined ? "numbers" : `${count} numbers`} separated by commas, after the pages they are for and a colon if only for some (3:…, 2-4,7:…), not "${v}"`);
  }
  return xs;
}

/** The values of an option given once or more. */
const all = (v: Values[string]): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");

/** "2-4,7" (the pages before the colon of --area/--columns) as ranges; "5-": to the end. */
function pageRanges(name: string, spec: string): [number, number][] {
  return spec.split(",").map((part) => {
    const m = /^\s*(\d+)\s*(?:(-)\s*(\d+)?)?\s*$/u.exec(part);
    const from = Number(m?.[1]);
    const to = m?.[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
    if (!m || from < 1 || to < from) throw new UsageError(`--${name}: bad pages "${spec}" before the colon (use e.g. 3:…, 2-4,7:… or 5-:…)`);
    return [from, to];
  });
}

/**
 * --area [PAGES:]x0,y0,x1,y1 and --columns [PAGES:]x1,x2,…, each given as often as needed:
 * without pages for every page, with pages for those pages only (src/table/find.ts
 * FindOptions). Where a page has several areas, its column edges are given once or once
 * for each area: anything else is a usage error, found before any file is read.
 */
function areasAndColumns(values: Values): Pick<FindOptions, "area" | "columns" | "byPage"> {
  const parsed = (name: "area" | "columns") =>
    all(values[name]).map((v) => {
      const colon = v.indexOf(":");
      const xs = numbers(name, colon < 0 ? v : v.slice(colon + 1), name === "area" ? 4 : undefined);
      return { pages: colon < 0 ? null : pageRanges(name, v.slice(0, colon)), xs };
    });
  const areas = parsed("area").map((a) => ({ pages: a.pages, area: { x0: a.xs[0]!, y0: a.xs[1]!, x1: a.xs[2]!, y1: a.xs[3]! } }));
  const columns = parsed("columns").map((c) => ({ pages: c.pages, columns: c.xs }));
  const every = { areas: areas.filter((a) => !a.pages).map((a) => a.area), columns: columns.filter((c) => !c.pages).map((c) => c.columns) };
  if (every.columns.length > 1) throw new UsageError("--columns without pages is given once (for every page); name the pages of the others (3:x1,x2,…)");
  const byPage = [...areas, ...columns].flatMap((c) => (c.pages ? [{ ...c, pages: c.pages }] : []));
  const options: Pick<FindOptions, "area" | "columns" | "byPage"> = {
    ...(every.areas.length && { area: every.areas.length === 1 ? every.areas[0]! : every.areas }),
    ...(every.columns.length && { columns: every.columns[0]! }),
    ...(byPage.length && { byPage }),
  };
  // Where the counts can change: the first page, and each range's first page and the page after it.
  const edges = new Set([1, ...byPage.flatMap((c) => c.pages.flatMap(([from, to]) => [from, to + 1]))]);
  for (const page of [...edges].filter(Number.isFinite).sort((a, b) => a - b)) {
    const on = correctionsOn(options, page);
    if (on.columns.length > 1 && on.columns.length !== on.areas.length) {
      throw new UsageError(`page ${page} has ${on.areas.length} area${on.areas.length === 1 ? "" : "s"} and ${on.columns.length} sets of --columns: give its columns once, or once for each area`);
    }
  }
  return options;
}

/** kohyo tables' corrections: --strategy, --area, --columns, --header-rows. */
function tableCorrections(values: Values): { find: FindOptions; headerRows?: number; headerRowsOf?: Record<string, number> } {
  const strategy = values.strategy;
  if (strategy !== undefined && strategy !== "lattice" && strategy !== "stream") throw new UsageError(`--strategy is lattice or stream, not "${String(strategy)}"`);
  const { header, byTable } = headerRows(str(values["header-rows"]));
  return {
    find: { ...(strategy !== undefined && { strategy }), ...areasAndColumns(values) },
    ...(header !== undefined && { headerRows: header }),
    ...(byTable && { headerRowsOf: byTable }),
  };
}

/** --header-rows N (every table), ID=N (that table: p004-t01=2), or both: 1,p004-t01=2. */
function headerRows(v: string | undefined): { header?: number; byTable?: Record<string, number> } {
  if (v === undefined) return {};
  const bad = () => new UsageError(`--header-rows takes a whole number, or table ids with one (p004-t01=2), separated by commas, not "${String(v)}"`);
  const out: { header?: number; byTable?: Record<string, number> } = {};
  for (const part of v.split(",").map((x) => x.trim())) {
    const m = /^(?:(p\d{3,}-t\d{2,})=)?(\d+)$/u.exec(part);
    if (!m) throw bad();
    if (m[1] === undefined) {
      if (out.header !== undefined) throw bad();
      out.header = Number(m[2]);
    } else (out.byTable ??= {})[m[1]] = Number(m[2]);
  }
  return out;
}

/** A bad command line: one line saying what is wrong, then the command's usage line. */
export class UsageError extends Error {}

/** Options every command takes. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  help: { type: "boolean", short: "h", help: "this help" },
  lang: { type: "string", value: "en|ja", help: "language of messages (default: ja when LANG is ja_*, else en)" },
};

/** Options of every command that reads PDFs. */
const FILE_OPTIONS: Record<string, OptionSpec> = {
  pages: { type: "string", value: "1-3,5", help: "read only these pages" },
  page: { type: "string", value: "1-3,5", help: "the same as --pages" },
  password: { type: "string", value: "PW", help: "the password of an encrypted PDF" },
  out: { type: "string", short: "o", value: "DIR", help: "write the outputs under DIR/<file name>/ (tables, facts: - for stdout)" },
  "page-timeout": { type: "string", value: "SECONDS", help: "give up a page pdf.js reads for longer (default 60; exit 10)" },
  limit: {
    type: "string",
    value: "NAME=N,…",
    help: "raise or lower budgets: stream-bytes, page-bytes, page-operators, pattern-depth, image-pixels, table-cells, stream-runs, pages, worker-heap-mb (docs/limits.md; exit 10)",
  },
  ocr: {
    type: "string",
    default: "auto",
    value: "auto|on|off",
    help: "scanned pages (only images, or invisible text over them) read by OCR: auto; every page with an image: on; never: off",
  },
};

const BOM: OptionSpec = { type: "boolean", help: "start each CSV with a byte order mark, so Excel reads it as UTF-8" };
const EXCEL: OptionSpec = { type: "boolean", help: "CSVs to open in Excel: --bom, and codes, phones and labels Excel would change (012025, 1-2) kept as printed" };
const JOBS: OptionSpec = { type: "string", short: "j", value: "N", help: "worker threads (default: the number of cores)" };
const FORMAT: OptionSpec = { type: "string", default: "json", value: "json|csv", help: "JSON (to stdout without -o) or CSV files (under DIR, default output/)" };

/** The shared file options as a command's options object. */
export function fileOptions(values: Values): { pages?: string; password?: string; outDir?: string; ocr: "auto" | "on" | "off" } {
  const pages = str(values.pages) ?? str(values.page);
  setLimits(limitsOf(values)); // this thread's reading; `kohyo extract` hands them to its workers
  const ocr = str(values.ocr) ?? "auto";
  if (ocr !== "auto" && ocr !== "on" && ocr !== "off") throw new UsageError(`--ocr is auto, on or off, not "${ocr}"`);
  return {
    ocr,
    ...(pages !== undefined && { pages }),
    ...(str(values.password) !== undefined && { password: str(values.password)! }),
    ...(str(values.out) !== undefined && { outDir: str(values.out)! }),
  };
}

const str = (v: Values[string]): string | undefined => (typeof v === "string" ? v : undefined);

/** --jobs N: a whole number ≥ 1, the number of cores when not given. */
function jobsOf(values: Values): number {
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs is a whole number ≥ 1, not "${String(values.jobs)}"`);
  return jobs;
}

/** --limit NAME=N,… and --page-timeout SECONDS → the budgets (src/pdf/limits.ts), or a usage error. */
export function limitsOf(values: Values): Limits {
  const given = (str(values.limit) ?? "").split(",").filter((v) => v.trim() !== "");
  if (str(values["page-timeout"]) !== undefined) given.push(`page-timeout=${str(values["page-timeout"])}`);
  const limits = parseLimits(given);
  if (typeof limits === "string") throw new UsageError(limits);
  return limits;
}

function needFiles(name: string, positionals: string[], lang: Lang): void {
  if (positionals.length === 0) throw new UsageError(say(lang).needsFile(name));
}

/** --pipeline NAME, checked against the families kohyo knows. */
async function pipelineOption(values: Values): Promise<string | undefined> {
  const pipeline = str(values.pipeline);
  if (pipeline === undefined) return undefined;
  const { PIPELINES, pipelineByName } = await import("../registry.js");
  if (!pipelineByName(pipeline)) throw new UsageError(`unknown pipeline "${pipeline}" (known: ${PIPELINES.map((p) => p.name).join(", ")})`);
  return pipeline;
}

function format(values: Values): "json" | "csv" {
  if (values.format !== "json" && values.format !== "csv") throw new UsageError(`--format is json or csv, not "${String(values.format)}"`);
  return values.format;
}

export const COMMANDS: readonly Command[] = [
  {
    name: "extract",
    usage: "extract FILE|DIR|-... [--pipeline NAME] [-o DIR] [--bom|--excel] [--header ja|en] [--strict] [--jobs N] [--force]",
    summary: "records of a known document family, checked against the document's own totals",
    description:
      "Each file is recognised as one of the families kohyo knows (see `kohyo pipelines`), or read as the\n" +
      "one --pipeline names, and written to DIR/<file name>/: records.json, one CSV per table,\n" +
      "datapackage.json and report.json; DIR/manifest.json lists the batch. Files run on N worker threads;\n" +
      "a file unchanged since its last extraction is skipped unless --force. Ctrl-C stops after the files\n" +
      "being read, keeps what is finished, and the next run goes on from there. FILE - reads the PDF from\n" +
      "stdin (written under DIR/stdin/).",
    options: {
      ...FILE_OPTIONS,
      pipeline: { type: "string", value: "NAME", help: "read every file as this family (see kohyo pipelines)" },
      bom: BOM,
      excel: EXCEL,
      header: { type: "string", default: "ja", value: "ja|en", help: "CSV header: Japanese column names (default) or English field names" },
      strict: { type: "boolean", help: "write nothing for a file whose checks fail" },
      jobs: JOBS,
      force: { type: "boolean", help: "read every file again, even if unchanged" },
      review: { type: "boolean", help: "also write review.html beside each file's outputs (see kohyo review)" },
    },
    examples: [
      ["kohyo extract plan.pdf", "recognise plan.pdf and write its records under output/plan/"],
      ["kohyo extract pdfs/ -o data --excel --jobs 2", "every PDF under pdfs/, CSVs to open in Excel, two at a time"],
    ],
    async run({ values, positionals, lang }, io) {
      needFiles("extract", positionals, lang);
      if (values.header !== "ja" && values.header !== "en") throw new UsageError(`--header is ja or en, not "${String(values.header)}"`);
      const pipeline = await pipelineOption(values);
      const jobs = jobsOf(values);
      const { extract, terminalBar } = await import("./extract.js");
      const extracted = await extract(
        {
          files: positionals,
          jobs,
          force: values.force === true,
          bar: io === processIO ? terminalBar(process.stderr) : null,
          header: values.header,
          bom: values.bom === true, excel: values.excel === true,
          strict: values.strict === true,
          lang,
          ...(pipeline !== undefined && { pipeline }),
          ...fileOptions(values),
          limits: limitsOf(values),
        },
        io,
      );
      if (values.review !== true || extracted === 130) return extracted;
      const { reviewExtracted } = await import("./review.js");
      const reviewed = await reviewExtracted({ files: positionals, ...(pipeline !== undefined && { pipeline }), ...fileOptions(values) }, io);
      return extracted === 0 ? reviewed : extracted;
    },
  },
  {
    name: "review",
    usage: "review FILE... [-o DIR] [--pipeline NAME] [--png]",
    summary: "what kohyo read, drawn over each page: a review.html that opens offline, or PNGs",
    description:
      "Writes DIR/<file name>/review.html (DIR: output/): one self-contained page, opened from disk or any\n" +
      "static host, no network, with the PDF's pages drawn by pdf.js and over them the tables (grid, header\n" +
      "rows), cells, records and their fields, printed totals and every check (failing red, warnings amber,\n" +
      "passing green), each with its message; a side panel lists the checks by rule, the records and tables\n" +
      "(n / p: next / previous failure). --png also draws the same into DIR/<file name>/review-p<N>.png,\n" +
      "for the pages --pages names (the whole document is read either way: a total needs its whole table).",
    options: {
      ...FILE_OPTIONS,
      pipeline: { type: "string", value: "NAME", help: "read every file as this family (default: the family recognised, if any)" },
      png: { type: "boolean", help: "also one PNG per page with the overlays drawn in" },
    },
    examples: [
      ["kohyo review plan.pdf", "output/plan/review.html: open it in a browser"],
      ["kohyo review plan.pdf --png --pages 3 -o shots", "shots/plan/review.html and shots/plan/review-p3.png"],
    ],
    async run({ values, positionals, lang }, io) {
      needFiles("review", positionals, lang);
      const pipeline = await pipelineOption(values);
      const { review } = await import("./review.js");
      return review({ files: positionals, lang, png: values.png === true, ...(pipeline !== undefined && { pipeline }), ...fileOptions(values) }, io);
    },
  },
  {
    name: "tables",
    usage: "tables FILE|-... [--pages 1-3,5] [--format json|csv] [--bom|--excel] [--numbers] [--table ID] [-o DIR|-] [--strategy lattice|stream] [--area [PAGES:]x0,y0,x1,y1]… [--columns [PAGES:]x1,x2,…]… [--header-rows N|ID=N,…]",
    summary: "every table, ruled or not, continued over pages as one, with its printed totals checked",
    description:
      "Every table of each file, ruled or not; a table continued over pages comes out as one, and its\n" +
      "printed totals (合計, 小計) are checked against its rows. A table is named by its first page and its\n" +
      "place there (p004-t01). JSON goes to stdout (JSON Lines for several files), or to DIR/<file name>/\n" +
      "tables.json with -o; --format csv writes one CSV per table (p004-t01.csv), tables.csv (each table's\n" +
      "pages, rows, columns, totals ok and failed) and totals.csv (every printed total checked); with -o -\n" +
      "one table's CSV goes to stdout. A cell printed on several lines keeps its line breaks. FILE - reads stdin.",
    options: {
      ...FILE_OPTIONS,
      format: FORMAT,
      bom: BOM,
      excel: EXCEL,
      strategy: { type: "string", value: "lattice|stream", help: "only ruled tables, or only tables read from the text's alignment" },
      area: { type: "string", multiple: true, value: "[PAGES:]x0,y0,x1,y1", help: "read only this area of each page, or of these pages (3:…, 2-4:…), in points from the top left; again for more areas, each read on its own" },
      columns: { type: "string", multiple: true, value: "[PAGES:]x1,x2,…", help: "column edges (points): the text (of each area) read as one table with these columns; with pages, for those pages only (once per area there, or once for all)" },
      "header-rows": { type: "string", value: "N|ID=N,…", help: "every table has N header rows; ID=N: that table (p004-t01=2)" },
      numbers: { type: "boolean", help: "a cell that prints one number is written as that number (1,234 → 1234, △5 → -5); codes keep their zeros" },
      table: { type: "string", value: "ID,…", help: "only these tables (ids as p004-t01: the first page, then the place on it)" },
      jobs: JOBS,
    },
    examples: [
      ["kohyo tables budget.pdf --pages 3-5", "the tables of pages 3 to 5 as JSON on stdout"],
      ["kohyo tables list.pdf --strategy lattice --header-rows 2", "ruled tables only, each with two header rows"],
      ["kohyo tables budget.pdf --format csv --bom -o tables", "one CSV per table under tables/budget/, for Excel"],
      ["curl -s https://…/list.pdf | kohyo tables - --table p001-t01 --format csv -o -", "one table's CSV from a PDF on stdin to stdout"],
    ],
    async run({ values, positionals, lang }, io) {
      needFiles("tables", positionals, lang);
      const { tables } = await import("./tables.js");
      const only = str(values.table)?.split(",").map((x) => x.trim()).filter((x) => x !== "");
      return tables({ files: positionals, lang, format: format(values), bom: values.bom === true, excel: values.excel === true, numbers: values.numbers === true, jobs: jobsOf(values), ...(only && { only }), ...tableCorrections(values), ...fileOptions(values) }, io);
    },
  },
  {
    name: "facts",
    usage: "facts FILE|-... [--pages 1-3,5] [--format json|csv] [--bom|--excel] [-o DIR|-]",
    summary: "every amount, rate, date, deadline, phone, e-mail and URL, normalised, with page and box",
    description:
      "For documents no pipeline knows: every amount, ceiling, rate, date, date range, deadline, fiscal\n" +
      "year, phone number, e-mail address and URL on each page, normalised, with its page and box.\n" +
      "JSON goes to stdout (JSON Lines for several files), or to DIR/<file name>/facts.json with -o;\n" +
      "-o - with --format csv writes the CSV to stdout. FILE - reads the PDF from stdin.",
    options: { ...FILE_OPTIONS, format: FORMAT, bom: BOM, excel: EXCEL, jobs: JOBS },
    examples: [
      ["kohyo facts guide.pdf", "the facts of guide.pdf as JSON on stdout"],
      ["kohyo facts a.pdf b.pdf --format csv --bom -o facts", "facts/a/facts.csv and facts/b/facts.csv, for Excel"],
    ],
    async run({ values, positionals, lang }, io) {
      needFiles("facts", positionals, lang);
      const { facts } = await import("./facts.js");
      return facts({ files: positionals, lang, format: format(values), bom: values.bom === true, excel: values.excel === true, jobs: jobsOf(values), ...fileOptions(values) }, io);
    },
  },
  {
    name: "inspect",
    usage: "inspect FILE... [--page N|1-3,5] [--json] [-o DIR]",
    summary: "text lines with their boxes and the ruling lines found, per page",
    description:
      "What kohyo sees on each page: the text lines with their boxes (points from the top-left corner)\n" +
      "and the ruling lines. Text on stdout; --json writes one JSON object per file per line (JSON Lines).",
    options: { ...FILE_OPTIONS, json: { type: "boolean", help: "JSON Lines instead of text" } },
    examples: [
      ["kohyo inspect plan.pdf --page 3", "the lines and ruling lines of page 3"],
      ["kohyo inspect plan.pdf --json | jq .info", "the document's information as JSON"],
    ],
    async run({ values, positionals, lang }, io) {
      needFiles("inspect", positionals, lang);
      const { pages, ...others } = fileOptions(values);
      const { inspect } = await import("./inspect.js");
      return inspect({ files: positionals, lang, json: values.json === true, ...others, ...(pages !== undefined && { page: pages }) }, io);
    },
  },
  {
    name: "pipelines",
    usage: "pipelines [FILE...] [--password PW]",
    summary: "the document families kohyo knows; with files, how well each matches each family, and why",
    description:
      "Without files: each family's name and description. With files: for each file and each family, the\n" +
      "score (kohyo extract needs 60 % to recognise a family by itself) and the words found on the first\n" +
      "pages that make it.",
    options: { password: FILE_OPTIONS.password! },
    examples: [
      ["kohyo pipelines", "the families kohyo knows"],
      ["kohyo pipelines plan.pdf", "how well plan.pdf matches each family, and the words found"],
    ],
    async run({ values, positionals, lang }, io) {
      const { pipelines } = await import("./pipelines.js");
      return pipelines({ files: positionals, lang, ...(str(values.password) !== undefined && { password: str(values.password)! }) }, io);
    },
  },
];

export const commandByName = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name);

/** The options parseArgs takes for a command (its own and the common ones). */
export function parserOptions(c: Command): Record<string, { type: "string" | "boolean"; short?: string; default?: string; multiple?: boolean }> {
  const out: Record<string, { type: "string" | "boolean"; short?: string; default?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries({ ...c.options, ...COMMON_OPTIONS })) {
    out[name] = { type: o.type, ...(o.short !== undefined && { short: o.short }), ...(o.default !== undefined && { default: o.default }), ...(o.multiple && { multiple: true }) };
  }
  return out;
}

/** `Usage: kohyo …` for a command. */
export const usageLine = (c: Command): string => `Usage: kohyo ${c.usage}`;

/** A command's help: usage, what it does, options, examples. */
export function commandHelp(c: Command): string {
  const rows = Object.entries({ ...c.options, ...COMMON_OPTIONS }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${o.value ?? "VALUE"}` : ""}`;
    return [flag, o.help + (o.default !== undefined ? ` (default: ${o.default})` : "")] as const;
  });
  const w = Math.max(...rows.map(([f]) => f.length));
  return (
    `${usageLine(c)}\n\n${c.description}\n\nOptions:\n` +
    rows.map(([f, h]) => `  ${f.padEnd(w)}  ${h}\n`).join("") +
    `\nExamples:\n` +
    c.examples.map(([cmd, does]) => `  ${cmd}\n      ${does}\n`).join("")
  );
}
