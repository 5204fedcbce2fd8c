/**
 * Glyphs → {@link TextRun}s: consecutive glyphs of one font size that continue each
 * other along one baseline make a run; a wide gap, a step backwards, another line or
 * another size starts a new one. The text is then repaired (see src/text/).
 *
 * - A glyph drawn again on top of itself (fake bold, glyph by glyph) is dropped, and so
 *   is a whole run drawn again a fraction of a point away.
 * - A run none of whose glyphs can be seen (clipped away, off the page: a spreadsheet's
 *   copy of a merged cell on the next page) is not text; it is counted so the page can
 *   say so. A run partly clipped (a value overflowing its cell, cut at the border) is
 *   kept whole: the text is the cell's value.
 * - A run never crosses a ruling line: two cells' texts that nearly touch stay apart.
 * - A space is inserted where a gap or a space glyph separates words; between two
 *   full-width (Japanese) characters only an explicit space glyph makes one.
 */
import { dropFakeBoldCopies } from "../text/fakeBold.js";
import { emWidth, lastChar, repairText } from "../text/repair.js";
import { ADVANCE, type Glyph, GlyphList, type GlyphShow, OX, OY, SHOW, STRIDE, VISIBLE, X0, X1, Y0, Y1 } from "./glyphs.js";
import { round2 } from "./geometry.js";
import type { Box, Rule, TextRun } from "../model/page.js";

/** A gap wider than this many ems ends a run (a new cell, a new column). */
export const RUN_BREAK_GAP_EM = 1;
/** A gap wider than this many ems between Latin characters reads as a space. */
const SPACE_GAP_EM = 0.2;
/** Glyphs this far apart across the baseline (ems) are on different lines. */
const BASELINE_TOLERANCE_EM = 0.3;

export interface RunStats {
  /** Glyphs not drawn where they can be seen (clipped, off the page). */
  hidden: number;
  /** Glyphs whose text layer maps them to no character. */
  unmapped: number;
}

interface OpenRun {
  chars: string[];
  /** Where each UTF-16 unit of chars.join("") starts along the writing direction, and where the last glyph ends. */
  edges: number[];
  edgeEnd: number;
  box: Box;
  /** The first glyph's show: the run's direction, size, font and writing mode. */
  show: GlyphShow;
  /** Origin of the first glyph and where along the baseline the last glyph ends. */
  ox: number;
  oy: number;
  end: number;
  /** The last glyph (its index in the page's GlyphList). */
  last: number;
  /** The last glyph that can be seen (-1: none yet), and how many can. */
  lastVisible: number;
  visible: number;
  /** A space glyph was seen since the last character. */
  space: boolean;
}

const isSpace = (s: string) => s === " " || s === "\u00a0";

/**
 * `rules` are the page's ruling lines: a run is cut where one passes between two
 * visible glyphs. `glyphs` as the content interpreter gives them (./content.ts), or as
 * objects. `covered` marks the glyphs a later fill paints over (./occlusion.ts): they are
 * left out as if never shown — or, with `read: "covered"`, only they are read (to report
 * what was left out).
 */
