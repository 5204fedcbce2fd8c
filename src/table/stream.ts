/**
 * Stream tables: tables printed without ruling lines ("Excel without gridlines", a Word
 * table without borders), read from where the text stands.
 *
 * 1. Region. The page's printed lines (bands of runs on one baseline) are read top to
 *    bottom. A region starts at a line that whitespace splits into pieces (lines half a
 *    line apart, as cells centred beside taller ones print, count as one) and goes on while
 *    each line keeps to the whitespace columns seen so far. A line that runs across a gap
 *    (a paragraph, a note), a split line set apart (or after a list) whose gaps line up
 *    with no other line's, a lone line in smaller or larger type, or a wide vertical gap not
 *    followed by a line that goes on with the columns ends it.
 * 2. Header and body. The body starts at the first line holding a short number-like piece
 *    (1, 11,433, －, ①); the lines above it, cut at their widest vertical gap, are the header.
 * 3. Columns: the whitespace that runs down through the whole body (a run holding two
 *    touching cells is cut where the other rows show the gap). A column's edge is a vertical
 *    rule drawn in the gap, or where the alignment says the cell ends (flush left, flush
 *    right, or halfway across the gap), so a table continued on the next page gets the same
 *    columns (streamColumns.ts).
 * 4. Header cells: lines stacked in one header cell are one text; a header over several
 *    columns spans them, and what is printed under it makes the next header row, so the
 *    columns get paths as in lattice tables (目標(労働力確保) / 雇用・就業者数) (streamHeader.ts).
 * 5. Rows: the lines of a wrapped cell follow each other at the line pitch, so a row ends
 *    where no column goes on into the next line. A horizontal rule also ends a row (a column
 *    the rule leaves out spans both rows). Where rows are printed with no space between
 *    them, an always-filled key column (整理番号, No.) starts each row (streamRows.ts).
 * 6. Not a table: fewer than two columns or two rows of two filled cells, a list (a
 *    column of bullets or numbers beside one column of text), a body mostly empty (the
 *    boxes of a diagram), or letters spaced out one by one (a cover's 厚 生 労 働 省).
 */
import { baselineBands } from "../layout/lines.js";
import type { Box, Rule, TextRun } from "../model/page.js";
import { joinLetterSpaced } from "../text/letterSpacing.js";
import { columnEdges } from "./streamColumns.js";
import { HEADER_STACK_EM, headerCells } from "./streamHeader.js";
import { type Band, covered, gaps, gapsOf, isSplit, median, MIN_GAP_EM, SHORT, type Span, toBand, unbridge } from "./streamLines.js";
import { groupRows } from "./streamRows.js";
import { cellLines, joinParts } from "./text.js";
import type { Cell, PageTable } from "./types.js";
import { maxOf, minOf } from "../bounded.js";

