/**
 * The PDF layer's entry: open a PDF with pdf.js (offline: CMaps, standard fonts and
 * wasm decoders come from the installed pdfjs-dist package) and stream its pages as
 * {@link Page}s — text runs with boxes, ruling lines — one page in memory at a time.
 *
 * Bad input never throws: {@link openPdf} returns `{ ok: false, error }` with an
 * {@link InputError} naming the file and the reason.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { getDocument, pdfWorker, releaseLatestLoop, VerbosityLevel } from "./pdfjs.js";
import type { DocumentInitParameters, PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import type { Diagnostic } from "../model/finding.js";
import { InputError } from "../errors.js";
import type { Matrix } from "./geometry.js";
import { type FontInfo, interpret } from "./content.js";
import { guard, limitOption, LimitError, stalledPage } from "./limits.js";
import { pageRaster, type Raster } from "./images.js";
import { linksFromAnnotations } from "./links.js";
import { coveredGlyphs } from "./occlusion.js";
import { areasFromSegments, rulesFromSegments, withoutLinkUnderlines } from "./rules.js";
import { addReadStats, ENCRYPT_MISSING, judge, type ReadStats } from "./verdict.js";
import { type RunStats, runsFromGlyphs } from "./text.js";
import type { DocumentInfo, Page, TextRun } from "../model/page.js";

export { judge, type ReadStats } from "./verdict.js";

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
/** Where pdf.js finds its bundled data; plain paths, read with fs (no network). */
export const PDFJS_ASSETS = {
  cMapUrl: join(PDFJS_DIR, "cmaps") + sep,
  standardFontDataUrl: join(PDFJS_DIR, "standard_fonts") + sep,
  wasmUrl: join(PDFJS_DIR, "wasm") + sep,
} as const;

/**
 * The document pdf.js loads a page's fonts into, standing in for a browser's: it takes the
 * style rules pdf.js makes of them (@font-face) and keeps nothing.
 *
 * With `disableFontFace` (pdf.js's default on Node), pdf.js instead compiles the outline
 * of every glyph it shows and sends each to this thread for a canvas to draw, checking
 * every glyph of every text operator against what it compiled: about 7 % of the time of
 * reading a page, and outlines kept for as long as the document is open. kohyo reads
 * glyphs' codes, widths and positions, which come with the operator list either way; it
 * never draws them. (pdf.js still compiles outlines for text drawn as a clipping path or
 * in a pattern colour, which it could not draw otherwise.)
 */
const FONTLESS_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => {} }),
  documentElement: { getElementsByTagName: () => [{ append: () => {} }] },
} as unknown as DocumentInitParameters["ownerDocument"];

export interface OpenOptions {
  /** User or owner password for an encrypted PDF. */
  password?: string;
  /** Name used in messages and output when the input is bytes rather than a path. */
  name?: string;
  /** Reads pages whose text cannot be read (scans) from their picture: OCR (src/ocr/). */
  pictures?: PictureReader;
}

/**
 * What reads a page from its picture when its text cannot be read; src/ocr/ makes one.
 * The PDF layer only says what the page holds and hands over its picture.
 */
export interface PictureReader {
  /**
   * Why this page is to be read from its picture, or null: `glyphs` is how many characters
   * its text layer shows, `invisible` how many of them in a render mode that paints nothing.
   */
  wants(page: Page, text: { glyphs: number; invisible: number }): "no-text" | "invisible-text" | "forced" | null;
  /** The page read from its picture; never throws. `replaced` is the text layer it replaces. */
  read(page: Page, raster: Raster, reason: "no-text" | "invisible-text" | "forced", replaced: string, file: string): Promise<Page>;
  /** How many pages it reads at once (pages are read ahead by that many once a scanned page is met). */
  readonly parallel: number;
}

export type OpenResult = { ok: true; doc: PdfDocument } | { ok: false; error: InputError };

