/**
 * Stream tables: tables printed without ruling lines ("Excel without gridlines", a Word
 * table without borders), read from where the text stands.
 *
 * 1. Region. The page's printed lines (bands of runs on one baseline) are read top to
 *    bottom. A region starts at a line that whitespace splits into pieces and goes on while
 *    each line keeps to the whitespace columns seen so far. A line that runs across a gap
 *    (a paragraph, a note), a split line set apart (or after a list) whose gaps line up
 *    with no other line's, a lone line in smaller or larger type, or a wide vertical gap not
 *    followed by a line that goes on with the columns ends it.
 * 2. Header and body. The body starts at the first line holding a short number-like piece
 *    (1, 11,433, －, ①); the lines above it, cut at their widest vertical gap, are the header.
 * 3. Columns: the whitespace that runs down through the whole body. A column's edge is put
 *    where its alignment says the cell ends (flush left, flush right, or halfway across the
 *    gap), so a table continued on the next page gets the same columns.
 * 4. Header cells: lines stacked in one header cell are one text; a header over several
 *    columns spans them, and what is printed under it makes the next header row, so the
 *    columns get paths as in lattice tables (目標(労働力確保) / 雇用・就業者数).
 * 5. Rows: the lines of a wrapped cell follow each other at the line pitch, so a row ends
 *    where no column goes on into the next line. A horizontal rule also ends a row (a column
 *    the rule leaves out spans both rows). Where rows are printed with no space between
 *    them, an always-filled key column (整理番号, No.) starts each row.
 * 6. Not a table: fewer than two columns or two rows of two filled cells, a list (a
 *    column of bullets or numbers beside one column of text), a body mostly empty (the
 *    boxes of a diagram), or letters spaced out one by one (a cover's 厚 生 労 働 省).
 */
import { baselineBands } from "../layout/lines.js";
import type { Box, Rule, TextRun } from "../pdf/types.js";
import { emWidth } from "../text/repair.js";
import { cellLines, joinParts } from "./text.js";
import type { Cell, PageTable } from "./types.js";

