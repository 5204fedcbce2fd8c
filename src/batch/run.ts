/**
 * A batch of `kohyo extract`: files spread over worker threads, large documents split
 * into page chunks over the same workers, unchanged files skipped, progress shown, the
 * manifest written, and one exit code.
 */
import { outputNames } from "../output/io.js";
import { batchExitCode, EXIT, InputError } from "../errors.js";
import { resolve } from "node:path";
import { readManifest, fileSha256, type Manifest, upToDate, writeManifest } from "./manifest.js";
import { Interrupted, Pool } from "./pool.js";
import { readChunks } from "./chunks.js";
import { onInterrupt } from "./interrupt.js";
import { say } from "../output/messages.js";
import { Progress, type ProgressSink, summaryTable } from "./progress.js";
import { cleanStaging } from "../pipeline/staging.js";
import type { Limits } from "../pdf/limits.js";
import { type ExtractSettings, failedReport, type FileReport, internalErrorReport, notRead, outputDir, SplitAssembly, verdict } from "./report.js";

export interface BatchOptions {
  jobs: number;
  force: boolean;
  /** Print the table at the end (batches of more than one file). */
  table: boolean;
  /** The worker threads' module (default: ./worker.js), for tests. */
  workerScript?: URL;
  /** Budgets for the workers' reading (default: src/pdf/limits.ts DEFAULT_LIMITS). */
  limits?: Limits;
}

export async function runExtractBatch(files: readonly string[], settings: ExtractSettings, opts: BatchOptions, sink: ProgressSink): Promise<{ code: number; reports: FileReport[] }> {
  const started = Date.now();
  // What runs that were killed left in the output folder goes first, whatever this run does.
  cleanStaging(settings.outDir);
  const manifest = readManifest(settings.outDir);
  const kept = new ManifestKeeper(settings.outDir, manifest);
  const pool = new Pool(opts.jobs, opts.workerScript, opts.limits);
  // The pipelines (with zod, ~0.1 s to load) only once the workers are starting: this
  // thread needs them for the first long document it assembles, the workers at once.
  // (With --pipeline NAME, src/cli.ts has loaded them already, to check the name.) A
  // failure to load them fails the files that need them, when they do.
  const pipelines = import("../registry.js");
  pipelines.catch(() => {});
  const m = say(settings.lang ?? "en");
  const progress = new Progress(files.length, sink, settings.lang);
  const names = outputNames(files);
  // Files whose pages are still to be read: once none is, the workers are ended
  // (Pool.release) while this thread assembles and writes what is left.
  let unread = files.length;
  const read = () => {
    if (--unread === 0) pool.release();
  };
  // Ctrl-C (SIGINT) or SIGTERM: no new file is started, the files being read are dropped
  // (their workers ended), the manifest is written for the files done, what was staged
  // goes, exit 130; the next run skips the files done. A second signal ends it at once.
  const interruption = onInterrupt();
  const { signal } = interruption;
  signal.addEventListener("abort", () => pool.stop());
  try {
    const all = await Promise.all(
      files.map(async (file): Promise<FileReport | null> => {
        const s = { ...settings, outputName: names.get(file)! };
        const sha256 = opts.force ? null : fileSha256(file);
        const earlier = opts.force ? null : upToDate(manifest, file, sha256, { pipeline: s.pipeline, pages: s.pages, password: s.password !== undefined, output: outputDir(s, file) });
        if (earlier) {
          read();
          const failedBefore = notRead(earlier.status);
          const err = failedBefore ? `${m.skippedFailed(earlier.error ?? file)}\n` : "";
          const out = failedBefore ? "" : `${m.skipped(file)}\n`;
          const report: FileReport = { ...earlier, status: "skipped", previous: earlier.status, out, err };
          progress.fileDone(report);
          return report;
        }
        let report: FileReport;
        try {
          report = await extractOne(pool, file, s, progress, pipelines, read);
        } catch (e) {
          if (signal.aborted || e instanceof Interrupted) return null; // not done: nothing kept
          // The file changed or went away while its chunks were read: unreadable, as any
          // file. A bug or a crashed worker: an internal error. Either stops this file only
          // (what a worker that died had staged goes at the end of the batch).
          // (A worker over its heap budget is an over-limit InputError: see Pool.run.)
          report = e instanceof InputError ? failedReport(file, null, e, "", settings.lang) : internalErrorReport(file, e);
        }
        const displaced = report.output ? displacedBy(manifest, file, report.output) : null;
        if (displaced) report = { ...report, err: `kohyo: warning: ${file}: its outputs replace those of ${displaced} (an earlier run) in ${report.output}\n${report.err}` };
        // A file that could not be opened has no SHA-256 from the reader: the manifest
        // needs one to know it unchanged next time.
        if (report.sha256 === null) report = { ...report, sha256: sha256 ?? fileSha256(file) };
        report = { ...report, selection: s.pages ?? null };
        progress.fileDone(report);
        kept.add(report);
        return report;
      }),
    );
    const reports = all.filter((r): r is FileReport => r !== null);
    progress.finish();
    kept.write();
    if (signal.aborted) {
      sink.err(`${say(settings.lang ?? "en").interrupted(reports.length, files.length)}\n`);
      return { code: EXIT.interrupted, reports };
    }
    if (opts.table) sink.out(summaryTable(reports, (Date.now() - started) / 1000, settings.lang));
    return { code: exitCode(reports), reports };
  } finally {
    interruption.dispose();
    await pool.close();
    // Nothing of this run is staged any more: what is left, a worker that died left.
    cleanStaging(settings.outDir, (pid) => pid === process.pid);
  }
}

