/**
 * Every table on one page: ruled tables (lattice) first, then stream tables read from the
 * text that no ruled table holds. This is the one entry point the commands and pipelines
 * use, so a new way of finding tables is added here only.
 *
 * A ruled "table" of one column is only rules across (a table with horizontal rules and
 * no column borders): where stream reads columns in it, the stream table replaces it.
 */
import type { Box, Page, TextRun } from "../model/page.js";
import { maxOf, minOf } from "../bounded.js";
import { pageFurniture } from "../layout/furniture.js";
import { guard } from "../pdf/limits.js";
import { latticeTables } from "./lattice.js";
import { panelAreas } from "./panels.js";
import { streamTables } from "./stream.js";
import { textRowCuts } from "./textRows.js";
import { cellLines, joinParts } from "./text.js";
import type { PageTable } from "./types.js";
import { correctionsOn, type PageCorrection } from "./corrections.js";

export interface FindOptions {
  /**
   * Read tables without ruling lines too (default). Pipelines of slide-like pages turn it
   * off: boxes of text laid out in rows and columns read as stream tables there.
   */
  stream?: boolean;
  /**
   * Corrections a reader gives, as Camelot and Tabula take them: only ruled tables
   * ("lattice") or only tables read from the text's alignment ("stream", ruling lines
   * ending rows but never making a grid).
   */
  strategy?: "lattice" | "stream";
  /**
   * Read only what lies inside this area of the page (points, top-left origin): the page
   * cropped. Several areas: each read on its own (several tables on a page, as Tabula's
   * and Camelot's areas).
   */
  area?: Box | readonly Box[];
  /**
   * Column edges given (x positions in points, left to right, inner edges only): the text
   * (of each area, or the page) is read as one table, a row per printed line (overlapping lines one row), a column
   * between each two edges.
   */
  columns?: readonly number[];
  /**
   * Corrections for some pages only (`--area 3:…`, `--columns 2-4:…`): on a page one of
   * them names, its areas and column edges stand in place of `area` and `columns`. A
   * page's column edges are given once (for each of its areas) or once per area, in order.
   */
  byPage?: readonly PageCorrection[];
}

type Found = Pick<Page, "number" | "width" | "height" | "runs" | "rules" | "ocr">;

