#!/usr/bin/env node
/**
 * The `kohyo` command line. Each command lives in src/cli/<command>.ts and returns
 * its exit code; this file only parses arguments and dispatches.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EXIT } from "./errors.js";
import { setUpProcess } from "./runtime.js";
import { extract, terminalBar } from "./cli/extract.js";
import { defaultJobs } from "./batch/pool.js";
import { type CliIO, dropStdoutWhenClosed, processIO } from "./cli/io.js";
import { KOHYO_VERSION } from "./version.js";

/**
 * The usage text, with the pipelines' names. They are loaded when it is shown, as
 * everywhere in this file: `kohyo extract` starts its workers before this thread loads
 * the pipelines (see src/batch/run.ts), unless --pipeline NAME has them loaded first to
 * check the name.
 */
const usage = async (): Promise<string> => {
  const { PIPELINES } = await import("./pipeline/registry.js");
  return `kohyo ${KOHYO_VERSION} — Japanese government PDFs to checked, structured data

Usage:
  kohyo inspect FILE... [--page N|1-3,5] [--json] [--password PW] [-o DIR]
      Text lines with their boxes and ruling lines found, per page.
  kohyo tables FILE... [--pages 1-3,5] [--format json|csv] [--password PW] [-o DIR]
      Every table, ruled or not, continued over pages as one, with its printed totals checked.
  kohyo facts FILE... [--pages 1-3,5] [--format json|csv] [--password PW] [-o DIR]
      Every amount, rate, date, deadline, phone, e-mail and URL, normalised, with page and box.
  kohyo extract FILE|DIR... [--pipeline NAME] [-o DIR] [--bom] [--header ja|en] [--strict]
                           [--jobs N] [--force] [--pages 1-3,5] [--password PW]
      Records of a known document family (recognised, or named by --pipeline), checked against
      the document's own totals and rules: DIR/<file>/records.json, <table>.csv, datapackage.json,
      report.json, and DIR/manifest.json (DIR: output/). --strict writes nothing for a file whose
      checks fail. Files run on N worker threads (default: cores); unchanged files are skipped
      unless --force.
      Pipelines: ${PIPELINES.map((p) => p.name).join(", ")}
  kohyo --version | --help

Exit codes: 0 ok · 1 a check failed · 2 several unreadable files, different reasons ·
3 file not found · 4 not a PDF · 5 damaged or truncated · 6 encrypted (password missing or wrong) ·
7 no text layer (scanned) · 8 no pipeline recognises the document (extract) · 64 usage error · 70 internal error (a bug in kohyo)
`;
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(await usage());
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === "--version" || command === "-v") {
    io.out(`${KOHYO_VERSION}\n`);
    return EXIT.ok;
  }
  try {
    if (command === "inspect") {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { ...FILE_OPTIONS, json: { type: "boolean" } },
      });
      if (positionals.length === 0) throw new UsageError("inspect needs at least one FILE");
      const { pages, ...others } = fileOptions(values);
      // Each command's modules are loaded when it runs: extract's coordinating thread never loads pdf.js.
      const { inspect } = await import("./cli/inspect.js");
      return await inspect({ files: positionals, json: values.json === true, ...others, ...(pages !== undefined && { page: pages }) }, io);
    }
    if (command === "tables" || command === "facts") {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { ...FILE_OPTIONS, format: { type: "string", default: "json" } },
      });
      if (positionals.length === 0) throw new UsageError(`${command} needs at least one FILE`);
      if (values.format !== "json" && values.format !== "csv") throw new UsageError(`--format is json or csv, not "${values.format}"`);
      const run = command === "tables" ? (await import("./cli/tables.js")).tables : (await import("./cli/facts.js")).facts;
      return await run({ files: positionals, format: values.format, ...fileOptions(values) }, io);
    }
    if (command === "extract") {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          ...FILE_OPTIONS,
          pipeline: { type: "string" },
          bom: { type: "boolean" },
          header: { type: "string", default: "ja" },
          strict: { type: "boolean" },
          jobs: { type: "string", short: "j" },
          force: { type: "boolean" },
        },
      });
      if (positionals.length === 0) throw new UsageError("extract needs at least one FILE");
      if (values.header !== "ja" && values.header !== "en") throw new UsageError(`--header is ja or en, not "${values.header}"`);
      if (values.pipeline !== undefined) {
        const { PIPELINES, pipelineByName } = await import("./pipeline/registry.js");
        if (!pipelineByName(values.pipeline)) throw new UsageError(`unknown pipeline "${values.pipeline}" (known: ${PIPELINES.map((p) => p.name).join(", ")})`);
      }
      const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs is a whole number ≥ 1, not "${values.jobs}"`);
      return await extract(
        {
          files: positionals,
          jobs,
          force: values.force === true,
          bar: io === processIO ? terminalBar(process.stderr) : null,
          header: values.header,
          bom: values.bom === true,
          strict: values.strict === true,
          ...(values.pipeline !== undefined && { pipeline: values.pipeline }),
          ...fileOptions(values),
        },
        io,
      );
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`kohyo: ${(e as Error).message}\n\n${await usage()}`);
      return EXIT.usage;
    }
    io.err(`kohyo: internal error (a bug in kohyo, please report it): ${(e as Error)?.stack ?? e}\n`);
    return EXIT.internal;
  }
}

class UsageError extends Error {}

/** Options every file-reading command takes: --page/--pages, --password, -o/--out. */
const FILE_OPTIONS = {
  page: { type: "string" },
  pages: { type: "string" },
  password: { type: "string" },
  out: { type: "string", short: "o" },
} as const;

/** The shared file options as a command's options object. */
function fileOptions(values: { page?: string; pages?: string; password?: string; out?: string }) {
  const pages = values.pages ?? values.page;
  return {
    ...(pages !== undefined && { pages }),
    ...(values.password !== undefined && { password: values.password }),
    ...(values.out !== undefined && { outDir: values.out }),
  };
}

/** True when this file is the program being run (directly or through the npm bin link). */
function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isMain()) {
  // Before any command loads pdf.js or starts a worker (src/runtime.ts).
  setUpProcess();
  dropStdoutWhenClosed();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Only if even the usage text could not be made (kohyo's own modules failed to load).
      process.stderr.write(`kohyo: internal error (a bug in kohyo, please report it): ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