/** Opens a PDF from a path or its bytes. */
export async function openPdf(input: string | Uint8Array, options: OpenOptions = {}): Promise<OpenResult> {
  const file = options.name ?? (typeof input === "string" ? input : "<bytes>");
  let bytes: Uint8Array;
  if (typeof input === "string") {
    try {
      const buf = await readFile(input);
      // pdf.js wants a plain Uint8Array (not a Buffer) that it may detach.
      bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const detail =
        code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory, not a file" : `cannot read (${code ?? e})`;
      return { ok: false, error: new InputError(file, "not-found", detail) };
    }
  } else bytes = input;

  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) {
    const what = bytes.length === 0 ? "empty file" : `no %PDF- header${sniff(bytes)}`;
    return { ok: false, error: new InputError(file, "not-a-pdf", `not a PDF (${what})`) };
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // Before pdf.js has the bytes (it may detach them).
  const namesEncrypt = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf("/Encrypt") >= 0;
  const diagnostics: Diagnostic[] = [];
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4096))).toString("latin1");
  const truncated = !tail.includes("%%EOF");
  if (truncated) {
    diagnostics.push({
      severity: "error",
      rule: "pdf/truncated",
      message: "truncated: the file does not end with %%EOF, so part of it is missing",
      file,
    });
  }

  const size = bytes.length;
  let proxy: PDFDocumentProxy;
  let task: ReturnType<typeof getDocument> | null = null;
  const budget = guard();
  budget.startPage(); // what opening inflates (cross-reference and object streams) counts as a page's
  try {
    task = getDocument({
      // pdf.js may detach the buffer it is given; keep the caller's bytes intact.
      data: typeof input === "string" ? bytes : bytes.slice(),
      password: options.password,
      ...PDFJS_ASSETS,
      cMapPacked: true,
      useSystemFonts: false,
      // See FONTLESS_DOCUMENT: fonts go to a document that keeps nothing, so that pdf.js
      // does not trace every glyph's outline for a canvas that kohyo never draws on.
      disableFontFace: false,
      ownerDocument: FONTLESS_DOCUMENT,
      isEvalSupported: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      // Larger images are left out (kohyo reads no pixels; an image header can ask for gigabytes).
      maxImageSize: budget.limits.imagePixels,
      verbosity: VerbosityLevel.ERRORS,
      worker: pdfWorker(),
    });
    proxy = await task.promise;
  } catch (e) {
    // The worker is shared: what pdf.js holds of a document it could not open goes now.
    await task?.destroy().catch(() => {});
    if (budget.tripped) return { ok: false, error: new InputError(file, "over-limit", `over a limit: ${budget.tripped}`) };
    return { ok: false, error: classifyOpenError(file, e, truncated) };
  }
  if (proxy.numPages > budget.limits.pages) {
    await task.destroy().catch(() => {});
    const why = `over a limit: ${proxy.numPages.toLocaleString("en-US")} pages, more than ${budget.limits.pages.toLocaleString("en-US")} (${limitOption("pages", budget.limits)})`;
    return { ok: false, error: new InputError(file, "over-limit", why) };
  }

  let meta: Awaited<ReturnType<PDFDocumentProxy["getMetadata"]>> | null = null;
  try {
    meta = await proxy.getMetadata();
  } catch {
    // Metadata is optional; an unreadable Info dictionary does not stop extraction.
  }
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
  const docInfo: DocumentInfo = {
    file,
    sha256,
    bytes: size,
    pages: proxy.numPages,
    pdfVersion: str(info.PDFFormatVersion),
    title: str(info.Title) ?? str(meta?.metadata?.get("dc:title")),
    producer: str(info.Producer),
    creator: str(info.Creator),
    encrypted: typeof info.EncryptFilterName === "string" || options.password !== undefined,
  };
  // A trailer that names /Encrypt, in a file pdf.js found not encrypted: the dictionary is
  // missing or broken, and the streams, still encrypted, read as noise (see judge).
  if (!docInfo.encrypted && namesEncrypt) {
    diagnostics.push({ severity: "warning", rule: ENCRYPT_MISSING, message: "its trailer names an /Encrypt dictionary that is missing or cannot be read", file });
  }
  return { ok: true, doc: new PdfDocument(proxy, docInfo, diagnostics, options.pictures) };
}

