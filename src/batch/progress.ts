/**
 * Where a batch is: a bar redrawn in place on a terminal (files done, pages per second,
 * failures), one plain line per file otherwise (none for a single file); and the table
 * at the end.
 */
import { emWidth } from "../text/repair.js";
import { type FileReport, notRead, verdict } from "./report.js";
import { type Lang, type Messages, say } from "../output/messages.js";

export interface ProgressSink {
  /** Text for stdout / stderr that must not be torn by the bar. */
  out: (s: string) => void;
  err: (s: string) => void;
  /** The terminal line the bar is drawn on, or null when stderr is not a terminal. */
  bar: ((s: string) => void) | null;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private pages = 0;
  /** Pages of tasks still running that their workers have started: a page started means the one before it was read. */
  private readonly live = new Map<object, Set<number>>();
  private readonly started = Date.now();
  private drawn = 0;

  private readonly m: Messages;

  constructor(
    private readonly total: number,
    private readonly sink: ProgressSink,
    lang: Lang = "en",
  ) {
    this.m = say(lang);
  }

  /**
   * A task (a file or a chunk of one) is being read: the pages its worker starts count at
   * once, so a long file shows its progress page by page, not only when it is done.
   * `done(n)` replaces them with the n pages the task read.
   */
  task(): { page: (page: number) => void; done: (n: number) => void } {
    const key = {};
    const started = new Set<number>();
    this.live.set(key, started);
    return {
      page: (page) => {
        started.add(page);
        this.draw(true);
      },
      done: (n) => {
        this.live.delete(key);
        this.pages += n;
        this.draw();
      },
    };
  }

  /** Pages read so far, those of running tasks included. */
  private pagesRead(): number {
    let n = this.pages;
    for (const s of this.live.values()) n += s.size;
    return n;
  }

  fileDone(r: FileReport): void {
    this.done++;
    if (hasProblems(r)) this.failed++;
    this.clear();
    this.sink.out(r.out);
    this.sink.err(r.err);
    if (!this.sink.bar && this.total > 1) {
      this.sink.err(`${this.m.perFile(this.done, this.total, r.file, label(r, this.m), this.rate())}\n`);
    }
    this.draw();
  }

  finish(): void {
    this.clear();
  }

  rate(): number {
    const s = (Date.now() - this.started) / 1000;
    return s > 0 ? this.pagesRead() / s : 0;
  }

  private clear(): void {
    this.sink.bar?.("");
  }

  /** Redraws the bar; `often` (a page started): at most ten times a second. */
  private draw(often = false): void {
    if (!this.sink.bar) return;
    const now = Date.now();
    if (often && now - this.drawn < 100) return;
    this.drawn = now;
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    this.sink.bar(this.m.bar(`${"#".repeat(filled)}${"-".repeat(width - filled)}`, this.done, this.total, this.pagesRead(), this.rate(), this.failed));
  }
}

/** Not ok: failed checks, unreadable, unrecognised — for a skipped file, as when it was last read. */
const hasProblems = (r: FileReport) => verdict(r) !== "ok";

export function label(r: FileReport, m: Messages = say("en")): string {
  switch (r.status) {
    case "ok":
      return m.statusOk(r.records);
    case "checks-failed":
      return m.statusFailed(r.checks.failed, r.records);
    case "weak":
      return m.statusWeak(r.records);
    case "skipped":
      return m.statusSkipped(notRead(r.previous) ? (r.previous === "unreadable" ? m.skippedUnreadable(r.reason ?? "") : m.statusNoPipeline) : null);
    case "unreadable":
      return m.statusUnreadable(r.reason ?? "");
    case "unrecognised":
      return m.statusNoPipeline;
    case "usage":
      return m.statusBadPages;
    case "internal-error":
      return m.statusInternal;
  }
}

/** The table printed at the end of a batch: one row per file. */
export function summaryTable(reports: readonly FileReport[], seconds: number, lang: Lang = "en"): string {
  const m = say(lang);
  const rows = reports.map((r) => [r.file, r.pipeline ?? "—", String(r.pages || ""), String(r.records || ""), `${r.checks.passed}/${r.checks.failed}/${r.checks.warnings}`, label(r, m)]);
  const head = [...m.tableHead];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + " ".repeat(widths[i]! - width(c))).join("  ").trimEnd() + "\n";
  const pages = reports.filter((r) => r.status !== "skipped").reduce((n, r) => n + r.pages, 0);
  const bad = reports.filter(hasProblems).length;
  return (
    line(head) +
    line(widths.map((w) => "-".repeat(w))) +
    rows.map(line).join("") +
    `${m.tableFoot(reports.length, bad, pages, seconds)}\n`
  );
}

/** Display width: full-width characters take two terminal columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += emWidth(ch) === 1 ? 2 : 1;
  return w;
}
