/**
 * Lattice tables: a cell grid from the page's ruling lines.
 *
 * 1. Rules that cross or touch form connected groups; a group with at least two
 *    horizontal and two vertical rules is a table.
 * 2. Its rule positions, clustered (double borders and lines a hair apart count once),
 *    are the grid's column and row edges.
 * 3. Between two neighbouring grid slots, a missing border means one cell spans both;
 *    slots joined that way become one cell with rowSpan/colSpan.
 * 4. A text run belongs to the cell that contains its centre, so text touching or
 *    crossing a border still lands in its cell.
 */
import { union } from "../pdf/geometry.js";
import type { Box, Rule, TextRun } from "../model/page.js";
import { cellLines, joinParts } from "./text.js";
import { groupsByRoot, rootOf } from "./unionFind.js";
import type { Cell, PageTable } from "./types.js";
import { maxOf, minOf } from "../bounded.js";
import { guard } from "../pdf/limits.js";

/** Rules whose ends come this close (points) meet. */
const TOUCH = 2;
/** Grid lines closer than this (points) are one line (double borders, rounding). */
const MERGE_LINES = 3;
/** A border counts as drawn when rules cover this share of its length. */
const BORDER_COVERED = 0.5;

export function latticeTables(page: number, rules: readonly Rule[], runs: readonly TextRun[]): PageTable[] {
  const tables: PageTable[] = [];
  for (const group of connectedGroups(anchored(rules))) {
    const h = group.filter((r) => r.axis === "h");
    const v = group.filter((r) => r.axis === "v");
    if (h.length < 2 || v.length < 2) continue;
    // Column edges from the verticals, plus where the horizontals end (open-sided tables).
    const xs = clusterPositions([...v.map((r) => r.pos), minOf(h.map((r) => r.start)), maxOf(h.map((r) => r.end))]);
    const ys = clusterPositions([...h.map((r) => r.pos), minOf(v.map((r) => r.start)), maxOf(v.map((r) => r.end))]);
    if (xs.length < 2 || ys.length < 2) continue;
    // A grid past the budget of cells (src/pdf/limits.ts) is no table a publication prints.
    if ((xs.length - 1) * (ys.length - 1) > guard().limits.tableCells) continue;
    const cells = buildCells(page, xs, ys, h, v, runs);
    if (cells.length < 2) continue; // a frame around one box is not a table
    tables.push({
      page,
      box: { x0: xs[0]!, y0: ys[0]!, x1: xs[xs.length - 1]!, y1: ys[ys.length - 1]! },
      xs,
      ys,
      rows: ys.length - 1,
      cols: xs.length - 1,
      cells,
    });
  }
  return tables.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

/**
 * The rules that can be cell borders. Each end of a border either meets a crossing rule
 * or is the table's outer edge (no crossing rule lies beyond it): open-sided tables and
 * a merged cell left open at a page break keep their lines. A hyperlink's underline or a
 * strike-through stops inside a row, with crossing rules still beyond it, and goes.
 */
function anchored(rules: readonly Rule[]): Rule[] {
  const h = rules.filter((r) => r.axis === "h");
  const v = rules.filter((r) => r.axis === "v");
  return [...h.filter((r) => keepsEnds(r, v)), ...v.filter((r) => keepsEnds(r, h))];
}

// The helpers below are module functions, not closures made on each call: V8 holds a
// closure's optimised code only while some copy of the closure lives, so code made per
// page would be compiled again after most full garbage collections.

/** A crossing rule `o` spans the position of `r`. */
const within = (r: Rule, o: Rule): boolean => r.pos >= o.start - TOUCH && r.pos <= o.end + TOUCH;

/** The end of `r` at `end` (going in `dir`) meets a crossing rule, or no crossing rule lies beyond it. */
function endHolds(r: Rule, end: number, dir: 1 | -1, others: readonly Rule[]): boolean {
  let beyond = false;
  for (const o of others) {
    if (!within(r, o)) continue;
    if (Math.abs(o.pos - end) <= TOUCH + o.thickness) return true;
    if (dir > 0 ? o.pos > end + TOUCH : o.pos < end - TOUCH) beyond = true;
  }
  return !beyond;
}

const keepsEnds = (r: Rule, others: readonly Rule[]): boolean => endHolds(r, r.start, -1, others) && endHolds(r, r.end, 1, others);

/** Groups of rules connected by crossing or touching (union-find), each in the rules' order. */
function connectedGroups(rules: readonly Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  for (let i = 0; i < rules.length; i++) {
    const a = rules[i]!;
    if (a.axis !== "h") continue;
    for (let j = 0; j < rules.length; j++) {
      const b = rules[j]!;
      if (b.axis !== "v") continue;
      if (b.pos >= a.start - TOUCH && b.pos <= a.end + TOUCH && a.pos >= b.start - TOUCH && a.pos <= b.end + TOUCH) {
        parent[rootOf(parent, i)] = rootOf(parent, j);
      }
    }
  }
  return groupsByRoot(rules, parent);
}

function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1]! < MERGE_LINES) last.push(x);
    else out.push([x]);
  }
  return out.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

/** The rules on a grid line (within MERGE_LINES of `pos`), in order of where they start. */
function rulesOn(rules: readonly Rule[], pos: number): Rule[] {
  return rules.filter((r) => Math.abs(r.pos - pos) < MERGE_LINES).sort((a, b) => a.start - b.start);
}