/** A few words on what the bytes look like instead, for the error line. */
function sniff(bytes: Uint8Array): string {
  const s = Buffer.from(bytes.subarray(0, 16)).toString("latin1");
  if (s.startsWith("PK\u0003\u0004")) return "; looks like a ZIP/Office file";
  if (/^\s*<(!doctype|html)/i.test(s)) return "; looks like HTML";
  if (s.startsWith("\u0089PNG") || s.startsWith("\u00ff\u00d8\u00ff")) return "; looks like an image";
  return "";
}

function classifyOpenError(file: string, e: unknown, truncated: boolean): InputError {
  const err = e as { name?: string; code?: number; message?: string };
  if (err?.name === "PasswordException") {
    return new InputError(
      file,
      "encrypted",
      err.code === 2 ? "encrypted: the password is incorrect" : "encrypted: a password is required (--password)",
    );
  }
  const why = truncated ? "truncated" : "damaged";
  return new InputError(file, "damaged", `${why}: pdf.js cannot read it (${err?.message ?? String(e)})`);
}

/**
 * What a page read counts for towards its document's verdict (see judge): one page read,
 * with text or not, unreadable or not.
 */
export function pageReadStats(page: Page): ReadStats {
  const stats = { read: 1, withText: page.runs.length > 0 ? 1 : 0, failed: page.diagnostics.some((d) => d.rule === UNREADABLE) ? 1 : 0 };
  const limit = page.diagnostics.find((d) => d.rule === OVER_LIMIT);
  return limit ? { ...stats, limited: 1, limit: limit.message.replace(/^page \d+: /, "") } : stats;
}

/** Covered runs reported one by one, up to this many a page; the rest in one finding. */
const COVERED_LISTED = 10;

/**
 * The findings for text a later opaque fill paints over (./occlusion.ts): left out of the
 * page's runs, named here with its box so `kohyo inspect` shows what was dropped.
 */
function coveredText(runs: readonly TextRun[], page: number, file: string): Diagnostic[] {
  const out: Diagnostic[] = runs.slice(0, COVERED_LISTED).map((r) => ({
    severity: "info",
    rule: "text/covered",
    message: `page ${page}: "${r.text}" is painted over by a later opaque shape and was left out`,
    file,
    page,
    box: r.box,
    actual: r.text,
  }));
  const rest = runs.slice(COVERED_LISTED);
  if (rest.length) {
    out.push({
      severity: "info",
      rule: "text/covered",
      message: `page ${page}: ${rest.length} more pieces of text (${rest.reduce((n, r) => n + r.text.length, 0)} characters) are painted over by later opaque shapes and were left out`,
      file,
      page,
      actual: rest.length,
    });
  }
  return out;
}

/** The diagnostic of a page that cannot be read. */
const UNREADABLE = "pdf/page-unreadable";
/** The diagnostic of a page left out because it went over a budget (./limits.ts). */
export const OVER_LIMIT = "limit/exceeded";

/** A page read as nothing, with one diagnostic saying why. */
function emptyPage(number: number, diagnostic: Diagnostic): Page {
  return { number, width: 0, height: 0, rotation: 0, runs: [], rules: [], links: [], images: 0, diagnostics: [diagnostic] };
}

/** Pages kept after reading, for a reader that asks for them again. */
const RECENT_PAGES = 2;

/** An open PDF. Pages are read on demand; call {@link close} when done. */
export class PdfDocument {
  /** Pages read so far (each once, however often asked for). */
  private stats: ReadStats = { read: 0, withText: 0, failed: 0 };
  private readonly counted = new Set<number>();
  private readonly fonts = new Map<string, FontInfo | null>();
  private recent: Page[] = [];
  /** Set once a page was read from its picture: from then on pages are read ahead (see pages). */
  private scanned = false;

  constructor(
    private readonly proxy: PDFDocumentProxy,
    readonly info: DocumentInfo,
    /** Document-level findings (e.g. `pdf/truncated`). */
    readonly diagnostics: Diagnostic[],
    private readonly pictures?: PictureReader,
  ) {}

  get pageCount(): number {
    return this.info.pages;
  }