export function findTables(page: Found, options: FindOptions = {}): PageTable[] {
  // The page number and running title at the head or foot are no table's text (../layout/furniture.ts).
  const furniture = pageFurniture(page);
  const whole = furniture.size ? { ...page, runs: page.runs.filter((r) => !furniture.has(r)) } : page;
  const { areas, columns } = correctionsOn(options, whole.number);
  if (areas.length <= 1) return findIn(areas[0] ? cropped(whole, areas[0]) : whole, columns[0], options);
  return areas
    .flatMap((a, i) => findIn(cropped(whole, a), columns.length === 1 ? columns[0] : columns[i], options))
    .sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

/** The tables of a page (or of an area of it, cropped), read with the given column edges if any. */
function findIn(page: Found, columns: readonly number[] | undefined, options: FindOptions): PageTable[] {
  if (columns?.length) return explicitTable(page, columns);
  if (options.strategy === "stream") {
    return withUnits(streamTables(page.number, page.runs, page.rules, []).map((t) => ({ ...t, kind: "stream" as const })), page.runs);
  }
  // Tables printed side by side in one frame (./panels.ts) are read one by one, each from
  // the page cut to its panel.
  const grid = ruledTables(page).flatMap((t) => {
    const areas = panelAreas(t);
    if (!areas) return [t];
    const panels = areas.map((a) => ruledTables(panelOf(page, a)).filter((p) => p.cols > 1 && inArea(p.box, a)));
    return panels.every((p) => p.length > 0) ? panels.flatMap((p, i) => p.map((pt) => ({ ...pt, panel: i }))) : [t];
  });
  const ruled = grid.map((t) => ({ ...t, kind: "lattice" as const }));
  // Stream tables from more text runs than the budget (src/pdf/limits.ts streamRuns, 28
  // times the most measured on a real page): reading columns from them takes time that
  // grows faster than their number (42,120 short numbers on a page: 24 s of CPU).
  if (options.stream === false || options.strategy === "lattice" || page.runs.length > guard().limits.streamRuns) return ruled;
  const grids = ruled.filter((t) => t.cols > 1);
  const stream = streamTables(page.number, page.runs, page.rules, grids.map((t) => withCaptionArea(t.box, page.runs))).map((t) => ({ ...t, kind: "stream" as const }));
  const across = ruled.filter((t) => t.cols === 1 && !stream.some((s) => overlap(s.box, t.box)));
  const tables = [...grids, ...across, ...stream].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  return withUnits(tables, page.runs).map((t) => withCaption(t, page.runs));
}

/** The page's ruled tables. */
function ruledTables(page: Found): PageTable[] {
  const grid = latticeTables(page.number, page.rules, page.runs);
  // Rows a ruled table draws no line between, cut where its text lines are (./textRows.ts):
  // on pages read by OCR only, for now — budget books stack amounts in ruled cells too.
  const cuts = page.ocr ? textRowCuts(grid, page.runs) : [];
  return cuts.length ? latticeTables(page.number, [...page.rules, ...cuts], page.runs) : grid;
}

/** Rules cut at a panel's edge shorter than this (points) are the next panel's, reaching over the border: left out. */
const STUB = 4;

/** The page cut to one panel of a table (its columns, the table's height), without the stubs of rules reaching over its edges. */
function panelOf(page: Found, a: Box): Found {
  const c = cropped(page, { x0: a.x0 - 1, y0: a.y0 - 1, x1: a.x1 + 1, y1: a.y1 + 1 });
  return { ...c, rules: c.rules.filter((r) => r.end - r.start >= STUB) };
}

/** The caption over a table: the line just above it (within a line's height), across the table's width. */
function withCaption(t: PageTable, runs: readonly TextRun[]): PageTable {
  const line = captionLine(t.box, runs);
  return line.length ? { ...t, caption: line.map((r) => r.text.trim()).join(" ") } : t;
}

/** The runs of the line just above a box (within a line's height), across its width, left to right. */
function captionLine(box: Box, runs: readonly TextRun[]): TextRun[] {
  const above = runs.filter((r) => r.box.y1 <= box.y0 + 1 && r.box.y1 >= box.y0 - 1.5 * r.size && r.box.x1 > box.x0 && r.box.x0 < box.x1);
  const bottom = maxOf(above.map((r) => r.box.y1));
  return above.filter((r) => r.box.y1 > bottom - r.size / 2).sort((a, b) => a.box.x0 - b.box.x0);
}

/**
 * A ruled table's area with its caption line when that line gives the table's unit (款 15.
 * 国庫支出金 項 2. 国庫補助金 （単位：千円）): stream reading leaves both alone, as the
 * caption is the table's, not a row of another. A line without a unit note may be the last
 * line of text above the table (a note, a list) and is read as it is.
 */
function withCaptionArea(box: Box, runs: readonly TextRun[]): Box {
  const line = captionLine(box, runs);
  if (!line.length || !UNIT_NOTE.test(line.map((r) => r.text).join(""))) return box;
  return { x0: Math.min(box.x0, minOf(line.map((r) => r.box.x0))), y0: minOf(line.map((r) => r.box.y0)), x1: Math.max(box.x1, maxOf(line.map((r) => r.box.x1))), y1: box.y1 };
}

/** A unit note: （単位：千円）, (単位 億円), 単位：千円. */
const UNIT_NOTE = /単位\s*[:：]?\s*([^\s)）、,，:：]+)/u;

/**
 * Each table with the unit printed over it: the nearest unit note above the table, within
 * the table's width (a note at the top of the page holds for every table under it until
 * another note).
 */
function withUnits(tables: PageTable[], runs: readonly TextRun[]): PageTable[] {
  const notes = runs.flatMap((r) => {
    if (!r.text.includes("単位")) return [];
    const line = runs
      .filter((o) => o.box.x0 >= r.box.x0 - 0.5 && o.box.y0 < r.box.y1 && r.box.y0 < o.box.y1)
      .sort((a, b) => a.box.x0 - b.box.x0);
    const m = UNIT_NOTE.exec(line.map((o) => o.text).join(" ").normalize("NFKC"));
    return m ? [{ unit: m[1]!, box: r.box }] : [];
  });
  if (!notes.length) return tables;
  return tables.map((t) => {
    const note = notes
      .filter((n) => n.box.y1 <= t.box.y0 + 1 && n.box.x1 > t.box.x0 && n.box.x0 < t.box.x1 + 10)
      .sort((a, b) => b.box.y1 - a.box.y1)[0];
    return note ? { ...t, unit: note.unit } : t;
  });
}

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const inArea = (b: Box, a: Box) => (b.x0 + b.x1) / 2 >= a.x0 && (b.x0 + b.x1) / 2 <= a.x1 && (b.y0 + b.y1) / 2 >= a.y0 && (b.y0 + b.y1) / 2 <= a.y1;

