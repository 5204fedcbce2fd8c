/**
 * Rows that a ruled table draws no line between. A balance sheet or a profit and loss
 * statement printed by accounting software often rules only its columns, its header and
 * its totals: one grid row then holds a dozen lines of labels beside a dozen amounts. Where
 * two or more columns of a grid row each hold several text lines and one of them is a
 * stack of amounts (two thirds of its lines an amount alone), the row is cut between its
 * lines — as the eye reads it. Rows bound by a cell that spans them (one side of the table
 * rules its rows, the other does not) are read as one.
 *
 * Used on pages read by OCR (src/table/find.ts). The cuts are returned as rules of
 * thickness 0 (drawn nowhere) for the lattice to read
 * with the page's own; a cell whose text wraps in one column only (a long label beside
 * one amount) is not cut.
 */
import type { Rule, TextRun } from "../model/page.js";
import type { PageTable } from "./types.js";

/** How many columns of a grid row must hold several lines for it to be cut. */
const MIN_COLUMNS = 2;
/** A line that is an amount and nothing else: 1,234 · △1,234 · (1,234) · 【1,234】. */
const AMOUNT = /^[\s【(（\[]*[△▲\-－]?[\d０-９]{1,3}(?:[,，][\d０-９]{3})*[\s】)）\]]*$/u;

interface TextLine {
  y0: number;
  y1: number;
}

/** The unseen row borders of a page's ruled tables, as rules of thickness 0 (none when every row is drawn). */
export function textRowCuts(tables: readonly PageTable[], runs: readonly TextRun[]): Rule[] {
  const cuts: Rule[] = [];
  for (const t of tables) {
    if (t.cols < 2) continue;
    const x0 = t.xs[0]!, x1 = t.xs[t.xs.length - 1]!;
    for (const [first, last] of bands(t)) {
      const top = t.ys[first]!, bottom = t.ys[last + 1]!;
      const inRow = runs.filter((run) => {
        const cy = (run.box.y0 + run.box.y1) / 2, cx = (run.box.x0 + run.box.x1) / 2;
        return !run.vertical && cy > top && cy < bottom && cx > x0 && cx < x1;
      });
      if (inRow.length < 2 * MIN_COLUMNS) continue;
      // Lines per column slot; one column must be a stack of amounts, one per line.
      let several = 0;
      let amounts = false;
      for (let c = 0; c + 1 < t.xs.length; c++) {
        const mine = inRow.filter((run) => {
          const cx = (run.box.x0 + run.box.x1) / 2;
          return cx >= t.xs[c]! && cx < t.xs[c + 1]!;
        });
        const lines = linesOf(mine);
        if (lines.length < 2) continue;
        several++;
        // Read by OCR, a stack of amounts has some specks and misreadings in it: two thirds will do.
        const amountLines = mine.filter((run) => AMOUNT.test(run.text)).length;
        if (amountLines >= 2 && amountLines >= (2 / 3) * lines.length) amounts = true;
      }
      if (several < MIN_COLUMNS || !amounts) continue;
      const lines = linesOf(inRow);
      // Between two lines, a row border the band's other side draws is the cut; else the middle of the gap.
      const drawn = t.ys.slice(first + 1, last + 1);
      for (let i = 0; i + 1 < lines.length; i++) {
        const y = drawn.find((d) => d >= lines[i]!.y1 && d <= lines[i + 1]!.y0) ?? (lines[i]!.y1 + lines[i + 1]!.y0) / 2;
        cuts.push({ axis: "h", pos: Math.round(y * 100) / 100, start: x0, end: x1, thickness: 0 });
      }
    }
  }
  return cuts;
}

/**
 * The table's grid rows in bands that no cell crosses: a cell spanning rows (a side of the
 * table ruling its rows where the other side does not — a balance sheet's assets beside its
 * ruled liabilities) binds them into one band, read as one row would be.
 */
function bands(t: PageTable): [number, number][] {
  const reach = Array.from({ length: t.rows }, (_, r) => r);
  for (const c of t.cells) reach[c.row] = Math.max(reach[c.row]!, c.row + c.rowSpan - 1);
  const out: [number, number][] = [];
  for (let r = 0; r < t.rows; ) {
    let last = reach[r]!;
    for (let k = r; k <= last && k < t.rows; k++) last = Math.max(last, reach[k]!);
    last = Math.min(last, t.rows - 1);
    out.push([r, last]);
    r = last + 1;
  }
  return out;
}

/** Runs grouped into lines by their vertical extent (overlapping by half the smaller height: one line), top to bottom. */
function linesOf(runs: readonly TextRun[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1));
  const lines: TextLine[] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    const h = run.box.y1 - run.box.y0;
    if (last && Math.min(last.y1, run.box.y1) - Math.max(last.y0, run.box.y0) >= 0.5 * Math.min(h, last.y1 - last.y0)) {
      last.y0 = Math.min(last.y0, run.box.y0);
      last.y1 = Math.max(last.y1, run.box.y1);
    } else lines.push({ y0: run.box.y0, y1: run.box.y1 });
  }
  return lines;
}