/** Share of [from, to] covered by a grid line's rules (as rulesOn gives them). */
function coverage(on: readonly Rule[], from: number, to: number): number {
  let covered = 0;
  let reach = from;
  for (const r of on) {
    const a = Math.max(r.start, from);
    const b = Math.min(r.end, to);
    if (b <= a || b <= reach) continue;
    covered += b - Math.max(a, reach);
    reach = b;
  }
  return to > from ? covered / (to - from) : 0;
}

function buildCells(
  page: number,
  gridXs: readonly number[],
  gridYs: readonly number[],
  h: readonly Rule[],
  v: readonly Rule[],
  runs: readonly TextRun[],
): Cell[] {
  // As typed arrays: the grid lines come as arrays of small integers or of fractions
  // (V8 stores the two kinds differently), and code optimised for one kind was thrown
  // away and compiled again for the other, page after page.
  const xs = Float64Array.from(gridXs);
  const ys = Float64Array.from(gridYs);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Slot (r, c) is number r * cols + c.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const hOn = Array.from(ys, (y) => rulesOn(h, y));
  const vOn = Array.from(xs, (x) => rulesOn(v, x));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const at = r * cols + c;
      // No border to the right: the slot and its right neighbour are one cell.
      if (c + 1 < cols && coverage(vOn[c + 1]!, ys[r]!, ys[r + 1]!) < BORDER_COVERED) parent[rootOf(parent, at + 1)] = rootOf(parent, at);
      // No border below: the slot and the one under it are one cell.
      if (r + 1 < rows && coverage(hOn[r + 1]!, xs[c]!, xs[c + 1]!) < BORDER_COVERED) parent[rootOf(parent, at + cols)] = rootOf(parent, at);
    }
  }
  // Each group of slots → one cell spanning their rectangle; a group that is no rectangle
  // (a section's label row joined to an unruled strip under its first column: an L) is cut
  // into rectangles, row by row from its top left.
  const rects = rectangles(parent, rows, cols);
  const cellOf = new Int32Array(rows * cols);
  const cells: Cell[] = [];
  const texts: TextRun[][] = [];
  for (const s of rects) {
    for (let r = s.r0; r <= s.r1; r++) for (let c = s.c0; c <= s.c1; c++) cellOf[r * cols + c] = cells.length;
    const box: Box = { x0: xs[s.c0]!, y0: ys[s.r0]!, x1: xs[s.c1 + 1]!, y1: ys[s.r1 + 1]! };
    cells.push({ row: s.r0, col: s.c0, rowSpan: s.r1 - s.r0 + 1, colSpan: s.c1 - s.c0 + 1, text: "", lines: [], box, page });
    texts.push([]);
  }
  for (const run of runs) {
    const cx = (run.box.x0 + run.box.x1) / 2;
    const cy = (run.box.y0 + run.box.y1) / 2;
    const c = slot(xs, cx);
    const r = slot(ys, cy);
    if (c < 0 || r < 0) continue;
    texts[cellOf[r * cols + c]!]!.push(run);
  }
  cells.forEach((cell, i) => {
    cell.lines = cellLines(texts[i]!);
    cell.text = joinParts(cell.lines);
    if (texts[i]!.length) cell.textBox = texts[i]!.map((r) => r.box).reduce(union);
    const top = cell.row === 0 && coverage(hOn[0]!, cell.box.x0, cell.box.x1) < BORDER_COVERED;
    const bottom = cell.row + cell.rowSpan === rows && coverage(hOn[rows]!, cell.box.x0, cell.box.x1) < BORDER_COVERED;
    if (top) cell.openTop = true;
    if (bottom) cell.openBottom = true;
  });
  return cells;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * The cells of a grid whose slots are joined into groups (union-find `parent`, slot r·cols+c):
 * each group's rectangle, in reading order; a group that does not fill its bounding
 * rectangle is cut into rectangles — from its first free slot, as far right as the group
 * goes, then as far down as whole rows of that width go.
 */
function rectangles(parent: number[], rows: number, cols: number): Rect[] {
  const bounds = new Map<number, Rect & { slots: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = rootOf(parent, r * cols + c);
      const b = bounds.get(root);
      if (!b) bounds.set(root, { r0: r, c0: c, r1: r, c1: c, slots: 1 });
      else {
        b.r0 = Math.min(b.r0, r);
        b.c0 = Math.min(b.c0, c);
        b.r1 = Math.max(b.r1, r);
        b.c1 = Math.max(b.c1, c);
        b.slots++;
      }
    }
  }
  const out: Rect[] = [];
  const taken = new Uint8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken[r * cols + c]) continue;
      const root = rootOf(parent, r * cols + c);
      const b = bounds.get(root)!;
      let rect: Rect;
      if (b.slots === (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1)) rect = { r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1 };
      else {
        const free = (rr: number, cc: number) => !taken[rr * cols + cc] && rootOf(parent, rr * cols + cc) === root;
        let c1 = c;
        while (c1 + 1 < cols && free(r, c1 + 1)) c1++;
        let r1 = r;
        while (r1 + 1 < rows && Array.from({ length: c1 - c + 1 }, (_, k) => free(r1 + 1, c + k)).every(Boolean)) r1++;
        rect = { r0: r, c0: c, r1, c1 };
      }
      for (let rr = rect.r0; rr <= rect.r1; rr++) for (let cc = rect.c0; cc <= rect.c1; cc++) taken[rr * cols + cc] = 1;
      out.push(rect);
    }
  }
  return out;
}

/** Index of the grid slot containing v (edges[i] ≤ v < edges[i+1]), or -1 outside. */
function slot(edges: Float64Array, v: number): number {
  if (v < edges[0]! || v > edges[edges.length - 1]!) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
