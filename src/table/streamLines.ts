/**
 * Stream tables, the printed lines they are read from: bands of runs on one baseline, the
 * whitespace between runs, and runs that hold two cells (see stream.ts).
 */
import type { TextRun } from "../model/page.js";
import { emWidth } from "../text/repair.js";
import { maxOf, minOf } from "../bounded.js";

/** Narrowest whitespace between two columns, in ems. */
export const MIN_GAP_EM = 0.25;
/** An entry this short (characters) is a value or a label, not a line of running text. */
export const SHORT = 12;

export interface Band {
  runs: TextRun[];
  /**
   * The runs of this line and of the lines beside it (overlapping it in height): cells
   * centred beside taller ones print half a line apart, and still make one row of columns.
   */
  row: TextRun[];
  y0: number;
  y1: number;
  cy: number;
  size: number;
}

export interface Span {
  x0: number;
  x1: number;
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

export function toBand(runs: TextRun[]): Band {
  runs.sort((a, b) => a.box.x0 - b.box.x0);
  const y0 = minOf(runs.map((r) => r.box.y0));
  const y1 = maxOf(runs.map((r) => r.box.y1));
  return { runs, row: runs, y0, y1, cy: (y0 + y1) / 2, size: median(runs.map((r) => r.size)) };
}

/** The x-intervals covered by runs, pieces closer than minGap joined. */
export function covered(runs: readonly TextRun[], minGap: number): Span[] {
  const spans: Span[] = [];
  for (const r of [...runs].sort((a, b) => a.box.x0 - b.box.x0)) {
    const last = spans[spans.length - 1];
    if (last && r.box.x0 - last.x1 < minGap) last.x1 = Math.max(last.x1, r.box.x1);
    else spans.push({ x0: r.box.x0, x1: r.box.x1 });
  }
  return spans;
}

/** The whitespace between covered intervals. */
export function gaps(spans: readonly Span[]): Span[] {
  return spans.slice(1).map((s, i) => ({ x0: spans[i]!.x1, x1: s.x0 }));
}

/** The whitespace gaps of each band's row, by the row (the growing of a region asks again and again). */
const rowGaps = new WeakMap<readonly TextRun[], { size: number; gaps: Span[] }>();

export function gapsOf(b: Band): Span[] {
  const known = rowGaps.get(b.row);
  if (known?.size === b.size) return known.gaps;
  const found = gaps(covered(b.row, MIN_GAP_EM * b.size));
  rowGaps.set(b.row, { size: b.size, gaps: found });
  return found;
}
export const isSplit = (b: Band) => gapsOf(b).length > 0;

/**
 * Two cells printed as one run (neighbouring cells whose texts touch, drawn one after the
 * other: 令和5年10月1日生活環境部): where other lines print a column gap inside a run, and
 * more of them print the gap than print text there, the run is cut at the character
 * nearest the gap (character positions estimated from their widths).
 */
export function unbridge(body: readonly Band[], size: number): Band[] {
  const minGap = MIN_GAP_EM * size;
  const lineGaps = body.map((b) => gaps(covered(b.runs, minGap)).filter((g) => g.x1 - g.x0 >= minGap));
  return body.map((band, i) => {
    const others = body.filter((_, j) => j !== i);
    const runs = band.runs.flatMap((r) => {
      const inside = lineGaps.flatMap((gs, j) => (j === i ? [] : gs.filter((g) => g.x0 > r.box.x0 && g.x1 < r.box.x1)));
      let best: { x: number; support: number } | null = null;
      for (const g of inside) {
        const x = (g.x0 + g.x1) / 2;
        const support = lineGaps.filter((gs, j) => j !== i && gs.some((h) => h.x0 <= x && h.x1 >= x)).length;
        const conflict = others.filter((b) => b.runs.some((o) => o.box.x0 < x && o.box.x1 > x)).length;
        // Text of the neighbouring columns on both sides: the gap is inside, not at the run's end.
        const sides = others.some((b) => b.runs.some((o) => o.box.x1 <= x && o.box.x1 > r.box.x0)) && others.some((b) => b.runs.some((o) => o.box.x0 >= x && o.box.x0 < r.box.x1));
        if (support >= 2 && support >= 2 * conflict && sides && (!best || support > best.support)) best = { x, support };
      }
      return best ? cut(r, best.x, minGap) : [r];
    });
    return runs.length === band.runs.length ? band : { ...band, runs, row: runs };
  });
}

/**
 * A run cut at the character boundary nearest x (positions estimated from character
 * widths); the two pieces keep at least `gap` of whitespace about x between them.
 */
function cut(r: TextRun, x: number, gap: number): TextRun[] {
  const chars = Array.from(r.text);
  const widths = chars.map(emWidth);
  const scale = (r.box.x1 - r.box.x0) / widths.reduce((a, b) => a + b, 0);
  let at = 0;
  let best = Infinity;
  let pos = r.box.x0;
  widths.forEach((w, i) => {
    pos += w * scale;
    if (i < chars.length - 1 && Math.abs(pos - x) < best) {
      best = Math.abs(pos - x);
      at = i + 1;
    }
  });
  const edge = r.box.x0 + widths.slice(0, at).reduce((a, b) => a + b, 0) * scale;
  const raw = Array.from(r.raw);
  const part = (from: number, to: number, x0: number, x1: number): TextRun => {
    const text = chars.slice(from, to).join("").trim();
    return { ...r, text, raw: raw.length === chars.length ? raw.slice(from, to).join("").trim() : text, box: { ...r.box, x0, x1 } };
  };
  return [part(0, at, r.box.x0, Math.min(edge, x - gap / 2)), part(at, chars.length, Math.max(edge, x + gap / 2), r.box.x1)].filter((p) => p.text !== "");
}
