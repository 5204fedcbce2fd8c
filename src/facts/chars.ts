/**
 * A box for every character of a text line, so a fact found in the line's text gets
 * the box of the characters it came from.
 *
 * A run knows where each of its characters starts along the writing direction (its
 * `edges`, from the glyphs); a character's box is its run's box cut there. A run whose
 * text repair changed length has no edges: its box is shared out (see shareOut), which
 * can be off by a fraction of a character at either end of a fact in a proportional
 * font — but stays inside the run.
 */
import type { Line } from "../layout/lines.js";
import { round2 } from "../pdf/geometry.js";
import type { Box, TextRun } from "../model/page.js";
import { emWidth } from "../text/repair.js";
import { maxOf, minOf, pushAll } from "../bounded.js";

export interface LineChars {
  /** One box per UTF-16 unit of `line.text` (both halves of a surrogate pair share one). */
  boxes: Box[];
  /** Where each of `line.runs` starts in `line.text`. */
  runOffsets: number[];
}

/** The boxes of a line's characters; the spaces groupLines put between runs get the gap. */
export function lineChars(line: Line): LineChars {
  const boxes: Box[] = [];
  const runOffsets: number[] = [];
  let pos = 0;
  let prev: Box | null = null;
  for (const run of line.runs) {
    const at = line.text.startsWith(run.text, pos) ? pos : line.text.startsWith(run.text, pos + 1) ? pos + 1 : -1;
    if (at < 0) return { boxes: shareOut(line.text, line.box, line.vertical, line.size), runOffsets: line.runs.map(() => 0) };
    if (at > pos) boxes.push(gap(prev ?? run.box, run.box, line.vertical));
    runOffsets.push(at);
    pushAll(boxes, runChars(run));
    pos = at + run.text.length;
    prev = run.box;
  }
  return { boxes, runOffsets };
}

/** The smallest box holding all of `boxes`. */
export function union(boxes: readonly Box[]): Box {
  return {
    x0: minOf(boxes.map((b) => b.x0)),
    y0: minOf(boxes.map((b) => b.y0)),
    x1: maxOf(boxes.map((b) => b.x1)),
    y1: maxOf(boxes.map((b) => b.y1)),
  };
}

/** One box per UTF-16 unit of the run's text: cut at its glyph edges, else shared out. */
function runChars(run: TextRun): Box[] {
  const edges = run.edges;
  if (!edges || edges.length !== run.text.length + 1) return shareOut(run.text, run.box, run.vertical, run.size);
  // The edges run along x or along y (a rotated page): whichever the run's box ends match.
  const [lo, hi] = [minOf(edges), maxOf(edges)];
  const { x0, y0, x1, y1 } = run.box;
  const alongY = Math.abs(lo - y0) + Math.abs(hi - y1) < Math.abs(lo - x0) + Math.abs(hi - x1);
  return Array.from({ length: run.text.length }, (_u, i) => {
    const [a, b] = [Math.min(edges[i]!, edges[i + 1]!), Math.max(edges[i]!, edges[i + 1]!)];
    return alongY ? { ...run.box, y0: a, y1: b } : { ...run.box, x0: a, x1: b };
  });
}

/**
 * `box` cut along the writing direction into one piece per character. Full-width
 * characters are one em (`size`) wide; the other characters share what is left of
 * the run equally — their average width in this run's font. When that average is not
 * plausible (spacing, scaling), every character gets its nominal share instead.
 */
function shareOut(text: string, box: Box, vertical: boolean, size: number): Box[] {
  const chars = Array.from(text);
  const [from, to] = vertical ? [box.y0, box.y1] : [box.x0, box.x1];
  const full = chars.filter((c) => emWidth(c) === 1).length;
  const narrow = (to - from - full * size) / (chars.length - full);
  const measured = full > 0 && narrow >= 0.25 * size && narrow <= size;
  const widths = chars.map((c) => (emWidth(c) === 1 ? (measured ? size : 1) : measured ? narrow : emWidth(c)));
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const scale = (to - from) / total;
  const out: Box[] = [];
  let at = from;
  chars.forEach((c, i) => {
    const next = at + widths[i]! * scale;
    const piece = vertical ? { ...box, y0: round2(at), y1: round2(next) } : { ...box, x0: round2(at), x1: round2(next) };
    for (let k = 0; k < c.length; k++) out.push(piece);
    at = next;
  });
  return out;
}

/** The space between two runs of a line. */
function gap(a: Box, b: Box, vertical: boolean): Box {
  return vertical
    ? { x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), y0: a.y1, y1: Math.max(a.y1, b.y0) }
    : { y0: Math.min(a.y0, b.y0), y1: Math.max(a.y1, b.y1), x0: a.x1, x1: Math.max(a.x1, b.x0) };
}
