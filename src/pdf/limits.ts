/**
 * Budgets on what one PDF may make kohyo do, so that a hostile or broken file (a
 * decompression bomb, a pattern that paints itself, millions of operators) costs bounded
 * time and memory and ends as a finding and exit code 9, never as a crash. The defaults
 * are far above what any real publication measured needs (docs/limits.md); `--limit
 * NAME=N` raises or lowers one.
 *
 * pdf.js runs in the thread that reads (see ./pdfjs.ts), so its worker code, changed at
 * build time (./pdfjsPatch.ts), reports to this thread's guard as it inflates streams and
 * adds operators: the guard throws once a budget is spent (pdf.js then stops the page,
 * or the stream, as for any error) and remembers why, and the page comes back empty with
 * a `limit/exceeded` finding.
 */

export interface Limits {
  /** Bytes one stream may inflate to. */
  streamBytes: number;
  /** Bytes the streams read for one page may inflate to, together. */
  pageBytes: number;
  /** Drawing operators of one page (forms and patterns it uses included). */
  pageOperators: number;
  /** Tiling patterns inside tiling patterns. */
  patternDepth: number;
  /** Pixels of one image (larger ones are left out by pdf.js, with no other effect on text). */
  imagePixels: number;
  /** Cells of one ruled table on a page. */
  tableCells: number;
  /** Text runs of a page on which stream (unruled) tables are still looked for. */
  streamRuns: number;
  /** Pages of one file. */
  pages: number;
  /** Seconds pdf.js may spend reading one page (`--page-timeout`). */
  pageSeconds: number;
  /** Megabytes of JavaScript heap a worker thread of `kohyo extract` may take (its resourceLimits). */
  workerHeapMb: number;
}

/** The names `--limit NAME=N` takes, each with its field. */
export const LIMIT_NAMES: Readonly<Record<string, keyof Limits>> = {
  "stream-bytes": "streamBytes",
  "page-bytes": "pageBytes",
  "page-operators": "pageOperators",
  "pattern-depth": "patternDepth",
  "image-pixels": "imagePixels",
  "table-cells": "tableCells",
  "stream-runs": "streamRuns",
  pages: "pages",
  "worker-heap-mb": "workerHeapMb",
  "page-timeout": "pageSeconds",
};

const MB = 1 << 20;

/** See docs/limits.md for the largest of each measured on the samples and the corpus. */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  streamBytes: 256 * MB,
  pageBytes: 1024 * MB,
  pageOperators: 2_000_000,
  patternDepth: 8,
  imagePixels: 100_000_000,
  tableCells: 50_000,
  streamRuns: 10_000,
  pages: 5_000,
  workerHeapMb: 2_048,
  pageSeconds: 60,
};

/** `--limit NAME=N` values → limits (the defaults for the others), or an error message. */
export function parseLimits(values: readonly string[]): Limits | string {
  const out: Limits = { ...DEFAULT_LIMITS };
  for (const v of values) {
    const m = /^([a-z-]+)=(\d+)$/.exec(v.trim());
    const key = m ? LIMIT_NAMES[m[1]!] : undefined;
    if (!m || !key) return `--limit is NAME=N with NAME one of ${Object.keys(LIMIT_NAMES).join(", ")}, not "${v}"`;
    const n = Number(m[2]);
    if (!Number.isSafeInteger(n) || n < 1) return `--limit ${m[1]} is a whole number ≥ 1, not "${m[2]}"`;
    out[key] = n;
  }
  return out;
}

/** The option that raises a limit, for messages. */
export const limitOption = (key: keyof Limits, limits: Limits): string =>
  `--limit ${Object.entries(LIMIT_NAMES).find(([, k]) => k === key)![0]}=${limits[key]}`;

/** Thrown inside pdf.js when a budget is spent; pdf.js treats it as any error of the file. */
export class LimitError extends Error {
  override readonly name = "LimitError";
}

/** What pdf.js's changed worker code calls (the names are in ./pdfjsPatch.ts). */
export interface PdfjsGuard {
  /** A stream's buffer grows from `had` to `requested` bytes. */
  inflate(requested: number, had: number): void;
  /** `n` more operators were added to the page's operator list. */
  ops(n: number): void;
  /** A tiling pattern is read `depth` patterns deep. */
  nest(depth: number): void;
  /** pdf.js stands a default font in for one the file lacks or has broken; `loadedName` is its font id. */
  standIn(loadedName: string): void;
  /**
   * pdf.js is about to decode an image of a page to pixels (`page`: its document's id and
   * the page's index, "g_d0 6"): true keeps the decoding for when the pixels are asked for
   * (see Guard.decodeImages), false has it done now, as pdf.js does.
   */
  deferImage(page: string, decode: () => unknown): boolean;
}

/** The global pdf.js's changed code finds the guard under. */
export const GUARD_GLOBAL = "kohyoGuard";

