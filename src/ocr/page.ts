/**
 * A scanned page read from its picture: the same {@link Page} the PDF layer makes from a
 * text layer, so the lattice and stream readers, the pipelines and the checks work on it
 * unchanged.
 *
 * 1. The picture's ruling lines are found (./lines.ts); a skewed picture is turned
 *    straight first. They become the page's rules (beside any drawn as vectors).
 * 2. The lines are painted out and the picture is read by the engine (./engine.ts), as
 *    sparse text (a table's cells are words apart); every number gets a second look, cut
 *    out and read alone with only the characters numbers are printed with.
 * 3. Words become text runs: the words of one engine line that continue each other (no
 *    wider gap than a character, no rule between them) make one run, with the lowest
 *    confidence of its words. What OCR misreads in printed numbers in a regular way is
 *    put right in the text (the raw reading stays in `raw`): a thousands separator read
 *    as "." (1.928,533 → 1,928,533), the spaces a scan leaves after separators, a
 *    triangle minus (△) read as A or ム.
 */
import type { Diagnostic } from "../model/finding.js";
import type { Raster } from "../pdf/images.js";
import { toPgm } from "../pdf/images.js";
import type { Box, Page, Rule, TextRun } from "../model/page.js";
import { repairText } from "../text/repair.js";
import type { OcrEngine, OcrWord } from "./engine.js";
import { otsu, pageLines, type PixelLine, toRules, withoutLines } from "./lines.js";

/** Why a page is read by OCR. */
export type OcrReason = "no-text" | "invisible-text" | "forced";

/** Below this confidence (0–1) a number read by OCR is suspect. */
export const LOW_CONFIDENCE = 0.8;

export interface OcrPageInput {
  /** The page as read from the PDF (its size, images, vector rules, diagnostics). */
  page: Page;
  raster: Raster;
  reason: OcrReason;
  /** The text the PDF's layer had, when replaced (invisible or forced). */
  replaced?: string;
  file?: string;
  /**
   * What the reader of the page can use of it: "ruled-tables" (the ledger reads ruled
   * tables only) — a picture whose ruling lines close no cell is then not read by OCR.
   */
  only?: "ruled-tables";
}

/**
 * Reads a page from its picture. Never throws: a failure is an `ocr/failed` finding on the
 * page as it was. `engine` may be given as a function: it is called only when the page is
 * read (not for a picture left unread, see OcrPageInput.only).
 */
