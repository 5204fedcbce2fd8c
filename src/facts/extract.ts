/**
 * Facts on a page: the page's text lines (groupLines) are read one by one with
 * scanFacts, after two passes for what a single line does not hold:
 *
 * 1. A yen unit printed under its number (a chart label 9,700 / 万円, a table cell
 *    50 / 万円): the number and the unit make one amount.
 * 2. A fact that goes over a line break (令和7年 / 4月1日, a URL wrapped after a
 *    slash): a line is read together with the line it wraps onto — the next line
 *    below, about one line-height down, starting about where it starts.
 *
 * Each fact's box is the union of its characters' boxes (see lineChars); a table's
 * first column (申請締切, 補助上限) is read as the label of the value beside it.
 */
import { groupLines, type Line } from "../layout/lines.js";
import { parseAmount } from "../normalize/amounts.js";
import { lookupMunicipality } from "../normalize/municipality.js";
import type { Page, TextRun } from "../model/page.js";
import { type LineChars, lineChars, union } from "./chars.js";
import { scanFacts } from "./scan.js";
import { Claims, fold } from "./text.js";
import type { Fact, TextFact } from "./types.js";

/** Where a fact starts (line, offset): facts come out in reading order. */
interface Placed {
  line: number;
  offset: number;
  fact: Fact;
}

/**
 * Every amount, ceiling, rate, date, date range, deadline, fiscal year, phone number,
 * e-mail address and URL printed on the page, normalised, in reading order.
 */
export function extractFacts(page: Pick<Page, "number" | "runs">): Fact[] {
  const lines = groupLines(page.runs);
  const read: PageText = {
    page: page.number,
    lines,
    chars: lines.map(lineChars),
    claims: lines.map((l) => new Claims(l.text.length)),
    byTop: new LineIndex(lines, (l) => l.box.y0),
    byCentre: new LineIndex(lines, centre),
  };
  const placed = [...unitsUnderNumbers(read), ...wrappedFacts(read)];
  let year: number | undefined;
  lines.forEach((line, i) => {
    const context = { label: labelLeftOf(read, i), year };
    for (const f of scanFacts(line.text, context, read.claims[i])) {
      placed.push({ line: i, offset: f.start, fact: locate(read.page, f, read.chars[i]!.boxes.slice(f.start, f.end), line.text) });
    }
    year = context.year;
  });
  const facts = placed.sort((a, b) => a.line - b.line || a.offset - b.offset).map((p) => p.fact);
  const local = facts.filter((f) => f.kind === "phone" && f.problems.some((p) => p.rule === "contact/no-area-code"));
  if (local.length) {
    const named = municipalityNamed(lines);
    if (named) for (const f of local) f.detail = { ...f.detail, municipality: named };
  }
  return facts;
}

/** A municipality name as printed: a few letters ending in 市, 町, 村 or 区. */
const MUNICIPALITY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ヶケ]{1,6}?[市町村区]/gu;

/** The first municipality the page names (checked against the code list), the full name. */
function municipalityNamed(lines: readonly Line[]): string | undefined {
  for (const line of lines) {
    for (const m of line.text.replace(/\s+/gu, "").matchAll(MUNICIPALITY)) {
      // The name may start later in the match: 音威子府村 inside 「小型家電を音威子府村」.
      for (let i = 0; i < m[0].length - 1; i++) {
        const found = lookupMunicipality(m[0].slice(i));
        if (found.match === "exact" && found.value) return found.value.prefecture + (found.value.city ?? "") + found.value.name;
      }
    }
  }
  return undefined;
}

interface PageText {
  page: number;
  lines: Line[];
  chars: LineChars[];
  claims: Claims[];
  /** The lines by the top of their box, and by their vertical centre (see LineIndex). */
  byTop: LineIndex;
  byCentre: LineIndex;
}

const centre = (l: Line) => (l.box.y0 + l.box.y1) / 2;

/**
 * A page's lines sorted by one coordinate, to find the few near a line without looking
 * at every line for every line: a page of a ruled grid of numbers has tens of thousands
 * of lines, and comparing each with each took minutes (140 × 140 cells: over 120 s).
 */
class LineIndex {
  private readonly order: number[];
  private readonly keys: Float64Array;

  constructor(lines: readonly Line[], key: (l: Line) => number) {
    const k = lines.map(key);
    this.order = lines.map((_, i) => i).sort((a, b) => k[a]! - k[b]! || a - b);
    this.keys = Float64Array.from(this.order, (i) => k[i]!);
  }

  /**
   * The lines whose coordinate is within [lo, hi] widened by a point (so that rounding
   * never leaves out a line the caller's own test takes), in line order: callers apply
   * their exact test to each, in the order they did to every line, and choose the same one.
   */
  near(lo: number, hi: number): number[] {
    lo -= 1;
    hi += 1;
    let a = 0;
    let b = this.keys.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.keys[m]! < lo) a = m + 1;
      else b = m;
    }
    const out: number[] = [];
    for (let k = a; k < this.keys.length && this.keys[k]! <= hi; k++) out.push(this.order[k]!);
    return out.sort((x, y) => x - y);
  }
}

function locate(page: number, f: TextFact, boxes: LineChars["boxes"], line: string): Fact {
  return {
    kind: f.kind, text: f.text, value: f.value, ...(f.to !== undefined && { to: f.to }),
    detail: f.detail, page, box: union(boxes), line, problems: f.problems,
  };
}

const YEN_UNIT = /^(?:百万|千万|万|億|千|兆)?円$/;
const BARE_NUMBER = /(?<![^\s])\d[\d,]*(?:\.\d+)?(?![^\s])/g;

