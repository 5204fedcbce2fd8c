/**
 * Runs → text lines: runs that share a baseline band and sit close together read as
 * one line; a wide gap (a table column, a tab stop) starts another line on the same
 * band. Lines come in reading order: top to bottom, left to right.
 */
import type { Box, TextRun } from "../model/page.js";
import { emWidth, firstChar, lastChar } from "../text/repair.js";
import { maxOf, minOf } from "../bounded.js";

export interface Line {
  text: string;
  box: Box;
  /** Largest font size on the line. */
  size: number;
  vertical: boolean;
  runs: TextRun[];
}

/** A gap wider than this many ems between two runs on one band starts a new line. */
export const LINE_BREAK_GAP_EM = 1.5;

const yCenter = (r: TextRun) => (r.box.y0 + r.box.y1) / 2;

/**
 * Bands of horizontal runs whose vertical centres agree (one printed line across the
 * page, whatever the gaps), top to bottom; vertical runs are left out.
 */
export function baselineBands(runs: readonly TextRun[]): TextRun[][] {
  const horizontal = runs.filter((r) => !r.vertical).sort((a, b) => yCenter(a) - yCenter(b) || a.box.x0 - b.box.x0);
  const bands: TextRun[][] = [];
  let bandCenter = 0;
  for (const r of horizontal) {
    const band = bands[bands.length - 1];
    if (band && Math.abs(yCenter(r) - bandCenter) <= 0.4 * r.size) {
      band.push(r);
      bandCenter += (yCenter(r) - bandCenter) / band.length;
    } else {
      bands.push([r]);
      bandCenter = yCenter(r);
    }
  }
  return bands;
}

export function groupLines(runs: readonly TextRun[]): Line[] {
  const lines: Line[] = [];
  // Within a band (one printed line), split at wide gaps.
  for (const band of baselineBands(runs)) {
    band.sort((a, b) => a.box.x0 - b.box.x0);
    let cur: TextRun[] = [];
    for (const r of band) {
      const prev = cur[cur.length - 1];
      if (prev && r.box.x0 - prev.box.x1 > LINE_BREAK_GAP_EM * Math.max(prev.size, r.size)) {
        lines.push(makeLine(cur));
        cur = [];
      }
      cur.push(r);
    }
    if (cur.length) lines.push(makeLine(cur));
  }
  // Vertical runs are lines of their own, read right to left.
  const vertical = runs.filter((r) => r.vertical).sort((a, b) => b.box.x0 - a.box.x0 || a.box.y0 - b.box.y0);
  for (const r of vertical) lines.push(makeLine([r]));
  return lines.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

function makeLine(runs: TextRun[]): Line {
  let text = "";
  let prev: TextRun | null = null;
  for (const r of runs) {
    if (prev && needsSpace(prev, r)) text += " ";
    text += r.text;
    prev = r;
  }
  const box: Box = {
    x0: minOf(runs.map((r) => r.box.x0)),
    y0: minOf(runs.map((r) => r.box.y0)),
    x1: maxOf(runs.map((r) => r.box.x1)),
    y1: maxOf(runs.map((r) => r.box.y1)),
  };
  return { text, box, size: maxOf(runs.map((r) => r.size)), vertical: runs[0]!.vertical, runs };
}

/**
 * Joining as the page reads: no space between Japanese characters that touch, a space
 * between Latin words, and a space wherever the gap is wider than a third of an em.
 */
function needsSpace(a: TextRun, b: TextRun): boolean {
  if (/\s$/.test(a.text) || /^\s/.test(b.text)) return false;
  const gap = b.box.x0 - a.box.x1;
  const size = Math.max(a.size, b.size);
  const bothWide = emWidth(lastChar(a.text)) === 1 && emWidth(firstChar(b.text)) === 1;
  return bothWide ? gap > 0.9 * size : gap > 0.15 * size;
}