export async function ocrPage(input: OcrPageInput, engineOf: OcrEngine | (() => OcrEngine)): Promise<Page> {
  const { page, reason, file } = input;
  const where = { ...(file !== undefined && { file }), page: page.number };
  try {
    const { raster, lines, skew, straightened: skewed } = pageLines(input.raster);
    if (input.only === "ruled-tables" && !closesCell(toRules(lines, raster.scale))) {
      return {
        ...page,
        diagnostics: [
          ...page.diagnostics,
          {
            severity: "info",
            rule: "ocr/not-needed",
            message: `page ${page.number}: its picture has no ruled table (its ruling lines close no cell), and only ruled tables are read of this document: not read by OCR (--ocr on reads it)`,
            ...where,
          },
        ],
      };
    }
    const engine = typeof engineOf === "function" ? engineOf() : engineOf;
    const clean = withoutLines(raster, lines);
    const dpi = Math.round(raster.scale * 72);
    const words = await engine.recognise(toPgm(clean), { psm: 11, dpi });
    // Runs and rules in the picture's points, then on the page (a picture cut to its images' extent starts at its origin).
    const localRules = toRules(lines, raster.scale);
    const local = await secondLook(wordsToRuns(words, raster.scale, localRules), clean, engine);
    const runs = raster.origin ? local.map((r) => ({ ...r, box: shifted(r.box, raster.origin!) })) : local;
    const imageRules = raster.origin ? localRules.map((r) => shiftedRule(r, raster.origin!)) : localRules;
    const numbers = runs.filter((r) => /\d/.test(r.text));
    const low = numbers.filter((r) => (r.confidence ?? 1) < LOW_CONFIDENCE).length;
    const mean = runs.length ? runs.reduce((s, r) => s + (r.confidence ?? 0), 0) / runs.length : 0;
    const diagnostics: Diagnostic[] = page.diagnostics.filter((d) => d.rule !== "pdf/page-no-text");
    if (reason === "invisible-text") {
      diagnostics.push({
        severity: "warning",
        rule: "ocr/replaced-invisible-layer",
        message: `page ${page.number}: its only text was an invisible layer over a scan (${sample(input.replaced ?? "")}); read by OCR instead`,
        ...where,
        actual: input.replaced ?? "",
      });
    }
    diagnostics.push({
      severity: "info",
      rule: "ocr/page",
      message:
        `page ${page.number} read by OCR (${engine.name}, ${Math.round(raster.scale * 72)} dpi` +
        `${skewed ? `, straightened by ${deg(skew.h)}° across and ${deg(skew.v)}° down` : ""}): ` +
        `${runs.length} runs, mean confidence ${mean.toFixed(2)}, ${imageRules.length} ruling lines; ${low} of ${numbers.length} numbers below ${LOW_CONFIDENCE}`,
      ...where,
      actual: Math.round(mean * 100) / 100,
    });
    if (runs.length === 0) diagnostics.push({ severity: "warning", rule: "pdf/page-no-text", message: `page ${page.number} has no text, and OCR found none on it`, ...where });
    return { ...page, runs, rules: [...page.rules, ...imageRules], diagnostics, ocr: { reason, engine: engine.name, dpi: Math.round(raster.scale * 72), skew: [Math.atan(skew.h), Math.atan(skew.v)] } };
  } catch (e) {
    return {
      ...page,
      diagnostics: [...page.diagnostics, { severity: "error", rule: "ocr/failed", message: `page ${page.number} could not be read by OCR: ${(e as Error)?.message ?? e}`, ...where }],
    };
  }
}

/**
 * Whether ruling lines close at least one cell: two vertical lines (apart) that both cross
 * the same two horizontal lines (apart). A table has many; text strokes, underlines and a
 * seal's frame open on one side have none.
 */
export function closesCell(rules: readonly Rule[], tolerance = 2): boolean {
  const h = rules.filter((r) => r.axis === "h");
  const v = rules.filter((r) => r.axis === "v");
  const crosses = (a: Rule, b: Rule) => b.pos >= a.start - tolerance && b.pos <= a.end + tolerance && a.pos >= b.start - tolerance && a.pos <= b.end + tolerance;
  const crossed = v.map((x) => h.filter((y) => crosses(y, x)));
  for (let i = 0; i < v.length; i++) {
    for (let j = i + 1; j < v.length; j++) {
      if (Math.abs(v[i]!.pos - v[j]!.pos) <= tolerance) continue;
      const shared = crossed[i]!.filter((y) => crossed[j]!.includes(y));
      if (shared.some((a) => shared.some((b) => Math.abs(a.pos - b.pos) > tolerance))) return true;
    }
  }
  return false;
}

const at2 = (v: number) => Math.round(v * 100) / 100;
const shifted = (b: Box, o: { x: number; y: number }): Box => ({ x0: at2(b.x0 + o.x), y0: at2(b.y0 + o.y), x1: at2(b.x1 + o.x), y1: at2(b.y1 + o.y) });
const shiftedRule = (r: Rule, o: { x: number; y: number }): Rule => {
  const [along, across] = r.axis === "h" ? [o.x, o.y] : [o.y, o.x];
  return { ...r, pos: at2(r.pos + across), start: at2(r.start + along), end: at2(r.end + along) };
};

const deg = (slope: number) => ((Math.atan(slope) * 180) / Math.PI).toFixed(2);

/** Characters a printed number is made of (a second look at a number reads only these). */
const NUMBER_CHARS = "0123456789,△()【】";
/** A run that is mostly a number: at least three digits, and digits and separators at least two thirds of it. */
const isNumberRun = (text: string): boolean => {
  const t = text.replace(/\s/g, "");
  const digits = (t.match(/\d/g) ?? []).length;
  return digits >= 3 && (t.match(/[\d,.]/g) ?? []).length >= (2 / 3) * t.length;
};

