/**
 * Hierarchies in a table's rows — 款 → 項 → 目 in a budget book — from what the page shows:
 *
 * 1. unit words: 第1款 / 1項 / 第3目 / 節 (a fixed order; the only evidence taken as certain);
 * 2. label columns: 款 in the first column, 項 in the second … (the first non-empty one);
 * 3. numbering styles in the label: 1 → (1) → ① → ア …, deeper in the order they first appear;
 * 4. indentation: how far the label's text sits from its cell's left edge.
 *
 * The first of these that gives two or more levels, with every row that prints a number
 * placed, is taken. Sources 2–4 can show something other than a sum hierarchy (a numbered
 * list, a second text column), so the caller keeps them only when most parents hold.
 */
import type { StitchedCell } from "./stitch.js";
import { toHalfWidth } from "../normalize/width.js";
import { fold } from "./labels.js";
import { maxOf, minOf } from "../bounded.js";

export type LevelSource = "units" | "columns" | "numbering" | "indent";

export interface Levels {
  /** Per data row, its depth (0 = top), undefined for a row outside the hierarchy. */
  depth: (number | undefined)[];
  by: LevelSource;
}

export interface LevelInput {
  /** Data rows as text (see dataRows). */
  rows: readonly (readonly string[])[];
  /** Rows that can take part: not totals or formulas. */
  detail: readonly boolean[];
  /** Rows that print a number in some column. */
  valued: readonly boolean[];
  /** The leading text columns, left to right. */
  labelCols: readonly number[];
  /** The cell whose top-left slot is data row r, column c. */
  cellAt(r: number, c: number): StitchedCell | undefined;
  /** The slot is covered by a cell spanning into it from above or the left. */
  covered(r: number, c: number): boolean;
  /** The slot is covered by a cell that starts on a row above (a 款 merged down over its 項 rows). */
  coveredFromAbove?(r: number, c: number): boolean;
}

/** 款 項 目 節, outermost first. */
const UNITS = ["款", "項", "目", "節"];
const UNIT = /^第?[0-9一二三四五六七八九十百]+(款|項|目|節)/u;
/** Numbering styles; `n` of a dotted number ("2-1.") is its depth among dotted numbers. */
const STYLES: [string, RegExp][] = [
  ["dotted", /^\d+(?:-\d+)+[.)\s]/u],
  ["(1)", /^(?:\(\d+\)|[⑴-⒇])/u],
  ["1)", /^\d+\)/u],
  ["1", /^(?:\d+[.、\s]|[⒈-⒛])/u],
  ["①", /^[①-⑳㉑-㉟㊱-㊿]/u],
  ["(ア)", /^\([ア-ン]\)/u],
  ["ア", /^[ア-ン][.、\s]/u],
  ["(a)", /^\([a-z]\)/u],
  ["a", /^[a-z][.)\s]/u],
  ["(A)", /^\([A-Z]\)/u],
  ["A", /^[A-Z][.)\s]/u],
];
/** Insets closer than this (points) are one indentation step. */
const INDENT_GAP = 2;
/** Text whose centres (or right edges) agree within this is centred (right-aligned), not indented. */
const ALIGNED = 1.5;

export function detectLevels(input: LevelInput): Levels | null {
  const labels = input.rows.map((_, r) => labelCell(input, r));
  const sources: [LevelSource, (r: number) => number | undefined][] = [
    ["units", (r) => unitDepth(labels[r]?.text)],
    ["columns", (r) => columnDepth(input, r)],
  ];
  for (const [by, depthOf] of sources) {
    const levels = accept(input, by, input.rows.map((_, r) => (input.detail[r] ? depthOf(r) : undefined)));
    if (levels) return levels;
  }
  return (
    accept(input, "numbering", numberingDepths(input, labels)) ??
    accept(input, "indent", indentDepths(input, labels))
  );
}

/** Levels are taken when there are at least two and every detail row with a number has one. */
function accept(input: LevelInput, by: LevelSource, depth: (number | undefined)[]): Levels | null {
  const placed = new Set(depth.filter((d) => d !== undefined));
  if (placed.size < 2) return null;
  if (input.rows.some((_, r) => input.detail[r] && input.valued[r] && depth[r] === undefined)) return null;
  return { depth, by };
}

/** The row's label: its first non-empty cell among the label columns. */
function labelCell(input: LevelInput, r: number): { col: number; text: string } | undefined {
  for (const c of input.labelCols) {
    const text = input.rows[r]![c]!;
    if (text.trim() !== "") return { col: c, text };
  }
  return undefined;
}

function unitDepth(label: string | undefined): number | undefined {
  const m = label === undefined ? null : UNIT.exec(fold(label));
  return m ? UNITS.indexOf(m[1]!) : undefined;
}

/**
 * Depth = which label column the row's label starts in. A label spanning down from a row
 * above (a 款 beside its 項) is the parent's, not this row's: the row's own label is further right.
 */
function columnDepth(input: LevelInput, r: number): number | undefined {
  if (input.labelCols.length < 2) return undefined;
  for (const [depth, c] of input.labelCols.entries()) {
    // A label merged down from a row above is that row's: this row's label is further right.
    if (input.coveredFromAbove?.(r, c)) continue;
    if (input.covered(r, c)) return undefined;
    if (input.rows[r]![c]!.trim() !== "") return depth;
  }
  return undefined;
}

function numberingDepths(input: LevelInput, labels: readonly ({ text: string } | undefined)[]): (number | undefined)[] {
  const order: string[] = [];
  return labels.map((label, r) => {
    if (!input.detail[r] || !label) return undefined;
    const folded = toHalfWidth(label.text.trim());
    const hit = STYLES.map(([name, re]) => [name, re.exec(folded)?.[0]] as const).find(([, m]) => m !== undefined);
    if (!hit) return undefined;
    const style = hit[0] === "dotted" ? `dotted${hit[1]!.split("-").length}` : hit[0];
    if (!order.includes(style)) order.push(style);
    return order.indexOf(style);
  });
}

function indentDepths(input: LevelInput, labels: readonly ({ col: number } | undefined)[]): (number | undefined)[] {
  const first = input.labelCols[0];
  const insets = labels.map((label, r) => {
    if (!input.detail[r] || !label || label.col !== first) return undefined;
    const cell = input.cellAt(r, label.col);
    return cell?.textBox ? { inset: cell.textBox.x0 - cell.box.x0, cell } : undefined;
  });
  const seen = insets.filter((i) => i !== undefined);
  if (seen.length < 2) return insets.map(() => undefined);
  const spread = (f: (i: (typeof seen)[number]) => number) => maxOf(seen.map(f)) - minOf(seen.map(f));
  const centred = spread(({ cell }) => (cell.textBox!.x0 + cell.textBox!.x1 - cell.box.x0 - cell.box.x1) / 2) <= ALIGNED;
  const rightAligned = spread(({ cell }) => cell.box.x1 - cell.textBox!.x1) <= ALIGNED;
  if (centred || rightAligned) return insets.map(() => undefined);
  const steps: number[] = [];
  for (const x of seen.map((i) => i.inset).sort((a, b) => a - b)) {
    if (steps.length === 0 || x - steps[steps.length - 1]! > INDENT_GAP) steps.push(x);
  }
  return insets.map((i) => (i === undefined ? undefined : steps.findLastIndex((s) => i.inset >= s - INDENT_GAP / 2)));
}
