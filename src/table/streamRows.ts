/** Stream tables, step 5: body lines grouped into rows (see stream.ts). */
import type { Rule, TextRun } from "../model/page.js";
import { RULE_ACROSS } from "./streamColumns.js";
import { type Band, SHORT, type Span } from "./streamLines.js";

/** Two lines of one cell are at most this many line pitches apart. */
const PITCH_SLACK = 1.35;
/** A key column holds only short numbers or markers: 1, 12, ①, (3). */
const KEY = /^[(（]?[\d０-９①-⑳⑴-⒇]{1,4}[)）.．]?$/u;

export interface RowGroup {
  bands: Band[];
  /** Columns whose cell goes on into the next row (no rule under them). */
  openBelow: Set<number>;
}

/** Step 5: body lines → rows. */
export function groupRows(
  body: readonly Band[],
  columns: readonly Span[],
  atomsOf: (b: Band) => TextRun[][],
  size: number,
  hRules: readonly Rule[],
  xs: readonly number[],
): RowGroup[] {
  const filled = body.map((b) => atomsOf(b).map((a) => a.length > 0));
  const n = body.length - 1; // possible cuts: after band i, i < n
  // Each column's next line: consecutive lines of one column, and how far apart they are.
  const pairs = columns.flatMap((_, c) => {
    const at = body.map((_, i) => i).filter((i) => filled[i]![c]);
    return at.slice(1).map((j, k) => ({ from: at[k]!, to: j, step: body[j]!.cy - body[at[k]!]!.cy }));
  });
  // The line pitch: the lower quartile of those steps (the others are steps between rows).
  const steps = pairs.map((p) => p.step).filter((s) => s < 3 * size).sort((a, b) => a - b);
  const pitch = steps[Math.floor((steps.length - 1) / 4)] ?? 1.2 * size;
  // A cell's next line follows within a line pitch: no row ends between them, whatever
  // other columns print in between (a cell centred beside a taller one).
  const bound = Array<boolean>(n).fill(false);
  for (const p of pairs) if (p.step <= PITCH_SLACK * pitch) for (let i = p.from; i < p.to; i++) bound[i] = true;
  const left = xs[0]!;
  const width = xs[xs.length - 1]! - left;
  const ruleAt = Array.from({ length: n }, (_, i) => {
    const on = hRules.filter((r) => r.pos > body[i]!.cy && r.pos < body[i + 1]!.cy);
    const share = (a: number, b: number) => on.reduce((s, r) => s + Math.max(0, Math.min(r.end, b) - Math.max(r.start, a)), 0) / (b - a);
    return share(left, left + width) >= RULE_ACROSS ? share : null;
  });
  const cut = Array.from({ length: n }, (_, i) => ruleAt[i] !== null || !bound[i]);
  if (ruleAt.filter((r) => r !== null).length >= 2) {
    // Rows ruled off: between two rules, a piece that fills one column only (a note under a
    // value, 要件達成) is part of the ruled row, not a row of its own.
    const columnsIn = (from: number, to: number) => columns.filter((_, c) => filled.slice(from, to + 1).some((f) => f[c])).length;
    for (let i = 0; i < n; i++) {
      if (!cut[i] || ruleAt[i] !== null) continue;
      let from = i;
      while (from > 0 && !cut[from - 1]) from--;
      let to = i + 1;
      while (to < n && !cut[to]) to++;
      if (columnsIn(from, i) < 2 || columnsIn(i + 1, to) < 2) cut[i] = false;
    }
  }

  // Rows printed with no space between them: a key column (整理番号) starts each row.
  const key = columns.findIndex((_, c) => {
    const runs = body.flatMap((b) => atomsOf(b)[c]!);
    return runs.length >= 2 && runs.every((r) => KEY.test(r.text.trim()));
  });
  if (key >= 0) {
    const starts = body.map((_, i) => i).filter((i) => filled[i]![key]);
    let tight = false;
    starts.slice(1).forEach((s, k) => {
      const from = starts[k]!;
      if (cut.slice(from, s).some(Boolean)) return;
      tight = true;
      // Cut at the widest gap between the two keys (the latest on a tie: rows aligned to the top).
      const gap = (i: number) => body[i + 1]!.y0 - body[i]!.y1;
      let at = from;
      for (let i = from; i < s; i++) if (gap(i) >= gap(at)) at = i;
      cut[at] = true;
    });
    // Rows without space between them: after the last key, a line that fills two columns or
    // more starts a row (合計).
    if (tight) for (let i = starts[starts.length - 1]!; i < n; i++) if (filled[i + 1]!.filter(Boolean).length >= 2) cut[i] = true;
  } else if (n > 0 && !cut.some(Boolean) && columns.some((_, c) => body.every((b) => atomsOf(b)[c]!.every((r) => [...r.text].length <= SHORT)))) {
    // No space between rows and no key, but a column of short entries (not two columns of
    // running text): a line that fills two columns or more starts a row.
    for (let i = 0; i < n; i++) cut[i] = filled[i + 1]!.filter(Boolean).length >= 2;
  }

  const rows: RowGroup[] = [{ bands: [body[0]!], openBelow: new Set() }];
  for (let i = 0; i < n; i++) {
    const row = rows[rows.length - 1]!;
    if (!cut[i]) {
      row.bands.push(body[i + 1]!);
      continue;
    }
    const share = ruleAt[i];
    if (share) columns.forEach((_, c) => share(xs[c]!, xs[c + 1]!) < RULE_ACROSS && row.openBelow.add(c));
    rows.push({ bands: [body[i + 1]!], openBelow: new Set() });
  }
  return rows;
}