/**
 * A second look at every number: its box cut out of the picture and read alone, as one
 * line of digits. The surer of the two readings stands; where they differ, the run keeps
 * the lower confidence of the two, so that a total that fails names it.
 */
async function secondLook(runs: TextRun[], r: Raster, engine: OcrEngine): Promise<TextRun[]> {
  const out: TextRun[] = [];
  for (const run of runs) {
    if (!isNumberRun(run.text)) {
      out.push(run);
      continue;
    }
    const picture = crop(r, run.box);
    const words = await engine.recognise(toPgm(picture), { psm: 7, whitelist: NUMBER_CHARS, dpi: Math.round(r.scale * 72) });
    const raw = words.map((w) => w.text).join("");
    // A minus printed as a small triangle, which both readings may take for a 4 or an A.
    const tight = crop(r, run.box, 1);
    const triangle = startsWithTriangle(tight), bracket = endsWithBracket(tight);
    const signed = (t: string) => {
      const u = bracket ? withoutBracketDigit(t) : t;
      return triangle ? withTriangle(u) : u;
    };
    const text = signed(repairNumbers(raw));
    const confidence = words.length ? Math.min(...words.map((w) => w.confidence)) : 0;
    const first = run.confidence ?? 0;
    const looked = { ...run, text: signed(run.text) };
    if (!/\d/.test(text) || text === looked.text) {
      out.push(await thirdLook(text === looked.text ? { ...looked, confidence: Math.max(first, confidence) } : looked, r, engine, signed));
      continue;
    }
    const surer = confidence > first ? { ...run, text, raw } : looked;
    out.push(await thirdLook({ ...surer, confidence: Math.round(Math.min(first, confidence) * 100) / 100 }, r, engine, signed));
  }
  return out;
}

/**
 * Two more readings of a number still below LOW_CONFIDENCE after the second look, taken
 * another way — the picture enlarged by half (PSM 7), and read as a raw line (PSM 13) — and
 * a vote: when both give the same well-formed number (grouped digits, perhaps a △) and it
 * is not the one read, it stands — or, when the one read is no number as printed (a kana
 * among its digits: 7も311,142), the well-formed one of them (both, if they agree) (OCR confuses 3 and 8, drops a leading digit: 6,686,240
 * for 6,636,240, 85,681,981 for 35,681,981). The run keeps its low confidence (it is still
 * a reading to check) and `raw` the first reading. Nothing comes from the table's sums.
 */
async function thirdLook(run: TextRun, r: Raster, engine: OcrEngine, signed: (t: string) => string): Promise<TextRun> {
  if ((run.confidence ?? 0) >= LOW_CONFIDENCE) return run;
  const picture = crop(r, run.box);
  const read = async (pic: Raster, psm: number) => {
    const words = await engine.recognise(toPgm(pic), { psm, whitelist: NUMBER_CHARS, dpi: Math.round(pic.scale * 72) });
    return signed(repairNumbers(words.map((w) => w.text).join("")));
  };
  const readings = [await read(enlarged(picture, 1.5), 7), await read(picture, 13)];
  const text = votedNumber(run.text, readings);
  return text === run.text ? run : { ...run, text, raw: run.raw ?? run.text };
}

/** A number as printed, brackets and spaces aside: grouped digits, perhaps a minus. */
const GROUPED = /^[△▲]?[1-9]\d{0,2}(?:,\d{3})*$/u;
const numberPart = (t: string) => t.replace(/[\s【】()（）]/gu, "");

/**
 * The reading a vote gives: `readings` that all agree on a well-formed number other than
 * `current`'s replace its number (the brackets around it kept); else `current` stays.
 */