/** The page cut to an area: the runs whose centre lies in it, the rules cut at its edges. */
function cropped(page: Found, a: Box): Found {
  const rules = page.rules.flatMap((r) => {
    const [lo, hi, from, to] = r.axis === "h" ? [a.y0, a.y1, a.x0, a.x1] : [a.x0, a.x1, a.y0, a.y1];
    if (r.pos < lo || r.pos > hi) return [];
    const start = Math.max(r.start, from);
    const end = Math.min(r.end, to);
    return end > start ? [{ ...r, start, end }] : [];
  });
  return { ...page, runs: page.runs.filter((r) => inArea(r.box, a)), rules };
}

/** One table from given column edges: a row per printed line (runs sharing a baseline band; lines that overlap one row), cells by where each run's centre falls. */
function explicitTable(page: Found, edges: readonly number[]): PageTable[] {
  const runs = page.runs.filter((r) => r.text.trim() !== "");
  if (!runs.length) return [];
  const x0 = runs.reduce((m, r) => Math.min(m, r.box.x0), Infinity);
  const x1 = runs.reduce((m, r) => Math.max(m, r.box.x1), -Infinity);
  const xs = [x0, ...[...edges].filter((x) => x > x0 && x < x1).sort((a, b) => a - b), x1];
  const printed: TextRun[][] = [];
  for (const r of [...runs].sort((a, b) => a.box.y0 - b.box.y0)) {
    const line = printed[printed.length - 1];
    const cy = (r.box.y0 + r.box.y1) / 2;
    if (line && line.some((o) => cy > o.box.y0 && cy < o.box.y1)) line.push(r);
    else printed.push([r]);
  }
  // A row is the printed lines that overlap one another: a label set in two small lines
  // beside its amount (18 p.1: 感染拡大防止策と医療提供体制 / の整備及び治療薬の開発, ① and
  // 18,097 between them) is one row, its lines kept in its cell. Rows apart never overlap.
  const lines: TextRun[][] = [];
  for (const line of printed) {
    const last = lines[lines.length - 1];
    if (last && overlapShare(extentY(last), extentY(line)) >= ROW_OVERLAP) last.push(...line);
    else lines.push([...line]);
  }
  const ys = [...lines.map((l) => l.reduce((m, r) => Math.min(m, r.box.y0), Infinity)), lines[lines.length - 1]!.reduce((m, r) => Math.max(m, r.box.y1), -Infinity)];
  const cols = xs.length - 1;
  const cells = lines.flatMap((line, row) =>
    Array.from({ length: cols }, (_, col) => {
      const inside = line.filter((r) => {
        const cx = (r.box.x0 + r.box.x1) / 2;
        return cx >= xs[col]! && (cx < xs[col + 1]! || col === cols - 1);
      });
      const texts = cellLines(inside);
      const box = { x0: xs[col]!, y0: ys[row]!, x1: xs[col + 1]!, y1: ys[row + 1]! };
      return { row, col, rowSpan: 1, colSpan: 1, text: joinParts(texts), lines: texts, box, page: page.number };
    }),
  );
  const box = { x0: xs[0]!, y0: ys[0]!, x1: xs[cols]!, y1: ys[ys.length - 1]! };
  return [{ page: page.number, box, xs, ys, rows: lines.length, cols, cells, kind: "stream" }];
}

/** Two printed lines whose heights overlap by this share of the lower one's are one row (given columns). */
const ROW_OVERLAP = 0.25;

const extentY = (runs: readonly TextRun[]) => ({ y0: minOf(runs.map((r) => r.box.y0)), y1: maxOf(runs.map((r) => r.box.y1)) });

/** How much of the shorter of two vertical extents the other covers (0–1). */
const overlapShare = (a: { y0: number; y1: number }, b: { y0: number; y1: number }) =>
  Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)) / Math.max(1e-6, Math.min(a.y1 - a.y0, b.y1 - b.y0));
