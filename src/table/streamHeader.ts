/** Stream tables, step 4: the header rows, with spans and column paths (see stream.ts). */
import type { Box, TextRun } from "../model/page.js";
import { cellLines, joinParts } from "./text.js";
import { groupsByRoot, rootOf } from "./unionFind.js";
import type { Cell } from "./types.js";
import type { Band } from "./streamLines.js";
import { maxOf, minOf } from "../bounded.js";

/** Lines of one header cell: vertical gap at most this many ems. */
export const HEADER_STACK_EM = 0.6;

interface HeaderBlock {
  runs: TextRun[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  c0: number;
  c1: number;
}

/**
 * Step 4: the header rows. Stacked lines of one header cell make a block; a block covers
 * the columns it overlaps by half of the narrower of the two; blocks stacked in one column
 * make its path, one header row per level.
 */
export function headerCells(
  page: number,
  header: readonly Band[],
  xs: readonly number[],
  bottom: number,
  size: number,
): { rows: number; ys: number[]; cells: Cell[] } {
  const cols = xs.length - 1;
  if (header.length === 0) return { rows: 0, ys: [], cells: [] };
  let blocks = stack(header.flatMap((b) => b.runs), size).map((b) => place(b, xs));
  // Two blocks over one column side by side or overlapping in height are one cell.
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const a = blocks[i]!;
        const b = blocks[j]!;
        if (a.c0 <= b.c1 && b.c0 <= a.c1 && a.y0 < b.y1 && b.y0 < a.y1) {
          blocks.splice(j, 1);
          blocks[i] = place(blockOf([...a.runs, ...b.runs]), xs);
          merged = true;
          break outer;
        }
      }
    }
  }
  blocks = blocks.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  // Depth: how many blocks stand above in the columns a block covers.
  const inColumn = Array.from({ length: cols }, () => 0);
  const depth = blocks.map((b) => {
    let d = 0;
    for (let c = b.c0; c <= b.c1; c++) d = Math.max(d, inColumn[c]!);
    for (let c = b.c0; c <= b.c1; c++) inColumn[c] = d + 1;
    return d;
  });
  const levels = Math.max(1, maxOf(depth.map((d) => d + 1)));
  const slot = Array.from({ length: levels }, () => Array<number>(cols).fill(-1));
  const spans = blocks.map((b, i) => {
    // Down to the next block under it in any of its columns, or the last header row.
    let end = levels;
    blocks.forEach((o, j) => {
      if (depth[j]! > depth[i]! && o.c0 <= b.c1 && b.c0 <= o.c1) end = Math.min(end, depth[j]!);
    });
    for (let r = depth[i]!; r < end; r++) for (let c = b.c0; c <= b.c1; c++) slot[r]![c] = i;
    return end - depth[i]!;
  });
  const top = minOf(header.map((b) => b.y0)) - 0.25 * size;
  const ys = [top];
  for (let d = 1; d < levels; d++) {
    const above = maxOf(blocks.filter((_, i) => depth[i] === d - 1).map((b) => b.y1));
    const below = minOf(blocks.filter((_, i) => depth[i] === d).map((b) => b.y0));
    ys.push((above + below) / 2);
  }
  const cells: Cell[] = [];
  const box = (r0: number, r1: number, c0: number, c1: number): Box => ({ x0: xs[c0]!, y0: ys[r0]!, x1: xs[c1 + 1]!, y1: r1 + 1 < levels ? ys[r1 + 1]! : bottom });
  blocks.forEach((b, i) => {
    const lines = cellLines(b.runs);
    cells.push({ row: depth[i]!, col: b.c0, rowSpan: spans[i]!, colSpan: b.c1 - b.c0 + 1, text: joinParts(lines), lines, box: box(depth[i]!, depth[i]! + spans[i]! - 1, b.c0, b.c1), page });
  });
  // Slots no header text covers: one empty cell per column, down to the next header cell.
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < levels; r++) {
      if (slot[r]![c] !== -1) continue;
      let end = r;
      while (end + 1 < levels && slot[end + 1]![c] === -1) end++;
      cells.push({ row: r, col: c, rowSpan: end - r + 1, colSpan: 1, text: "", lines: [], box: box(r, end, c, c), page });
      for (let k = r; k <= end; k++) slot[k]![c] = -2;
    }
  }
  return { rows: levels, ys, cells };
}

/** Header runs → blocks: runs that overlap across and follow each other down, closely. */
function stack(runs: readonly TextRun[], size: number): HeaderBlock[] {
  const parent = runs.map((_, i) => i);
  runs.forEach((a, i) =>
    runs.forEach((b, j) => {
      if (j <= i) return;
      const across = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0) > 0;
      const down = Math.max(a.box.y0, b.box.y0) - Math.min(a.box.y1, b.box.y1) <= HEADER_STACK_EM * size;
      if (across && down) parent[rootOf(parent, j)] = rootOf(parent, i);
    }),
  );
  return groupsByRoot(runs, parent).map(blockOf);
}

function blockOf(runs: TextRun[]): HeaderBlock {
  return {
    runs,
    x0: minOf(runs.map((r) => r.box.x0)),
    x1: maxOf(runs.map((r) => r.box.x1)),
    y0: minOf(runs.map((r) => r.box.y0)),
    y1: maxOf(runs.map((r) => r.box.y1)),
    c0: 0,
    c1: 0,
  };
}

/** The columns a block covers: those it overlaps by half the narrower width, else the most overlapped. */
function place(b: HeaderBlock, xs: readonly number[]): HeaderBlock {
  const overlap = xs.slice(1).map((x1, c) => Math.max(0, Math.min(b.x1, x1) - Math.max(b.x0, xs[c]!)));
  const hit = overlap.map((o, c) => o > 0 && o >= 0.5 * Math.min(b.x1 - b.x0, xs[c + 1]! - xs[c]!));
  const cols = hit.map((h, c) => (h ? c : -1)).filter((c) => c >= 0);
  const best = overlap.indexOf(maxOf(overlap));
  return { ...b, c0: cols.length ? cols[0]! : best, c1: cols.length ? cols[cols.length - 1]! : best };
}