/** Narrowest whitespace between two columns, in ems. */
const MIN_GAP_EM = 0.25;
/** After a vertical gap wider than this many ems, only a line that goes on with the columns continues a region. */
const WIDE_GAP_EM = 2.5;
/** A vertical gap wider than this many ems between two lines ends a region. */
const MAX_GAP_EM = 8;
/** A lone line in type this much smaller or larger than all of the table's is not part of it (a footnote, a heading). */
const SIZE_CHANGE = 0.2;
/** Two lines of one cell are at most this many line pitches apart. */
const PITCH_SLACK = 1.35;
/** Lines of one header cell: vertical gap at most this many ems. */
const HEADER_STACK_EM = 0.6;
/** A table fills at least this share of its body cells. */
const MIN_FILLED = 0.5;
/** An entry this short (characters) is a value or a label, not a line of running text. */
const SHORT = 12;
/** A header has at most this many printed lines (the sample's two header rows print ten). */
const MAX_HEADER_LINES = 16;
/** An edge is flush when the column's pieces start (or end) within this many ems. */
const FLUSH_EM = 0.1;
/** A horizontal rule ends a row when it runs under this share of the table's width. */
const RULE_ACROSS = 0.5;
/** The first piece of a body line: a number, a dash for "none", a circled number. */
const DATA_START = /^[\d０-９①-⑳△▲－―−-]/u;
/** A number as tables print it (11,433, △5, 12.5%), or a dash for none. */
const NUMBER = /^[\d０-９,，.．%％△▲\-－−―]+$/u;
/** A key column holds only short numbers or markers: 1, 12, ①, (3). */
const KEY = /^[(（]?[\d０-９①-⑳]{1,4}[)）.．]?$/u;
/** The unit note over a table: （単位：千円）. */
const UNIT_NOTE = /^[（(]?\s*単位\s*[:：]/u;
/** List markers: a column of these beside one text column is a list, not a table. */
const MARKER = /^(?:[・•●○◎◆◇■□▪▫▶►▷➢➤✓✔\-–—]|[※＊*][\d０-９]{0,2}|[(（]?[\d０-９①-⑳a-zａ-ｚA-ZＡ-Ｚ一二三四五六七八九十]{1,2}[)）.．、]?|[①-⑳])$/u;

interface Band {
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

interface Span {
  x0: number;
  x1: number;
}

/**
 * The stream tables of a page. `taken` are the areas already read as ruled tables: text in
 * them is left alone. `rules` end rows where a table has horizontal rules but no grid.
 */
export function streamTables(page: number, runs: readonly TextRun[], rules: readonly Rule[], taken: readonly Box[] = []): PageTable[] {
  const free = runs.filter((r) => r.text.trim() !== "" && !taken.some((b) => inside(b, r.box)));
  const bands = baselineBands(free).map(toBand);
  bands.forEach((b, i) => {
    const beside = [bands[i - 1], bands[i + 1]].filter((o): o is Band => o !== undefined && o.y0 < b.y1 && b.y0 < o.y1);
    b.row = [...b.runs, ...beside.flatMap((o) => o.runs)];
  });
  const tables: PageTable[] = [];
  for (const region of regions(bands)) {
    const t = readRegion(page, region, rules);
    if (t) tables.push(t);
  }
  return tables;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

function inside(b: Box, r: Box): boolean {
  const cx = (r.x0 + r.x1) / 2;
  const cy = (r.y0 + r.y1) / 2;
  return cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1;
}

function toBand(runs: TextRun[]): Band {
  runs.sort((a, b) => a.box.x0 - b.box.x0);
  const y0 = Math.min(...runs.map((r) => r.box.y0));
  const y1 = Math.max(...runs.map((r) => r.box.y1));
  return { runs, row: runs, y0, y1, cy: (y0 + y1) / 2, size: median(runs.map((r) => r.size)) };
}

/** The x-intervals covered by runs, pieces closer than minGap joined. */
function covered(runs: readonly TextRun[], minGap: number): Span[] {
  const spans: Span[] = [];
  for (const r of [...runs].sort((a, b) => a.box.x0 - b.box.x0)) {
    const last = spans[spans.length - 1];
    if (last && r.box.x0 - last.x1 < minGap) last.x1 = Math.max(last.x1, r.box.x1);
    else spans.push({ x0: r.box.x0, x1: r.box.x1 });
  }
  return spans;
}

/** The whitespace between covered intervals. */
function gaps(spans: readonly Span[]): Span[] {
  return spans.slice(1).map((s, i) => ({ x0: spans[i]!.x1, x1: s.x0 }));
}

const gapsOf = (b: Band) => gaps(covered(b.row, MIN_GAP_EM * b.size));
const isSplit = (b: Band) => gapsOf(b).length > 0;

/**
 * Step 1: runs of consecutive lines that keep to one set of whitespace columns, each with
 * the header lines printed close above its first split line.
 */
function regions(bands: readonly Band[]): Band[][] {
  const out: [number, number][] = [];
  let start = -1;
  bands.forEach((b, i) => {
    if (start >= 0 && fits(bands.slice(start, i), b)) return;
    if (start >= 0) out.push([start, i]);
    start = isSplit(b) ? i : -1;
  });
  if (start >= 0) out.push([start, bands.length]);
  return out.map(([from, to], k) => {
    // Header lines above the first split line: close above it, within the columns (a title
    // or a paragraph runs across them), and not the unit note printed over the table.
    const floor = k > 0 ? out[k - 1]![1] : 0;
    while (from > floor) {
      const above = bands[from - 1]!;
      const size = bands[from]!.size;
      if (bands[from]!.y0 - above.y1 > HEADER_STACK_EM * size || UNIT_NOTE.test(above.runs.map((r) => r.text).join(""))) break;
      if (!fits(bands.slice(from, to), above, true)) break;
      from--;
    }
    return bands.slice(from, to);
  });
}

/**
 * Does line b keep to the region's columns? After a wide vertical gap it must be a split line
 * lined up with the region's, it must not come alone in smaller or larger type than the
 * region's, nor run across a gap between columns
 * that lines of the region print text on both sides of (two such lines once the region has
 * two split lines, one before). `above`: b is a candidate header line above the region.
 */
function fits(region: readonly Band[], b: Band, above = false): boolean {
  const size = median(region.map((x) => x.size));
  const next = above ? region[0]! : b;
  const prev = above ? b : region[region.length - 1]!;
  const gap = next.y0 - prev.y1;
  if (gap > MAX_GAP_EM * size) return false;
  const sizes = region.flatMap((x) => x.runs.map((r) => r.size));
  const lone = covered(b.runs, MIN_GAP_EM * b.size).length === 1;
  if (lone && (b.size < (1 - SIZE_CHANGE) * Math.min(...sizes) || b.size > (1 + SIZE_CHANGE) * Math.max(...sizes))) return false;
  const needed = region.filter(isSplit).length >= 2 ? 2 : 1;
  // A split line whose whitespace lines up with no other line's starts another layout when
  // it comes after some space or after a list ("例：" and a sentence, bullets, then a table).
  const own = gapsOf(b);
  const columns = covered(region.flatMap((x) => x.runs), MIN_GAP_EM * size);
  const apart = gap > size || isList(columns, region);
  const shares = own.length > 0 && region.some((x) => gapsOf(x).some((h) => own.some((g) => g.x0 < h.x1 && h.x0 < g.x1)));
  if (!above && apart && own.length && !shares) return false;
  // After a wide vertical gap only a line that goes on with the columns (the next row below
  // a tall row's blank space) is still the table.
  if (gap > WIDE_GAP_EM * size && !shares) return false;
  const holes = gaps(columns).filter(
    (h) => region.filter((x) => x.runs.some((r) => r.box.x1 <= h.x0) && x.runs.some((r) => r.box.x0 >= h.x1)).length >= needed,
  );
  const across = (r: TextRun) => holes.filter((h) => r.box.x0 < h.x0 && r.box.x1 > h.x1).length;
  const crossing = b.runs.filter((r) => across(r) > 0);
  // A row whose two neighbouring cells print as one piece of text (令和5年10月1日生活環境部):
  // one gap crossed by one run, the rest of the line in its columns. Read by splitting it.
  return crossing.length === 0 || (crossing.length === 1 && across(crossing[0]!) === 1 && b.runs.length >= 3);
}

/** Steps 2–6 for one region: the table it holds, or null. */
function readRegion(page: number, region: readonly Band[], rules: readonly Rule[]): PageTable | null {
  const split = splitHeader(region);
  const header = split.header;
  if (split.body.length < 2) return null;
  const size = median(split.body.map((b) => b.size));
  const body = unbridge(split.body, size);
  const columns = covered(body.flatMap((b) => b.runs), MIN_GAP_EM * size);
  if (columns.length < 2) return null;
  const atomsOf = (b: Band) => columns.map((c) => b.runs.filter((r) => r.box.x0 >= c.x0 && r.box.x1 <= c.x1));
  const xs = columnEdges(columns, body, header, rules.filter((r) => r.axis === "v"), size);
  if (isList(columns, body)) return null;

  const records = groupRows(body, columns, atomsOf, size, rules.filter((r) => r.axis === "h"), xs);
  const filled = records.filter((rec) => columns.filter((_, c) => rec.bands.some((b) => atomsOf(b)[c]!.length)).length >= 2);
  if (records.length < 2 || filled.length < 2) return null;

  const headerBottom = header.length ? Math.max(...header.map((b) => b.y1)) : null;
  const top = headerBottom === null ? body[0]!.y0 - 0.25 * size : (headerBottom + body[0]!.y0) / 2;
  const head = headerCells(page, header, xs, top, size);
  const ys = [...head.ys, top];
  records.forEach((rec, i) => {
    const next = records[i + 1];
    const last = rec.bands[rec.bands.length - 1]!;
    ys.push(next ? (last.y1 + next.bands[0]!.y0) / 2 : last.y1 + 0.25 * size);
  });
  const h = head.rows;
  const cells: Cell[] = [...head.cells];
  columns.forEach((_, c) => {
    let r = 0;
    while (r < records.length) {
      // A cell goes on over the next row where a rule between them leaves this column out.
      let end = r;
      while (end + 1 < records.length && records[end]!.openBelow.has(c)) end++;
      const runs = records.slice(r, end + 1).flatMap((rec) => rec.bands.flatMap((b) => atomsOf(b)[c]!));
      const lines = cellLines(runs);
      cells.push({
        row: h + r,
        col: c,
        rowSpan: end - r + 1,
        colSpan: 1,
        text: joinParts(lines),
        lines,
        box: { x0: xs[c]!, y0: ys[h + r]!, x1: xs[c + 1]!, y1: ys[h + end + 1]! },
        page,
      });
      r = end + 1;
    }
  });
  // Mostly empty (boxes of a diagram) or letter-spaced display text (厚 生 労 働 省): no table.
  const bodyCells = cells.filter((c) => c.row >= h);
  if (bodyCells.filter((c) => c.text !== "").length < MIN_FILLED * bodyCells.length) return null;
  if (bodyCells.every((c) => [...c.text].length <= 1)) return null;
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    page,
    box: { x0: xs[0]!, y0: ys[0]!, x1: xs[xs.length - 1]!, y1: ys[ys.length - 1]! },
    xs,
    ys,
    rows: ys.length - 1,
    cols: columns.length,
    cells,
  };
}

/**
 * Two cells printed as one run (neighbouring cells whose texts touch, drawn one after the
 * other: 令和5年10月1日生活環境部): where other lines print a column gap inside a run, and
 * more of them print the gap than print text there, the run is cut at the character
 * nearest the gap (character positions estimated from their widths).
 */
function unbridge(body: readonly Band[], size: number): Band[] {
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

/** Step 2: header lines above the first line with a number-like piece, cut at the widest gap. */
function splitHeader(region: readonly Band[]): { header: Band[]; body: Band[] } {
  const first = region.findIndex((b) => b.runs.some((r) => DATA_START.test(r.text) && [...r.text].length <= SHORT));
  if (first <= 0) return { header: [], body: [...region] };
  let cut = first;
  let widest = -Infinity;
  for (let i = 1; i <= first; i++) {
    const gap = region[i]!.y0 - region[i - 1]!.y1;
    if (gap >= widest) {
      widest = gap;
      cut = i;
    }
  }
  // More lines than a header has: the region opens with rows that hold no number.
  if (cut > MAX_HEADER_LINES) return { header: [], body: [...region] };
  return { header: region.slice(0, cut), body: region.slice(cut) };
}

/**
 * Step 3: column edges, from what stays put when the content changes (a table continued on
 * the next page must get the same columns): the common left edge of a flush-left column,
 * the common right edge of a flush-right one, the common centre of a centred one. An edge
 * sits just before a flush-left column or just after a flush-right one; between other
 * columns, halfway between what faces it, kept inside the whitespace. The right edge of a
 * last column that is not flush right mirrors its left edge about the header over it.
 */
function columnEdges(columns: readonly Span[], body: readonly Band[], header: readonly Band[], vRules: readonly Rule[], size: number): number[] {
  const tol = FLUSH_EM * size;
  const refs = columns.map((c) => {
    const runs = body.flatMap((b) => b.runs.filter((r) => r.box.x0 >= c.x0 && r.box.x1 <= c.x1));
    const spread = (f: (r: TextRun) => number) => Math.max(...runs.map(f)) - Math.min(...runs.map(f));
    const mid = median(runs.map((r) => (r.box.x0 + r.box.x1) / 2));
    // Pieces of one width (12, 13, 14 …) do not show their alignment: they are centred when the
    // header right above stands on the same centre, else numbers are flush right.
    const same = spread((r) => r.box.x0) <= tol && spread((r) => r.box.x1) <= tol;
    const heading = header.flatMap((b) => b.runs).filter((r) => r.box.x0 < c.x1 && r.box.x1 > c.x0);
    const lowest = heading.filter((r) => r.box.y1 >= Math.max(...heading.map((h) => h.box.y1)) - tol);
    const underHeading = lowest.length > 0 && Math.abs(mid - (Math.min(...lowest.map((r) => r.box.x0)) + Math.max(...lowest.map((r) => r.box.x1))) / 2) <= tol;
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
    const centre = (Math.min(...over.map((r) => r.box.x0)) + Math.max(...over.map((r) => r.box.x1))) / 2;
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

/** A column of list markers (・, ①, 1.) beside a single column of text is a list. */
function isList(columns: readonly Span[], body: readonly Band[]): boolean {
  if (columns.length !== 2) return false;
  const first = body.flatMap((b) => b.runs.filter((r) => r.box.x1 <= columns[0]!.x1));
  return first.every((r) => MARKER.test(r.text.trim()));
}

interface RowGroup {
  bands: Band[];
  /** Columns whose cell goes on into the next row (no rule under them). */
  openBelow: Set<number>;
}

/** Step 5: body lines → rows. */
function groupRows(
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
function headerCells(
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
  const levels = Math.max(1, ...depth.map((d) => d + 1));
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
  const top = Math.min(...header.map((b) => b.y0)) - 0.25 * size;
  const ys = [top];
  for (let d = 1; d < levels; d++) {
    const above = Math.max(...blocks.filter((_, i) => depth[i] === d - 1).map((b) => b.y1));
    const below = Math.min(...blocks.filter((_, i) => depth[i] === d).map((b) => b.y0));
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
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  runs.forEach((a, i) =>
    runs.forEach((b, j) => {
      if (j <= i) return;
      const across = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0) > 0;
      const down = Math.max(a.box.y0, b.box.y0) - Math.min(a.box.y1, b.box.y1) <= HEADER_STACK_EM * size;
      if (across && down) parent[find(j)] = find(i);
    }),
  );
  const groups = new Map<number, TextRun[]>();
  runs.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  return [...groups.values()].map(blockOf);
}

function blockOf(runs: TextRun[]): HeaderBlock {
  return {
    runs,
    x0: Math.min(...runs.map((r) => r.box.x0)),
    x1: Math.max(...runs.map((r) => r.box.x1)),
    y0: Math.min(...runs.map((r) => r.box.y0)),
    y1: Math.max(...runs.map((r) => r.box.y1)),
    c0: 0,
    c1: 0,
  };
}

/** The columns a block covers: those it overlaps by half the narrower width, else the most overlapped. */
function place(b: HeaderBlock, xs: readonly number[]): HeaderBlock {
  const overlap = xs.slice(1).map((x1, c) => Math.max(0, Math.min(b.x1, x1) - Math.max(b.x0, xs[c]!)));
  const hit = overlap.map((o, c) => o > 0 && o >= 0.5 * Math.min(b.x1 - b.x0, xs[c + 1]! - xs[c]!));
  const cols = hit.map((h, c) => (h ? c : -1)).filter((c) => c >= 0);
  const best = overlap.indexOf(Math.max(...overlap));
  return { ...b, c0: cols.length ? cols[0]! : best, c1: cols.length ? cols[cols.length - 1]! : best };
}
