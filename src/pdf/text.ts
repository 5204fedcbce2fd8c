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
import type { Glyph } from "./content.js";
import { round2 } from "./geometry.js";
import type { Box, Rule, TextRun } from "./types.js";

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
  font: string;
  size: number;
  vertical: boolean;
  dx: number;
  dy: number;
  /** Origin of the first glyph and where along the baseline the last glyph ends. */
  ox: number;
  oy: number;
  end: number;
  last: Glyph;
  /** The last glyph that can be seen, and how many can. */
  lastVisible: Glyph | null;
  visible: number;
  /** A space glyph was seen since the last character. */
  space: boolean;
}

const isSpace = (s: string) => s === " " || s === "\u00a0";

/**
 * `rules` are the page's ruling lines: a run is cut where one passes between two
 * visible glyphs.
 */
export function runsFromGlyphs(
  glyphs: readonly Glyph[],
  rules: readonly Rule[] = [],
  stats: RunStats = { hidden: 0, unmapped: 0 },
): TextRun[] {
  const runs: TextRun[] = [];
  // By position, for crosses' bisection (a rule at no finite position never crosses anyway).
  const on = (axis: Rule["axis"]) => rules.filter((r) => r.axis === axis && Number.isFinite(r.pos)).sort((a, b) => a.pos - b.pos);
  const blockers = { v: on("v"), h: on("h") };
  let cur: OpenRun | null = null;

  for (const g of glyphs) {
    if (isSpace(g.unicode)) {
      if (cur) cur.space = true;
      continue;
    }
    const unmapped = g.unicode === "";
    if (unmapped) stats.unmapped++;
    const ch = unmapped ? "\ufffd" : g.unicode;
    if (cur) {
      const c: OpenRun = cur;
      const relX = g.ox - c.ox;
      const relY = g.oy - c.oy;
      const along = relX * c.dx + relY * c.dy;
      const across = Math.abs(-relX * c.dy + relY * c.dx);
      const gap = along - c.end;
      const em = Math.max(c.size, g.size);
      const sameLine =
        g.vertical === c.vertical &&
        Math.abs(g.dx - c.dx) < 0.01 &&
        Math.abs(g.dy - c.dy) < 0.01 &&
        Math.abs(g.size - c.size) <= 0.15 * em &&
        across <= BASELINE_TOLERANCE_EM * em;
      // The same glyph again on top of the last one: fake bold, drawn glyph by glyph.
      const last = c.last;
      if (
        sameLine &&
        g.unicode === last.unicode &&
        Math.hypot(g.ox - last.ox, g.oy - last.oy) <= Math.min(1.5, 0.25 * em)
      ) {
        continue;
      }
      const ruled = g.visible && c.lastVisible !== null && ruleBetween(c.lastVisible, g, blockers);
      if (sameLine && !ruled && gap >= -0.3 * em && gap <= RUN_BREAK_GAP_EM * em) {
        const wide = emWidth(lastChar(c.chars[c.chars.length - 1] ?? "")) === 1 && emWidth(ch) === 1;
        if (c.space || (!wide && gap > SPACE_GAP_EM * em)) {
          c.chars.push(" ");
          c.edges.push(c.edgeEnd);
        }
        c.chars.push(ch);
        for (let k = 0; k < ch.length; k++) c.edges.push(axisStart(g));
        c.edgeEnd = axisEnd(g);
        // The run's box is its own copy: widened in place (this loop runs once per glyph).
        c.box.x0 = Math.min(c.box.x0, g.box.x0);
        c.box.y0 = Math.min(c.box.y0, g.box.y0);
        c.box.x1 = Math.max(c.box.x1, g.box.x1);
        c.box.y1 = Math.max(c.box.y1, g.box.y1);
        c.end = Math.max(c.end, along + g.advance);
        c.last = g;
        if (g.visible) {
          c.lastVisible = g;
          c.visible++;
        }
        c.space = false;
        continue;
      }
      closeRun(c, runs, stats);
    }
    cur = {
      chars: [ch],
      edges: Array.from({ length: ch.length }, () => axisStart(g)),
      edgeEnd: axisEnd(g),
      box: { ...g.box },
      font: g.font,
      size: g.size,
      vertical: g.vertical,
      dx: g.dx,
      dy: g.dy,
      ox: g.ox,
      oy: g.oy,
      end: g.advance,
      last: g,
      lastVisible: g.visible ? g : null,
      visible: g.visible ? 1 : 0,
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
    font: cur.font,
    size: round2(cur.size),
    vertical: cur.vertical,
  };
  if (text.length === raw.length) run.edges = trimmedEdges(cur, joined, raw).map(round2);
  runs.push(run);
}

/** The edges of `raw`, which is `joined` with white space (an ideographic space) trimmed off. */
function trimmedEdges(run: OpenRun, joined: string, raw: string): number[] {
  const lead = joined.length - joined.trimStart().length;
  const end = lead + raw.length;
  return [...run.edges.slice(lead, end), end < joined.length ? run.edges[end]! : run.edgeEnd];
}

/**
 * Where a glyph starts and ends along its writing direction, in page coordinates: x for
 * text that reads across the page, y for text that reads down or up it (vertical
 * writing, a page rotated by 90°).
 */
function axisStart(g: Glyph): number {
  if (Math.abs(g.dy) > Math.abs(g.dx)) return g.dy > 0 ? g.box.y0 : g.box.y1;
  return g.dx > 0 ? g.box.x0 : g.box.x1;
}
function axisEnd(g: Glyph): number {
  if (Math.abs(g.dy) > Math.abs(g.dx)) return g.dy > 0 ? g.box.y1 : g.box.y0;
  return g.dx > 0 ? g.box.x1 : g.box.x0;
}

/** Is there a ruling line between the centres of two glyphs of one line? (Once per glyph: no allocation.) */
function ruleBetween(a: Glyph, b: Glyph, rules: { v: readonly Rule[]; h: readonly Rule[] }): boolean {
  // `rules` each in order of position (see runsFromGlyphs).
  const ax = (a.box.x0 + a.box.x1) / 2, ay = (a.box.y0 + a.box.y1) / 2;
  const bx = (b.box.x0 + b.box.x1) / 2, by = (b.box.y0 + b.box.y1) / 2;
  if (Math.abs(a.dy) < 0.01) return crosses(rules.v, Math.min(ax, bx), Math.max(ax, bx), ay);
  if (Math.abs(a.dx) < 0.01) return crosses(rules.h, Math.min(ay, by), Math.max(ay, by), ax);
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