export function runsFromGlyphs(
  glyphs: GlyphList | readonly Glyph[],
  rules: readonly Rule[] = [],
  stats: RunStats = { hidden: 0, unmapped: 0 },
  covered: Uint8Array | null = null,
  read: "seen" | "covered" = "seen",
): TextRun[] {
  const want = read === "covered" ? 1 : 0;
  const list = glyphs instanceof GlyphList ? glyphs : GlyphList.from(glyphs);
  const d = list.data;
  const shows = list.shows;
  const runs: TextRun[] = [];
  // By position, for crosses' bisection (a rule at no finite position never crosses anyway).
  const on = (axis: Rule["axis"]) => rules.filter((r) => r.axis === axis && Number.isFinite(r.pos)).sort((a, b) => a.pos - b.pos);
  const blockers = { v: on("v"), h: on("h") };
  let cur: OpenRun | null = null;

  for (let i = 0, at = 0; i < list.length; i++, at += STRIDE) {
    if (covered ? covered[i] !== want : want === 1) continue;
    const unicode = list.unicode[i]!;
    if (isSpace(unicode)) {
      if (cur) cur.space = true;
      continue;
    }
    const unmapped = unicode === "";
    if (unmapped) stats.unmapped++;
    const ch = unmapped ? "\ufffd" : unicode;
    const show = shows[d[at + SHOW]!]!;
    const ox = d[at + OX]!;
    const oy = d[at + OY]!;
    const visible = d[at + VISIBLE] === 1;
    if (cur) {
      const c: OpenRun = cur;
      const relX = ox - c.ox;
      const relY = oy - c.oy;
      const along = relX * c.show.dx + relY * c.show.dy;
      const across = Math.abs(-relX * c.show.dy + relY * c.show.dx);
      const gap = along - c.end;
      const em = Math.max(c.show.size, show.size);
      const sameLine =
        show.vertical === c.show.vertical &&
        Math.abs(show.dx - c.show.dx) < 0.01 &&
        Math.abs(show.dy - c.show.dy) < 0.01 &&
        Math.abs(show.size - c.show.size) <= 0.15 * em &&
        across <= BASELINE_TOLERANCE_EM * em;
      // The same glyph again on top of the last one: fake bold, drawn glyph by glyph.
      const last = c.last * STRIDE;
      if (
        sameLine &&
        unicode === list.unicode[c.last] &&
        Math.hypot(ox - d[last + OX]!, oy - d[last + OY]!) <= Math.min(1.5, 0.25 * em)
      ) {
        continue;
      }
      const ruled = visible && c.lastVisible >= 0 && ruleBetween(d, c.lastVisible * STRIDE, at, shows[d[c.lastVisible * STRIDE + SHOW]!]!, blockers);
      if (sameLine && !ruled && gap >= -0.3 * em && gap <= RUN_BREAK_GAP_EM * em) {
        const wide = emWidth(lastChar(c.chars[c.chars.length - 1] ?? "")) === 1 && emWidth(ch) === 1;
        if (c.space || (!wide && gap > SPACE_GAP_EM * em)) {
          c.chars.push(" ");
          c.edges.push(c.edgeEnd);
        }
        c.chars.push(ch);
        const start = axisStart(d, at, show);
        for (let k = 0; k < ch.length; k++) c.edges.push(start);
        c.edgeEnd = axisEnd(d, at, show);
        // The run's box is its own: widened in place (this loop runs once per glyph).
        c.box.x0 = Math.min(c.box.x0, d[at + X0]!);
        c.box.y0 = Math.min(c.box.y0, d[at + Y0]!);
        c.box.x1 = Math.max(c.box.x1, d[at + X1]!);
        c.box.y1 = Math.max(c.box.y1, d[at + Y1]!);
        c.end = Math.max(c.end, along + d[at + ADVANCE]!);
        c.last = i;
        if (visible) {
          c.lastVisible = i;
          c.visible++;
        }
        c.space = false;
        continue;
      }
      closeRun(c, runs, stats);
    }
    const start = axisStart(d, at, show);
    cur = {
      chars: [ch],
      edges: ch.length === 1 ? [start] : Array.from({ length: ch.length }, () => start),
      edgeEnd: axisEnd(d, at, show),
      box: { x0: d[at + X0]!, y0: d[at + Y0]!, x1: d[at + X1]!, y1: d[at + Y1]! },
      show,
      ox,
      oy,
      end: d[at + ADVANCE]!,
      last: i,
      lastVisible: visible ? i : -1,
      visible: visible ? 1 : 0,
      space: false,
    };
  }
  if (cur) closeRun(cur, runs, stats);
  return dropFakeBoldCopies(runs);
}