export function votedNumber(current: string, readings: readonly string[]): string {
  const mine = numberPart(current);
  // Only a reading that is a number, perhaps with a glyph misread in it (7も311,142), not a date beside one.
  if (mine === "" || (mine.match(/[\d,.]/gu) ?? []).length < (2 / 3) * mine.length) return current;
  // A well-formed reading needs both others against it; one that is no number as printed
  // (a kana among the digits: 7も311,142) gives way to the well-formed others when they agree.
  const numbers = GROUPED.test(mine) ? readings.map(numberPart) : readings.map(numberPart).filter((x) => GROUPED.test(x));
  const n = numbers[0];
  if (n === undefined || (GROUPED.test(mine) && numbers.length < 2) || !numbers.every((x) => x === n) || !GROUPED.test(n) || mine === n) return current;
  const at = current.indexOf(mine[0]!), end = current.lastIndexOf(mine[mine.length - 1]!);
  // The brackets printed around it (【 12,012,337】) stay as read.
  return /^[\s【(（]*$/u.test(current.slice(0, at)) && /^[\s】)）]*$/u.test(current.slice(end + 1)) ? current.slice(0, at) + n + current.slice(end + 1) : current;
}

/** A picture enlarged by `k` (nearest pixel). */
function enlarged(r: Raster, k: number): Raster {
  const width = Math.round(r.width * k), height = Math.round(r.height * k);
  const gray = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = Math.min(r.height - 1, Math.floor(y / k)) * r.width;
    for (let x = 0; x < width; x++) gray[y * width + x] = r.gray[row + Math.min(r.width - 1, Math.floor(x / k))]!;
  }
  return { width, height, gray, scale: r.scale * k };
}

/** A glyph a minus triangle is: at most this share of the digits' height… */
const TRIANGLE_MAX = 0.8;
/** …and at least this share (a hyphen minus is flatter). */
const TRIANGLE_MIN = 0.35;

/**
 * Each pixel column of a picture: the first and last row of its ink (after Otsu's
 * threshold), or -1 for both where the column is paper (a speck or two of ink is paper).
 */
function inkColumns(r: Raster): { top: number; bottom: number }[] {
  const t = otsu(r.gray);
  const cols: { top: number; bottom: number }[] = [];
  for (let x = 0; x < r.width; x++) {
    let top = -1, bottom = -1, ink = 0;
    for (let y = 0; y < r.height; y++) {
      if (r.gray[y * r.width + x]! > t) continue;
      if (top < 0) top = y;
      bottom = y;
      ink++;
    }
    cols.push(ink >= 2 ? { top, bottom } : { top: -1, bottom: -1 });
  }
  return cols;
}

/**
 * Whether a number's picture starts with a triangle smaller than its digits and centred on
 * them — the minus sign △ (▲) as accounting software prints it, which OCR reads as 4, A or
 * ム (`49,084,168` for `△9,084,168`) — rather than a digit (as tall as the others), a
 * bracket (taller) or a comma (low). Read column by column, as the sign may touch the
 * first digit: the leading columns of ink that all keep inside the middle of the digits'
 * band, as wide as a third of the band, then a column that reaches the band's top.
 */
export function startsWithTriangle(r: Raster): boolean {
  const cols = inkColumns(r);
  const inked = cols.filter((c) => c.top >= 0);
  if (inked.length < 8) return false;
  const at = (v: number[], q: number) => v.sort((a, b) => a - b)[Math.floor(q * (v.length - 1))]!;
  // The digits' band: where most columns' ink starts and ends.
  const top = at(inked.map((c) => c.top), 0.1), bottom = at(inked.map((c) => c.bottom), 0.9);
  const h = bottom - top + 1;
  const inside = (c: { top: number; bottom: number }) => c.top >= 0 && c.top > top + 0.1 * h && c.bottom <= bottom - 0.05 * h;
  let x = cols.findIndex((c) => c.top >= 0);
  const from = x;
  let lo = Infinity, hi = -Infinity;
  for (; x < cols.length && inside(cols[x]!); x++) (lo = Math.min(lo, cols[x]!.top)), (hi = Math.max(hi, cols[x]!.bottom));
  const width = x - from, height = hi - lo + 1;
  if (x >= cols.length || width < 0.3 * h) return false;
  // What follows is paper or a digit reaching the band's top.
  const next = cols[x]!;
  if (next.top >= 0 && next.top > top + 0.1 * h) return false;
  return height >= TRIANGLE_MIN * h && height <= TRIANGLE_MAX * h && Math.abs((lo + hi) / 2 - (top + bottom) / 2) <= 0.2 * h;
}

