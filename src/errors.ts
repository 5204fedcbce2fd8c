/**
 * Bad input is not a bug: it is reported as an {@link InputError} with a reason,
 * a one-line message naming the file, and a distinct process exit code.
 */

/** Why a file could not be read. */
export type InputErrorReason =
  | "not-found"
  | "not-a-pdf"
  | "damaged"
  | "encrypted"
  | "no-text"
  /** `kohyo extract`: no pipeline knows the document (and none was named). */
  | "unrecognised"
  /** A budget of time or memory was spent (a page too slow, a stream inflating to gigabytes …): see src/pdf/limits.ts. */
  | "over-limit";

/**
 * Process exit codes. 1 is reserved for "read fine, but a check failed"
 * (the extraction issues); 2 is "unreadable input" when several files of a batch
 * failed for different reasons; 3–8 and 10 name one reason each.
 */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  unreadable: 2,
  notFound: 3,
  notAPdf: 4,
  damaged: 5,
  encrypted: 6,
  noText: 7,
  unrecognised: 8,
  /** Read, but the result is weak: a pipeline found no records, or a table it requires is missing. */
  weak: 9,
  /** A budget of time or memory was spent (src/pdf/limits.ts): raise it with --limit or --page-timeout. */
  overLimit: 10,
  usage: 64,
  internal: 70,
  /** Stopped by SIGINT (Ctrl-C) or SIGTERM: what was finished is kept. */
  interrupted: 130,
} as const;

const EXIT_BY_REASON: Record<InputErrorReason, number> = {
  "not-found": EXIT.notFound,
  "not-a-pdf": EXIT.notAPdf,
  damaged: EXIT.damaged,
  encrypted: EXIT.encrypted,
  "no-text": EXIT.noText,
  unrecognised: EXIT.unrecognised,
  "over-limit": EXIT.overLimit,
};

export class InputError extends Error {
  override readonly name = "InputError";
  readonly exitCode: number;
  constructor(
    readonly file: string,
    readonly reason: InputErrorReason,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.exitCode = EXIT_BY_REASON[reason];
  }
}

/** Exit code for a set of failed files: the shared reason's code, or 2 when reasons differ. */
/**
 * The exit code of a run over files, from how they went — one rule for every command:
 * an internal error first (70), then unreadable files (their shared reason's code, or 2),
 * then a usage error (64), then weak results (9), then failed checks (1).
 */
export function batchExitCode(b: { internal?: boolean; unreadable: readonly { exitCode: number }[]; usage: boolean; weak?: boolean; checksFailed: boolean }): number {
  if (b.internal) return EXIT.internal;
  if (b.unreadable.length) return exitCodeFor(b.unreadable);
  if (b.usage) return EXIT.usage;
  if (b.weak) return EXIT.weak;
  return b.checksFailed ? EXIT.checkFailed : EXIT.ok;
}

export function exitCodeFor(errors: readonly { exitCode: number }[]): number {
  if (errors.length === 0) return EXIT.ok;
  const codes = new Set(errors.map((e) => e.exitCode));
  return codes.size === 1 ? errors[0]!.exitCode : EXIT.unreadable;
}

/**
 * The one line for a bug in kohyo (exit 70): the error's name, message and where it was
 * thrown; the whole stack only with KOHYO_DEBUG=1.
 */
export function internalErrorLine(e: unknown): string {
  const err = e as { name?: unknown; message?: unknown; stack?: unknown } | null;
  if (process.env["KOHYO_DEBUG"] === "1" && typeof err?.stack === "string") return `kohyo: internal error (a bug in kohyo, please report it): ${err.stack}\n`;
  const message = String(err?.message ?? e).split("\n")[0];
  const where = typeof err?.stack === "string" ? /\n\s+at (?:.*\()?(.*?:\d+:\d+)\)?/.exec(err.stack)?.[1] : undefined;
  return `kohyo: internal error (a bug in kohyo, please report it): ${String(err?.name ?? "Error")}: ${message}${where ? ` (at ${where})` : ""}\n`;
}

/**
 * pdf.js's errors about a broken file. pdf.js leaves some of its promises unwatched (the
 * annotations of a page whose /Annots array is cut short): when one rejects with one of
 * these, the file's verdict (damaged) has said it already, and it is no bug of kohyo.
 */
const PDFJS_FILE_ERRORS = new Set([
  "ParserEOFException",
  "FormatError",
  "InvalidPDFException",
  "XRefParseException",
  // A cross-reference entry naming an object that is not where it says (a bogus /Length shifts it).
  "XRefEntryException",
  "MissingDataException",
  // pdf.js's image decoders on a broken image.
  "JpegError",
  "JpxError",
  "Jbig2Error",
  "DNLMarkerError",
  "EOIMarkerError",
  "LimitError",
]);

export const isPdfjsFileError = (reason: unknown): boolean => PDFJS_FILE_ERRORS.has(String((reason as { name?: unknown } | null)?.name));

/** For an unhandled rejection: nothing for pdf.js's errors about the file, else the one line and exit 70. */
export function onUnhandledRejection(reason: unknown): void {
  if (isPdfjsFileError(reason)) return;
  process.stderr.write(internalErrorLine(reason));
  process.exit(EXIT.internal);
}