/** Pass 1: a run that is only a yen unit, under a bare number it is centred on. */
function unitsUnderNumbers(read: PageText): Placed[] {
  const out: Placed[] = [];
  read.lines.forEach((unitLine, k) => {
    unitLine.runs.forEach((run, r) => {
      if (run.vertical || !YEN_UNIT.test(run.text)) return;
      const unitAt = read.chars[k]!.runOffsets[r]!;
      if (!read.claims[k]!.isFree(unitAt, unitAt + run.text.length)) return;
      const above = numberAbove(read, run);
      if (!above) return;
      const { line: i, start, end } = above;
      const numberText = read.lines[i]!.text.slice(start, end);
      const amount = parseAmount(fold(numberText) + run.text);
      if (amount.value === null) return;
      read.claims[i]!.take(start, end);
      read.claims[k]!.take(unitAt, unitAt + run.text.length);
      const box = union([...read.chars[i]!.boxes.slice(start, end), run.box]);
      out.push({
        line: i,
        offset: start,
        fact: {
          kind: "amount", text: numberText + run.text, value: amount.value, detail: { unit: amount.unit! },
          page: read.page, box, line: read.lines[i]!.text, problems: amount.problems.filter((p) => p.severity !== "info"),
        },
      });
    });
  });
  return out;
}

/** The bare number (a token of its own) just above `unit` whose centre is over it. */
function numberAbove(read: PageText, unit: TextRun): { line: number; start: number; end: number } | null {
  let best: { line: number; start: number; end: number; off: number } | null = null;
  read.lines.forEach((line, i) => {
    const drop = unit.box.y0 - line.box.y1;
    if (line.vertical || drop < -0.3 * unit.size || drop > 0.8 * line.size) return;
    if (line.box.x1 < unit.box.x0 || line.box.x0 > unit.box.x1) return;
    for (const m of fold(line.text).matchAll(BARE_NUMBER)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!read.claims[i]!.isFree(start, end)) continue;
      const box = union(read.chars[i]!.boxes.slice(start, end));
      const off = Math.abs((box.x0 + box.x1) / 2 - (unit.box.x0 + unit.box.x1) / 2);
      if (off <= (unit.box.x1 - unit.box.x0) / 2 && (!best || off < best.off)) best = { line: i, start, end, off };
    }
  });
  return best;
}

/** Pass 2: facts that start on one line and end on the line it wraps onto. */
function wrappedFacts(read: PageText): Placed[] {
  const out: Placed[] = [];
  read.lines.forEach((first, i) => {
    const j = continuation(read, i);
    if (j === null) return;
    const next = read.lines[j]!;
    const joined = first.text + next.text;
    const cut = first.text.length;
    const claims = Claims.concat(read.claims[i]!, read.claims[j]!);
    for (const f of scanFacts(joined, { label: labelLeftOf(read, i) }, claims)) {
      if (f.start >= cut || f.end <= cut) continue;
      // A URL goes on only with a piece that looks like one (content/01.pdf, go.jp/), not a word (GビズID).
      if (f.kind === "url" && !/[/.?=&%#_-]/.test(joined.slice(cut, f.end))) continue;
      if (!read.claims[i]!.isFree(f.start, cut) || !read.claims[j]!.isFree(0, f.end - cut)) continue;
      read.claims[i]!.take(f.start, cut);
      read.claims[j]!.take(0, f.end - cut);
      const boxes = [...read.chars[i]!.boxes.slice(f.start, cut), ...read.chars[j]!.boxes.slice(0, f.end - cut)];
      out.push({ line: i, offset: f.start, fact: locate(read.page, f, boxes, joined) });
    }
  });
  return out;
}

/**
 * The line that line `i` wraps onto: the first line below it, at most about one
 * line-height down, of about its size, starting within two ems of where it starts.
 */
function continuation(read: PageText, i: number): number | null {
  const lines = read.lines;
  const a = lines[i]!;
  if (a.vertical) return null;
  let best: number | null = null;
  // Only lines whose top is where the test below takes it (between half a line below this
  // one's top and 0.9 of its size below its bottom) can pass it.
  for (const j of read.byTop.near(a.box.y0 + 0.5 * a.size, a.box.y1 + 0.9 * a.size)) {
    const b = lines[j]!;
    if (j === i || b.vertical) continue;
    const drop = b.box.y0 - a.box.y1;
    if (b.box.y0 < a.box.y0 + 0.5 * a.size || drop > 0.9 * a.size) continue;
    if (Math.abs(b.size - a.size) > 0.3 * Math.max(a.size, b.size) || Math.abs(b.box.x0 - a.box.x0) > 2 * a.size) continue;
    if (best === null || b.box.y0 < lines[best]!.box.y0) best = j;
  }
  return best;
}

/** The short text printed to the left of line `i` on the same band (a table's label column). */
function labelLeftOf(read: PageText, i: number): string | undefined {
  const lines = read.lines;
  const a = lines[i]!;
  if (a.vertical) return undefined;
  let best: Line | undefined;
  // Only lines whose centre is within half this line's size of its centre can pass the test below.
  for (const j of read.byCentre.near(centre(a) - 0.5 * a.size, centre(a) + 0.5 * a.size)) {
    const b = lines[j]!;
    if (b === a || b.vertical || b.text.length > 30 || b.box.x1 > a.box.x0 + 1) continue;
    if (Math.abs(centre(b) - centre(a)) > 0.5 * Math.min(a.size, b.size)) continue;
    if (!best || b.box.x1 > best.box.x1) best = b;
  }
  return best?.text;
}