/** The budgets of this thread's reading: spent per page, reset when a page starts. */
export class Guard implements PdfjsGuard {
  private inflated = 0;
  private operators = 0;
  private started = Date.now();
  /** Why the page (or the document, before its first page) went over a budget; null if it did not. */
  tripped: string | null = null;
  /**
   * Pages not to read at all: a page whose reading ran past the deadline of `kohyo
   * extract`'s driver (see stalledPage), which stopped the worker reading it and gave
   * the file to another worker without it. Each comes back empty with a finding.
   */
  skip: ReadonlySet<number> = new Set();
  /** Font ids (pdf.js's loaded names, unique in a thread) that pdf.js stood a default font in for. */
  readonly standIns = new Set<string>();
  /** Told each page as it starts (0: opening the document); a worker of `kohyo extract` tells its driver. */
  onPage: ((page: number) => void) | null = null;
  /**
   * Pages' images not decoded yet, by page (see deferImage). kohyo reads pixels only for
   * a page read from its picture (OCR): an image on a page that is not (a logo, a photo,
   * a scan with --ocr off) is never decoded — pdf.js decodes every image it meets, a
   * tenth of the time of reading a book with a few scanned pages among its text pages.
   */
  private readonly images = new Map<string, (() => unknown)[]>();

  constructor(public limits: Limits = { ...DEFAULT_LIMITS }) {}

  /** A page is read next (0: the document is opened): its budgets start afresh. */
  startPage(page = 0): void {
    this.inflated = 0;
    this.operators = 0;
    this.tripped = null;
    this.started = Date.now();
    this.onPage?.(page);
  }

  inflate(requested: number, had: number): void {
    this.check();
    if (requested > this.limits.streamBytes) this.trip(`a stream inflates to more than ${mb(this.limits.streamBytes)} (${limitOption("streamBytes", this.limits)})`);
    this.inflated += Math.max(0, requested - had);
    if (this.inflated > this.limits.pageBytes) this.trip(`its streams inflate to more than ${mb(this.limits.pageBytes)} (${limitOption("pageBytes", this.limits)})`);
  }

  ops(n: number): void {
    this.check();
    this.operators += n;
    if (this.operators > this.limits.pageOperators) this.trip(`more than ${this.limits.pageOperators.toLocaleString("en-US")} drawing operators (${limitOption("pageOperators", this.limits)})`);
  }

  nest(depth: number): void {
    this.check();
    if (depth > this.limits.patternDepth) this.trip(`patterns nested more than ${this.limits.patternDepth} deep (${limitOption("patternDepth", this.limits)})`);
  }

  standIn(loadedName: string): void {
    this.standIns.add(loadedName);
  }

  deferImage(page: string, decode: () => unknown): boolean {
    const kept = this.images.get(page);
    if (kept) kept.push(decode);
    else this.images.set(page, [decode]);
    return true;
  }

  /**
   * Decodes the images of a page kept for later (pdf.js then hands their pixels to the
   * page's objects); settles once every decoding has (each ends in pdf.js's own catch) —
   * also those of images the picture never waits for (inside a pattern, or painted again
   * as one repeat), whose inflating would otherwise run on into the next page's budget.
   */
  async decodeImages(page: string): Promise<void> {
    const kept = this.images.get(page) ?? [];
    this.images.delete(page);
    await Promise.allSettled(kept.map((decode) => decode()));
  }

  /** Lets go of the images of a page kept for later, undecoded (the page was read). */
  dropImages(page: string): void {
    this.images.delete(page);
  }

  /** Bytes one inflate call may still give (the per-stream budget, as zlib's maxOutputLength takes it). */
  get maxStreamBytes(): number {
    return this.limits.streamBytes;
  }

  /**
   * Once a budget is spent, everything pdf.js still does for the page stops at once (its
   * own decoder, which it falls back to when an inflate fails, included); and the page's
   * time is checked here, where pdf.js's evaluator passes every thousand operators and
   * every buffer that grows (its loop never yields to a timer).
   */
  private check(): void {
    if (this.tripped) throw new LimitError(this.tripped);
    if (Date.now() - this.started > this.limits.pageSeconds * 1000) this.trip(`reading it took more than ${this.limits.pageSeconds} s (--page-timeout ${this.limits.pageSeconds})`);
  }

  private trip(why: string): never {
    this.tripped ??= why;
    throw new LimitError(why);
  }
}

/**
 * Seconds without a new page after which `kohyo extract`'s driver stops a worker (see
 * src/batch/pool.ts): twice --page-timeout, and at least 5 s more than it (a small
 * --page-timeout on a busy machine must not end workers between two pages). The guard's
 * own check of the time only runs where pdf.js passes it; a page stuck elsewhere (a part
 * of pdf.js that does not, or kohyo's own reading of the page) is stopped from outside,
 * by ending its thread.
 */
export const stallSeconds = (limits: Limits): number => Math.max(2 * limits.pageSeconds, limits.pageSeconds + 5);

/** Why a page in {@link Guard.skip} was left out. */
export const stalledPage = (limits: Limits): string =>
  `reading it ran past ${stallSeconds(limits)} s and its worker was stopped (--page-timeout ${limits.pageSeconds})`;

/** This thread's guard, installed where pdf.js's changed code looks for it. */
export function guard(): Guard {
  const g = globalThis as { [GUARD_GLOBAL]?: Guard };
  return (g[GUARD_GLOBAL] ??= new Guard());
}

/** Sets this thread's limits (the CLI's `--limit`, a worker's from the batch). */
export function setLimits(limits: Limits): void {
  guard().limits = { ...limits };
}

const mb = (n: number) => (n % MB === 0 ? `${n / MB} MB` : `${n.toLocaleString("en-US")} bytes`);