/**
 * Whether a number's picture ends with a closing bracket (】 or ) after an amount, as
 * balance sheets print their section totals): its last glyph, past a column without ink,
 * reaches above and below the digits' band — an eighth taller than the band at least.
 */
export function endsWithBracket(r: Raster): boolean {
  const cols = inkColumns(r);
  const inked = cols.filter((c) => c.top >= 0);
  if (inked.length < 8) return false;
  const at = (v: number[], q: number) => v.sort((a, b) => a - b)[Math.floor(q * (v.length - 1))]!;
  const band = at(inked.map((c) => c.bottom), 0.5) - at(inked.map((c) => c.top), 0.5) + 1;
  let x = cols.length - 1;
  while (x >= 0 && cols[x]!.top < 0) x--;
  let lo = Infinity, hi = -Infinity, width = 0;
  for (; x >= 0 && cols[x]!.top >= 0; x--, width++) (lo = Math.min(lo, cols[x]!.top)), (hi = Math.max(hi, cols[x]!.bottom));
  return x > 0 && width >= 2 && hi - lo + 1 >= 1.12 * band;
}

/**
 * A number's reading with its last glyph known to be a closing bracket: a last group of
 * four digits (`12.012.3371`: the bracket read as 1) loses its last character when that
 * leaves a grouped number. A reading that ends in a bracket, or is grouped as it is, stays.
 */
export function withoutBracketDigit(text: string): string {
  const t = text.trim();
  const grouped = /^[【(（]?\s*[△▲]?\d{1,3}(?:,\d{3})+$/u;
  if (!/[,.]\d{4}$/.test(t)) return text;
  const cut = repairNumbers(t.slice(0, -1));
  return grouped.test(cut) ? cut : text;
}

/**
 * A number's reading with its first glyph known to be a minus triangle: the character(s)
 * OCR made of it (4, A, ム, 4A …) become △; a reading that left it out gets it. A reading
 * that is no grouped number either way is left as it is.
 */
export function withTriangle(text: string): string {
  const t = text.replace(/\s/g, "");
  const grouped = /^\d{1,3}(?:,\d{3})*$/;
  if (t.startsWith("△") || t.startsWith("▲")) return text;
  const m = /^([4AaムΔ^]{1,2})(\d.*)$/u.exec(t);
  if (m && grouped.test(m[2]!)) return "△" + m[2]!;
  if (grouped.test(t) && !t.startsWith("4")) return "△" + t;
  return text;
}

/** A box of the page (points) cut out of its picture, with a margin of paper (points). */
function crop(r: Raster, box: Box, margin = 3): Raster {
  const m = Math.round(margin * r.scale);
  const x0 = Math.max(0, Math.floor(box.x0 * r.scale) - m), y0 = Math.max(0, Math.floor(box.y0 * r.scale) - m);
  const x1 = Math.min(r.width, Math.ceil(box.x1 * r.scale) + m), y1 = Math.min(r.height, Math.ceil(box.y1 * r.scale) + m);
  const width = Math.max(1, x1 - x0), height = Math.max(1, y1 - y0);
  const gray = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) gray.set(r.gray.subarray((y0 + y) * r.width + x0, (y0 + y) * r.width + x0 + width), y * width);
  return { width, height, gray, scale: r.scale };
}

/** The start of a text for a message, quoted. */
function sample(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t ? `“${t.length > 30 ? t.slice(0, 30) + "…" : t}”` : "empty";
}

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * OCR words → text runs in points. Words of one engine line that continue each other (a
 * gap of at most a character's height — four between kanji or kana, which a cell spreads
 * out — and no rule between them) make one run.
 */