/**
 * The manifest kept up to date as files are done, so that a run killed half-way has the
 * files it finished recorded (and skipped next time): written after a file when the last
 * write is a second old or more (a batch of thousands of files does not write it
 * thousands of times), and at the end.
 */
class ManifestKeeper {
  private readonly reports: FileReport[] = [];
  private last = 0;

  constructor(
    private readonly outDir: string,
    private readonly previous: Manifest,
  ) {}

  add(report: FileReport): void {
    if (report.status === "skipped") return;
    this.reports.push(report);
    if (Date.now() - this.last >= 1000) this.write();
  }

  write(): void {
    this.last = Date.now();
    writeManifest(this.outDir, this.previous, this.reports);
  }
}

/** Another file whose outputs, by the manifest, were in `dir` before: this file's replace them. */
function displacedBy(manifest: Manifest, file: string, dir: string): string | null {
  const e = manifest.files.find((e) => e.output !== null && resolve(e.output) === resolve(dir) && resolve(e.file) !== resolve(file));
  return e?.file ?? null;
}

/** One file on the pool: read whole by a worker, or split into chunks and assembled here. */
async function extractOne(pool: Pool, file: string, s: ExtractSettings, progress: Progress, pipelines: Promise<typeof import("../registry.js")>, read: () => void): Promise<FileReport> {
  let assembly: SplitAssembly;
  try {
    const whole = progress.task();
    const first = await pool.run({ kind: "file", file, settings: s }, whole.page).catch((e: unknown) => {
      whole.done(0);
      throw e;
    });
    if (first.kind === "done") {
      whole.done(first.report.pages);
      return first.report;
    }
    whole.done(0); // its pages are read again, in chunks
    const pipeline = (await pipelines).pipelineByName(first.pipeline);
    if (!pipeline) throw new Error(`${file}: no pipeline named ${first.pipeline}`);
    assembly = new SplitAssembly(file, first, s, pipeline);
    try {
      const source = { file, password: s.password, pipeline: first.pipeline, ocr: s.ocr, ...(s.stdinCopy !== undefined && { stdinCopy: s.stdinCopy }) };
      await readChunks(pool, source, first.pages, assembly, progress);
    } catch (e) {
      assembly.abort(); // nothing of this file is written
      throw e;
    }
  } finally {
    // Its pages are read (whole, in chunks, or not at all): only the assembling is left.
    read();
  }
  return assembly.finish();
}

/** An internal error first (70), then unreadable files (their shared reason's code, or 2), then usage, then weak results (9), then failed checks. */
export function exitCode(reports: readonly FileReport[]): number {
  // A skipped file keeps the verdict of the run that read it.
  return batchExitCode({
    internal: reports.some((r) => verdict(r) === "internal-error"),
    unreadable: reports.filter((r) => notRead(verdict(r))),
    usage: reports.some((r) => r.status === "usage"),
    weak: reports.some((r) => verdict(r) === "weak"),
    checksFailed: reports.some((r) => verdict(r) === "checks-failed"),
  });
}