  /**
   * Streams the given pages (1-based, default all) in order. One at a time — except in a
   * scan: once a page was read from its picture, the next pages are read ahead, as many as
   * the picture reader reads at once, so that OCR runs on every core it has.
   */
  async *pages(numbers?: readonly number[]): AsyncGenerator<Page> {
    const list = numbers ?? Array.from({ length: this.pageCount }, (_, i) => i + 1);
    const ahead: Promise<Page>[] = [];
    let next = 0;
    while (next < list.length || ahead.length) {
      const window = this.scanned && this.pictures ? Math.max(1, this.pictures.parallel) : 1;
      while (next < list.length && ahead.length < window) ahead.push(this.page(list[next++]!));
      yield await ahead.shift()!;
    }
  }

  /** Reads one page. A page that cannot be parsed comes back empty with an error diagnostic. */
  async page(number: number): Promise<Page> {
    const recent = this.recent.find((r) => r.number === number);
    if (recent) return recent;
    const page = await this.read(number);
    // A page read again (recognition reads the first pages, the pipeline then from the
    // start, and only the last RECENT_PAGES are kept) counts once.
    if (!this.counted.has(number)) this.stats = addReadStats(this.stats, pageReadStats(page));
    this.counted.add(number);
    // The last pages read are kept: recognising a document reads its first pages, and
    // the pipeline then asks for them again. Pages are plain data no reader changes.
    this.recent = [page, ...this.recent].slice(0, RECENT_PAGES);
    return page;
  }

  /** Reads one page: from the PDF, then, for a scan, from its picture (after pdf.js let go of the page). */
  private async read(number: number): Promise<Page> {
    const { page, picture } = await this.readPdf(number);
    if (!picture || !this.pictures) return page;
    this.scanned = true;
    return this.pictures.read(page, picture.raster, picture.reason, picture.replaced, this.info.file);
  }

