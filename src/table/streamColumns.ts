/** Stream tables, step 3: where the columns' edges are (see stream.ts). */
import type { Rule, TextRun } from "../model/page.js";
import { type Band, median, type Span } from "./streamLines.js";
import { maxOf, minOf } from "../bounded.js";

/** An edge is flush when the column's pieces start (or end) within this many ems. */
const FLUSH_EM = 0.1;
/** A number as tables print it (11,433, △5, 12.5%), or a dash for none. */
const NUMBER = /^[\d０-９,，.．%％△▲\-－−―]+$/u;
/** A rule runs along this share of a row or column to count. */
export const RULE_ACROSS = 0.5;

/**
 * Step 3: column edges, from what stays put when the content changes (a table continued on
 * the next page must get the same columns): the common left edge of a flush-left column,
 * the common right edge of a flush-right one, the common centre of a centred one. An edge
 * sits just before a flush-left column or just after a flush-right one; between other
 * columns, halfway between what faces it, kept inside the whitespace. The right edge of a
 * last column that is not flush right mirrors its left edge about the header over it.
 */
export function columnEdges(columns: readonly Span[], body: readonly Band[], header: readonly Band[], vRules: readonly Rule[], size: number): number[] {
  const tol = FLUSH_EM * size;
  const refs = columns.map((c) => {
    const runs = body.flatMap((b) => b.runs.filter((r) => r.box.x0 >= c.x0 && r.box.x1 <= c.x1));
    const spread = (f: (r: TextRun) => number) => maxOf(runs.map(f)) - minOf(runs.map(f));
    const mid = median(runs.map((r) => (r.box.x0 + r.box.x1) / 2));
    // Pieces of one width (12, 13, 14 …) do not show their alignment: they are centred when the
    // header right above stands on the same centre, else numbers are flush right.
    const same = spread((r) => r.box.x0) <= tol && spread((r) => r.box.x1) <= tol;
    const heading = header.flatMap((b) => b.runs).filter((r) => r.box.x0 < c.x1 && r.box.x1 > c.x0);
    const lowest = heading.filter((r) => r.box.y1 >= maxOf(heading.map((h) => h.box.y1)) - tol);
    const underHeading = lowest.length > 0 && Math.abs(mid - (minOf(lowest.map((r) => r.box.x0)) + maxOf(lowest.map((r) => r.box.x1))) / 2) <= tol;
    const right = same ? !underHeading && runs.every((r) => NUMBER.test(r.text)) : spread((r) => r.box.x1) <= tol;
    const left = !same && !right && spread((r) => r.box.x0) <= tol;
    const centre = same ? underHeading : !right && !left && spread((r) => r.box.x0 + r.box.x1) <= 2 * tol;
    // What the column's text shows of its cell, towards the left and towards the right.
    return { left, right, towardsLeft: centre ? mid : c.x0, towardsRight: centre ? mid : c.x1 };
  });
  const pad = 0.25 * size;
  const xs = [columns[0]!.x0 - pad];
  for (let i = 0; i + 1 < columns.length; i++) {
    const l = columns[i]!.x1;
    const r = columns[i + 1]!.x0;
    const p = Math.min(pad, (r - l) / 2);
    const drawn = ruleIn(vRules, l, r, body[0]!.y0, body[body.length - 1]!.y1);
    if (drawn !== null) xs.push(drawn);
    else if (refs[i + 1]!.left) xs.push(r - p);
    else if (refs[i]!.right) xs.push(l + p);
    else xs.push(Math.min(r - p, Math.max(l + p, (refs[i]!.towardsRight + refs[i + 1]!.towardsLeft) / 2)));
  }
  const last = columns[columns.length - 1]!;
  let right = last.x1 + pad;
  const over = header.flatMap((b) => b.runs).filter((r) => r.box.x0 >= xs[xs.length - 1]!);
  if (!refs[refs.length - 1]!.right && over.length) {
    const centre = (minOf(over.map((r) => r.box.x0)) + maxOf(over.map((r) => r.box.x1))) / 2;
    right = Math.max(right - pad, 2 * centre - xs[xs.length - 1]!);
  }
  xs.push(right);
  return xs;
}

/** A vertical rule drawn in the gap [l, r] down most of [top, bottom]: the columns' border. */
function ruleIn(vRules: readonly Rule[], l: number, r: number, top: number, bottom: number): number | null {
  const at = new Map<number, number>();
  for (const v of vRules) {
    if (v.pos < l || v.pos > r) continue;
    const key = Math.round(v.pos);
    at.set(key, (at.get(key) ?? 0) + Math.max(0, Math.min(v.end, bottom) - Math.max(v.start, top)));
  }
  const best = [...at.entries()].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= RULE_ACROSS * (bottom - top) ? vRules.find((v) => Math.round(v.pos) === best[0])!.pos : null;
}