/**
 * Ends a run: its text, repaired, goes to `runs` (none when it has none, or when none of
 * its glyphs can be seen: those count as hidden). A module function rather than a
 * closure made per page: V8 keeps a closure's optimised code only while a copy of the
 * closure lives, so it would be compiled again after most full garbage collections.
 */
function closeRun(cur: OpenRun, runs: TextRun[], stats: RunStats): void {
  if (cur.visible === 0) {
    stats.hidden += cur.chars.filter((c) => c.trim() !== "").length;
    return;
  }
  const joined = cur.chars.join("");
  const raw = joined.trim();
  const text = repairText(raw).trim();
  if (text === "") return;
  const run: TextRun = {
    text,
    raw,
    box: { x0: round2(cur.box.x0), y0: round2(cur.box.y0), x1: round2(cur.box.x1), y1: round2(cur.box.y1) },
    font: cur.show.font,
    size: round2(cur.show.size),
    vertical: cur.show.vertical,
  };
  if (text.length === raw.length) run.edges = trimmedEdges(cur, joined, raw);
  runs.push(run);
}

/** The edges of `raw`, which is `joined` with white space (an ideographic space) trimmed off, rounded. */
function trimmedEdges(run: OpenRun, joined: string, raw: string): number[] {
  const lead = joined.length - joined.trimStart().length;
  const end = lead + raw.length;
  const out: number[] = [];
  for (let k = lead; k < end; k++) out.push(round2(run.edges[k]!));
  out.push(round2(end < joined.length ? run.edges[end]! : run.edgeEnd));
  return out;
}

/**
 * Where a glyph (its numbers at `at` in a GlyphList's data) starts and ends along its
 * writing direction, in page coordinates: x for text that reads across the page, y for
 * text that reads down or up it (vertical writing, a page rotated by 90°).
 */
function axisStart(d: Float64Array, at: number, s: { dx: number; dy: number }): number {
  if (Math.abs(s.dy) > Math.abs(s.dx)) return s.dy > 0 ? d[at + Y0]! : d[at + Y1]!;
  return s.dx > 0 ? d[at + X0]! : d[at + X1]!;
}
function axisEnd(d: Float64Array, at: number, s: { dx: number; dy: number }): number {
  if (Math.abs(s.dy) > Math.abs(s.dx)) return s.dy > 0 ? d[at + Y1]! : d[at + Y0]!;
  return s.dx > 0 ? d[at + X1]! : d[at + X0]!;
}

/**
 * Is there a ruling line between the centres of two glyphs of one line (their numbers at
 * `a` and `b` in a GlyphList's data; `first`: the show of the one at `a`)? Once per
 * glyph: no allocation.
 */
function ruleBetween(d: Float64Array, a: number, b: number, first: { dx: number; dy: number }, rules: { v: readonly Rule[]; h: readonly Rule[] }): boolean {
  // `rules` each in order of position (see runsFromGlyphs).
  const ax = (d[a + X0]! + d[a + X1]!) / 2, ay = (d[a + Y0]! + d[a + Y1]!) / 2;
  const bx = (d[b + X0]! + d[b + X1]!) / 2, by = (d[b + Y0]! + d[b + Y1]!) / 2;
  if (Math.abs(first.dy) < 0.01) return crosses(rules.v, Math.min(ax, bx), Math.max(ax, bx), ay);
  if (Math.abs(first.dx) < 0.01) return crosses(rules.h, Math.min(ay, by), Math.max(ay, by), ax);
  return false;
}

/** A rule strictly between lo and hi (along its axis' position) that spans `at`; `rules` in order of position. */
function crosses(rules: readonly Rule[], lo: number, hi: number, at: number): boolean {
  // The first rule past lo, by bisection: this runs once per glyph.
  let a = 0;
  let b = rules.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (rules[mid]!.pos > lo) b = mid;
    else a = mid + 1;
  }
  for (let i = a; i < rules.length && rules[i]!.pos < hi; i++) {
    const r = rules[i]!;
    if (r.start <= at && r.end >= at) return true;
  }
  return false;
}