  private async readPdf(number: number): Promise<{ page: Page; picture?: { raster: Raster; reason: "no-text" | "invisible-text" | "forced"; replaced: string } }> {
    const budget = guard();
    const overLimit = (why: string): Page =>
      emptyPage(number, { severity: "error", rule: OVER_LIMIT, message: `page ${number}: ${why}`, file: this.info.file, page: number });
    budget.startPage(number);
    if (budget.skip.has(number)) return { page: overLimit(stalledPage(budget.limits)) };
    let p: PDFPageProxy | null = null;
    try {
      p = await this.proxy.getPage(number);
      const viewport = p.getViewport({ scale: 1 });
      const transform = viewport.transform as unknown as Matrix;
      const ops = await p.getOperatorList();
      const content = interpret(ops.fnArray, ops.argsArray, transform, viewport, (id) => this.font(p!, id));
      const stats: RunStats = { hidden: 0, unmapped: 0 };
      const links = linksFromAnnotations(await p.getAnnotations({ intent: "display" }), (r) => viewport.convertToViewportRectangle(r));
      const rules = withoutLinkUnderlines(rulesFromSegments(content.segments), links);
      const covered = coveredGlyphs(content.glyphs, content.covers);
      const runs = runsFromGlyphs(content.glyphs, rules, stats, covered);
      const images = content.images;
      // pdf.js stops reading where a budget was spent, and may go on as for a broken stream:
      // what it read of the page is not the page.
      if (budget.tripped) return { page: overLimit(budget.tripped) };
      const diagnostics: Diagnostic[] = [];
      if (stats.hidden > 0) {
        diagnostics.push({
          severity: "info",
          rule: "pdf/hidden-text",
          message: `page ${number}: ${stats.hidden} characters are clipped away or off the page and were left out`,
          file: this.info.file,
          page: number,
          actual: stats.hidden,
        });
      }
      if (covered) diagnostics.push(...coveredText(runsFromGlyphs(content.glyphs, rules, { hidden: 0, unmapped: 0 }, covered, "covered"), number, this.info.file));
      if (content.standIn > 0) {
        diagnostics.push({
          severity: "warning",
          rule: "pdf/font-missing",
          message: `page ${number}: ${content.standIn} characters are drawn with a font the file lacks or has broken (pdf.js stood Helvetica in for it): their text is likely garbage`,
          file: this.info.file,
          page: number,
          actual: content.standIn,
        });
      }
      if (stats.unmapped > 0) {
        diagnostics.push({
          severity: "warning",
          rule: "pdf/unmapped-glyphs",
          message: `page ${number}: ${stats.unmapped} glyphs map to no character (shown as U+FFFD)`,
          file: this.info.file,
          page: number,
          actual: stats.unmapped,
        });
      }
      if (runs.length === 0) {
        diagnostics.push({
          severity: "warning",
          rule: "pdf/page-no-text",
          message: images > 0 ? `page ${number} has no text layer, only images (scanned?)` : `page ${number} has no text`,
          file: this.info.file,
          page: number,
        });
      }
      const page: Page = {
        number,
        width: Math.round(viewport.width * 100) / 100,
        height: Math.round(viewport.height * 100) / 100,
        rotation: p.rotate,
        runs,
        rules,
        areas: areasFromSegments(content.segments, content.shapes),
        links,
        images,
        diagnostics,
      };
      const reason = this.pictures?.wants(page, { glyphs: content.glyphs.length, invisible: content.invisible }) ?? null;
      // The picture is made while pdf.js still holds the page: its images are decoded now (see Guard.deferImage).
      if (reason) await budget.decodeImages(this.imagesOf(number));
      const raster = reason ? await pageRaster(p, content.placed, page) : null;
      // Decoding the images spends the page's budgets too (an image that inflates past them).
      if (budget.tripped) return { page: overLimit(budget.tripped) };
      if (!reason || !raster) return { page };
      return { page, picture: { raster, reason, replaced: runs.map((r) => r.text).join(" ") } };
    } catch (e) {
      if (budget.tripped || e instanceof LimitError) return { page: overLimit(budget.tripped ?? (e as Error).message) };
      return { page: emptyPage(number, {
        severity: "error",
        rule: UNREADABLE,
        message: `page ${number} cannot be read: ${(e as Error)?.message ?? e}`,
        file: this.info.file,
        page: number,
      }) };
    } finally {
      budget.dropImages(this.imagesOf(number));
      p?.cleanup();
    }
  }

  /** The key pdf.js's changed code keeps a page's undecoded images under (Guard.deferImage): its document's id and the page's index. */
  private imagesOf(number: number): string {
    return `g_${this.proxy.loadingTask.docId} ${number - 1}`;
  }

  /**
   * After the pages were read: the input error that the file as a whole amounts to, if any —
   * damaged (truncated, pages that cannot be parsed) or no text layer at all.
   * What was read before stays valid; this only decides the file's status.
   */
  verdict(): InputError | null {
    return judge(this.info, this.diagnostics, this.readStats());
  }

  /** How many pages were read so far, how many had text, how many failed. */
  readStats(): ReadStats {
    return this.stats;
  }

  /** pdf.js's font object for an id, as the interpreter needs it (cached per document). */
  private font(page: PDFPageProxy, id: string): FontInfo | null {
    const cached = this.fonts.get(id);
    if (cached !== undefined) return cached;
    let info: FontInfo | null = null;
    try {
      const f = page.commonObjs.has(id) ? (page.commonObjs.get(id) as Record<string, any>) : null;
      if (f) {
        info = {
          name: typeof f.name === "string" ? f.name.replace(/^[A-Z]{6}\+/, "") : id,
          vertical: f.vertical === true,
          ascent: Number(f.ascent),
          descent: Number(f.descent),
          fontMatrix: (f.fontMatrix as number[] | undefined) ?? [0.001, 0, 0, 0.001, 0, 0],
          defaultVMetrics: (f.defaultVMetrics as number[] | undefined) ?? null,
          ...(guard().standIns.has(id) && { standIn: true }),
        };
      }
    } catch {
      info = null;
    }
    this.fonts.set(id, info);
    return info;
  }

  async close(): Promise<void> {
    await this.proxy.destroy();
    releaseLatestLoop();
  }
}
