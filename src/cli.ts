#!/usr/bin/env node
/**
 * The `kohyo` command line. Each command is declared in src/cli/commands.ts (usage,
 * options, examples) and runs from src/cli/<command>.ts, returning its exit code; this
 * file only parses arguments against those declarations, prints help, and dispatches.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EXIT, internalErrorLine, onUnhandledRejection } from "./errors.js";
import { setUpProcess } from "./runtime.js";
import { type Command, COMMANDS, commandByName, commandHelp, parserOptions, UsageError, usageLine } from "./cli/commands.js";
import { type CliIO, dropStdoutWhenClosed, processIO } from "./output/io.js";
import { type Lang, langOf, say } from "./output/messages.js";
import { KOHYO_VERSION } from "./version.js";

/** `kohyo --help`: the commands with one line each, how to get a command's help, the exit codes. */
function usage(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return `kohyo ${KOHYO_VERSION} — Japanese government PDFs to checked, structured data

Usage: kohyo COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}\n`).join("")}
  kohyo help COMMAND (or kohyo COMMAND --help): its usage, options and examples
  kohyo --version

Exit codes: 0 ok · 1 a check failed · 2 several unreadable files, different reasons ·
3 file not found · 4 not a PDF · 5 damaged or truncated · 6 encrypted (password missing or wrong) ·
7 no text layer (scanned) · 8 no pipeline recognises the document (extract) ·
9 a weak result: no records, or a required table missing (extract) ·
10 over a limit (--limit, --page-timeout; docs/limits.md) · 64 usage error ·
70 internal error (a bug in kohyo) · 130 interrupted (Ctrl-C)
`;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  const lang = langOf(optionValue(argv, "lang")) ?? "en";
  if (!command || command === "--help" || command === "-h") {
    io[command ? "out" : "err"](usage());
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    io.out(`${KOHYO_VERSION}\n`);
    return EXIT.ok;
  }
  if (command === "help") {
    const name = rest.find((a) => !a.startsWith("-"));
    if (name === undefined) {
      io.out(usage());
      return EXIT.ok;
    }
    const c = commandByName(name);
    if (!c) {
      io.err(`${say(lang).unknownCommand(name)}\n\n${usage()}`);
      return EXIT.usage;
    }
    io.out(commandHelp(c));
    return EXIT.ok;
  }
  const c = commandByName(command);
  if (!c) {
    io.err(`${say(lang).unknownCommand(command)}\n\n${usage()}`);
    return EXIT.usage;
  }
  // --help anywhere before "--" shows the help, whatever else the line holds.
  const end = rest.indexOf("--");
  if ((end < 0 ? rest : rest.slice(0, end)).some((a) => a === "--help" || a === "-h")) {
    io.out(commandHelp(c));
    return EXIT.ok;
  }
  try {
    const parsed = parseCommand(c, rest, lang);
    const chosen = langOf(typeof parsed.values.lang === "string" ? parsed.values.lang : undefined);
    if (!chosen) throw new UsageError(say(lang).badLang(String(parsed.values.lang)));
    return await c.run({ ...parsed, lang: chosen }, io);
  } catch (e) {
    if (e instanceof UsageError) {
      // One line saying what is wrong, and the command's usage line.
      io.err(`${e.message.startsWith("kohyo") ? "" : `kohyo ${c.name}: `}${e.message} ${say(lang).seeHelp(c.name)}\n${usageLine(c)}\n`);
      return EXIT.usage;
    }
    io.err(internalErrorLine(e));
    return EXIT.internal;
  }
}

/** A command's arguments parsed against its declared options; a bad option is a UsageError naming it. */
function parseCommand(c: Command, args: string[], lang: Lang) {
  try {
    return parseArgs({ args, allowPositionals: true, options: parserOptions(c) });
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS")) throw e;
    const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) throw new UsageError(say(lang).unknownOption(c.name, option));
    throw new UsageError(`kohyo ${c.name}: ${(e as Error).message.split(/\.\s/)[0]}`);
  }
}

/** The value of `--NAME VALUE` or `--NAME=VALUE` anywhere on the line (before "--"), for what is decided before parsing. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const a = argv[i]!;
    if (a === `--${name}`) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
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
  process.on("unhandledRejection", onUnhandledRejection);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Only if even the usage text could not be made (kohyo's own modules failed to load).
      process.stderr.write(internalErrorLine(e));
      process.exitCode = EXIT.internal;
    },
  );
}