/** After a vertical gap wider than this many ems, only a line that goes on with the columns continues a region. */
const WIDE_GAP_EM = 2.5;
/** A vertical gap wider than this many ems between two lines ends a region. */
const MAX_GAP_EM = 8;
/** A lone line in type this much smaller or larger than all of the table's is not part of it (a footnote, a heading). */
const SIZE_CHANGE = 0.2;
/** A table fills at least this share of its body cells. */
const MIN_FILLED = 0.5;
/** A header has at most this many printed lines (the sample's two header rows print ten). */
const MAX_HEADER_LINES = 16;
/** The first piece of a body line: a number, a dash for "none", a circled number. */
const DATA_START = /^[\d０-９①-⑳△▲－―−-]/u;
/** The unit note over a table: （単位：千円）. */
const UNIT_NOTE = /^[（(]?\s*単位\s*[:：]/u;
/** List markers: a column of these beside one text column is a list, not a table. */
const MARKER = /^(?:[・•●○◎◆◇■□▪▫▶►▷➢➤✓✔\-–—]|[※＊*][\d０-９]{0,2}|[(（]?[\d０-９①-⑳a-zａ-ｚA-ZＡ-Ｚ一二三四五六七八九十]{1,2}[)）.．、]?|[①-⑳])$/u;

/**
 * The stream tables of a page. `taken` are the areas already read as ruled tables: text in
 * them is left alone. `rules` end rows where a table has horizontal rules but no grid.
 */
export function streamTables(page: number, runs: readonly TextRun[], rules: readonly Rule[], taken: readonly Box[] = []): PageTable[] {
  const free = joinLetterSpaced(runs.filter((r) => r.text.trim() !== "" && !taken.some((b) => inside(b, r.box))));
  const bands = baselineBands(free).map(toBand);
  bands.forEach((b, i) => {
    const beside = [bands[i - 1], bands[i + 1]].filter((o): o is Band => o !== undefined && o.y0 < b.y1 && b.y0 < o.y1);
    b.row = [...b.runs, ...beside.flatMap((o) => o.runs)];
  });
  const tables: PageTable[] = [];
  for (const group of apartByTaken(bands, taken)) {
    for (const region of regions(group)) {
      const t = readRegion(page, region, rules);
      if (t) tables.push(t);
    }
  }
  return tables;
}

function inside(b: Box, r: Box): boolean {
  const cx = (r.x0 + r.x1) / 2;
  const cy = (r.y0 + r.y1) / 2;
  return cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1;
}

/**
 * Step 1: runs of consecutive lines that keep to one set of whitespace columns, each with
 * the header lines printed close above its first split line.
 */
/**
 * The lines in groups a ruled table parts: no stream table reaches across one. The captions
 * of a budget book's ruled tables (款 14. 使用料及び手数料 項 1. 使用料 over each) line up
 * from table to table, and would otherwise read as a table of their own around them.
 */
function apartByTaken(bands: Band[], taken: readonly Box[]): Band[][] {
  if (!taken.length) return [bands];
  const groups: Band[][] = [[]];
  bands.forEach((b, i) => {
    const above = bands[i - 1];
    if (above) {
      const x0 = Math.min(above.runs[0]!.box.x0, b.runs[0]!.box.x0);
      const x1 = Math.max(above.runs[above.runs.length - 1]!.box.x1, b.runs[b.runs.length - 1]!.box.x1);
      if (taken.some((t) => t.y0 >= above.y1 - 1 && t.y1 <= b.y0 + 1 && t.x0 < x1 && x0 < t.x1)) groups.push([]);
    }
    groups[groups.length - 1]!.push(b);
  });
  return groups;
}

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
  if (lone && (b.size < (1 - SIZE_CHANGE) * minOf(sizes) || b.size > (1 + SIZE_CHANGE) * maxOf(sizes))) return false;
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
  if (isList(columns, body) || isContents(columns, body)) return null;

  const records = groupRows(body, columns, atomsOf, size, rules.filter((r) => r.axis === "h"), xs);
  const filled = records.filter((rec) => columns.filter((_, c) => rec.bands.some((b) => atomsOf(b)[c]!.length)).length >= 2);
  if (records.length < 2 || filled.length < 2) return null;

  const headerBottom = header.length ? maxOf(header.map((b) => b.y1)) : null;
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

/** A page reference closing a contents entry: P.12, p.3～5, 12頁, ……12. */
const PAGE_REF = /^(?:[PpＰｐ][.．]? ?[\d０-９]{1,3}(?: ?[-～~－] ?[\d０-９]{1,3})?|[\d０-９]{1,3} ?頁|[…‥・.．]{2,} ?[\d０-９]{1,3})$/u;

/** A bare page number after an entry's title and its leader dots (１ 趣旨 ・・・・・  1). */
const BARE_PAGE = /^[\d０-９]{1,3}$/u;
const LEADERS_END = /[…‥・.．]{3,}$/u;
const LEADER = /[…‥・.．\s]/gu;

/** A table of contents: every line ends in a page reference in the last column (目次 entries, not a table). */
function isContents(columns: readonly Span[], body: readonly Band[]): boolean {
  const last = columns[columns.length - 1]!;
  return body.every((b) => {
    const text = b.runs.filter((r) => r.box.x0 >= last.x0 - 1).map((r) => r.text.trim()).join("");
    if (PAGE_REF.test(text)) return true;
    // The leaders end the piece just before the number (not "…" cells, not available, adding up)
    // and follow a title.
    const before = b.runs.filter((r) => r.box.x0 < last.x0 - 1).sort((p, q) => p.box.x0 - q.box.x0);
    const nearest = before[before.length - 1]?.text.trim() ?? "";
    return BARE_PAGE.test(text) && LEADERS_END.test(nearest) && before.map((r) => r.text).join("").replace(LEADER, "") !== "";
  });
}

/** A column of list markers (・, ①, 1.) beside a single column of text is a list. */
function isList(columns: readonly Span[], body: readonly Band[]): boolean {
  if (columns.length !== 2) return false;
  const first = body.flatMap((b) => b.runs.filter((r) => r.box.x1 <= columns[0]!.x1));
  return first.every((r) => MARKER.test(r.text.trim()));
}