export function wordsToRuns(words: readonly OcrWord[], scale: number, rules: readonly Rule[] = []): TextRun[] {
  const pt = (v: number) => Math.round((v / scale) * 100) / 100;
  const vertical = rules.filter((r) => r.axis === "v");
  const runs: TextRun[] = [];
  let cur: { words: OcrWord[]; box: Box } | null = null;
  const flush = () => {
    if (!cur) return;
    let raw = "";
    cur.words.forEach((w, i) => {
      if (i > 0) {
        const prev = cur!.words[i - 1]!;
        const gap = w.x0 - prev.x1;
        const spaced = gap > 0.25 * Math.max(prev.y1 - prev.y0, w.y1 - w.y0);
        const tight = CJK.test(prev.text.slice(-1)) || CJK.test(w.text[0]!) || /[,.]$/.test(prev.text);
        if (spaced && !tight) raw += " ";
      }
      raw += w.text;
    });
    const text = repairNumbers(repairText(raw));
    const box = cur.box;
    runs.push({
      text,
      raw,
      box: { x0: pt(box.x0), y0: pt(box.y0), x1: pt(box.x1), y1: pt(box.y1) },
      font: "OCR",
      size: pt(box.y1 - box.y0),
      vertical: false,
      confidence: Math.round(Math.min(...cur.words.map((w) => w.confidence)) * 100) / 100,
    });
    cur = null;
  };
  let line = -1;
  for (const w of words) {
    if (cur) {
      const last = cur.words[cur.words.length - 1]!;
      const height = Math.max(last.y1 - last.y0, w.y1 - w.y0);
      const gap = w.x0 - last.x1;
      const x0 = last.x1 / scale, x1 = w.x0 / scale, ymid = (w.y0 + w.y1) / 2 / scale;
      const ruled = vertical.some((r) => r.pos > x0 - 0.5 && r.pos < x1 + 0.5 && r.start <= ymid && r.end >= ymid);
      // Kanji and kana spread over a cell (均等割付: 売　　掛　　金) stay one run.
      const spread = CJK.test(last.text.slice(-1)) && CJK.test(w.text[0]!) ? 4 : 1.2;
      if (w.line !== line || gap > spread * height || gap < -height || ruled) flush();
    }
    line = w.line;
    if (!cur) cur = { words: [w], box: { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 } };
    else {
      cur.words.push(w);
      cur.box = { x0: Math.min(cur.box.x0, w.x0), y0: Math.min(cur.box.y0, w.y0), x1: Math.max(cur.box.x1, w.x1), y1: Math.max(cur.box.y1, w.y1) };
    }
  }
  flush();
  return runs;
}

/**
 * Regular misreadings of printed numbers put right: grouped digits whose separators were
 * read as "." or "，" (or doubled, or with a space after them) get ","; a space where a
 * separator belongs before a group of three (3 271,900; a reading that is only "4 800")
 * becomes one; a group of six digits
 * after a separator (138,585510: one separator lost) is cut in two, and a first group of
 * four to six digits (71311,142, 4694,454) is grouped; a stray _ or | stuck
 * to a number goes; a triangle minus read as A, a or ム before grouped digits becomes △.
 * A decimal point (97.7) is left alone: only groups of exactly three digits count.
 */
export function repairNumbers(text: string): string {
  return text
    .replace(/(\d[,，.．]\d{3})(\d{3})(?!\d)/g, "$1,$2")
    .replace(/(\d)\s*[,，.．、]{1,2}\s*(?=\d{3}(?!\d))/g, "$1,")
    .replace(/(\d) (?=\d{3},\d{3}(?!\d))/g, "$1,")
    .replace(/^([△▲]?\d{1,3}) (\d{3})$/u, "$1,$2")
    .replace(/^([△▲]?)(\d{4,6})((?:,\d{3})+)$/u, (_, sign: string, lead: string, rest: string) => sign + lead.replace(/\B(?=(\d{3})+$)/gu, ",") + rest)
    .replace(/[_|](?=[△\d])|(?<=\d)[_|]/g, "")
    .replace(/(^|[^\w△])[Aaム^▲](?=\d{1,3}(?:,\d{3})+(?!\d))/g, "$1△");
}
