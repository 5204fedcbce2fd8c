/**
 * Hierarchies in a table's rows — 款 → 項 → 目 in a budget book — from what the page shows:
 *
 * 1. unit words: 第1款 / 1項 / 第3目 / 節 (a fixed order; the only evidence taken as certain);
 * 2. label columns: 款 in the first column, 項 in the second … (the first non-empty one);
 * 3. sections in brackets, as balance sheets print them: 【流動資産】 over its items,
 *    (有形固定資産) a group inside a section, the items under them by indentation;
 * 4. numbering styles in the label: 1 → (1) → ① → ア …, deeper in the order they first appear;
 * 5. indentation: how far the label's text sits from its cell's left edge.
 *
 * The first of these that gives two or more levels, with every row that prints a number
 * placed, is taken. Sources 2–4 can show something other than a sum hierarchy (a numbered
 * list, a second text column), so the caller keeps them only when most parents hold.
 */
import type { StitchedCell } from "./stitch.js";
import { toHalfWidth } from "../normalize/width.js";
import { fold } from "./labels.js";
import { maxOf, minOf } from "../bounded.js";

export type LevelSource = "units" | "columns" | "brackets" | "numbering" | "indent";

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
  // Also a number glued to the name it numbers (1普通債, 3その他 over (1) 総務), not to a counter (4月, 2人, 3級).
  ["1", /^(?:\d+[.、\s]|[⒈-⒛]|\d{1,2}(?=[\u4E00-\u9FFF\u3041-\u3096\u30A1-\u30FA])(?![年月日時分秒人件円回号条歳階番個名本枚台社校週期次割倍度点級種類区千万億百十]))/u],
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
    accept(input, "brackets", bracketDepths(input, labels)) ??
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

/** A section's label in lenticular brackets, 【流動資産】 (the closing one perhaps lost to OCR). */
const SECTION = /^【[^【】]+】?$/u;
/** A group's label wholly in round brackets, (有形固定資産) — a name, not a numbering like (1) or (ア). */
const GROUP = /^[(（][^()（）]{2,}[)）]?$/u;

/** How a label is marked: a section 【…】, a group (…) inside one, or an item. */
export function bracketKind(label: string): "section" | "group" | "item" {
  const t = fold(label);
  return SECTION.test(t) ? "section" : GROUP.test(t) && !/^[(（][\d０-９]+[)）]/u.test(t) ? "group" : "item";
}

/**
 * Depths from bracketed labels (a balance sheet's 【流動資産】, (有形固定資産)): a section
 * is at the top; a group belongs to the section above it; an item belongs to the group
 * above it when it is indented further than the group's label (and no less than the
 * group's first item), else to the section — 自己株式 after (利益剰余金)'s items, back at
 * 資本金's indentation, is 株主資本's. Items under items by indentation (別途積立金 under
 * その他利益剰余金), when two or more are (one alone is a sibling). Nothing when no label is a section.
 */
function bracketDepths(input: LevelInput, labels: readonly ({ col: number; text: string } | undefined)[]): (number | undefined)[] {
  const kinds = labels.map((l, r) => (input.detail[r] && l ? bracketKind(l.text) : undefined));
  if (!kinds.includes("section")) return labels.map(() => undefined);
  const inset = (r: number) => {
    const cell = input.cellAt(r, labels[r]!.col);
    return cell?.textBox ? cell.textBox.x0 - cell.box.x0 : 0;
  };
  const depth: (number | undefined)[] = labels.map(() => undefined);
  /** The open rows, outermost first, with each group's first item's indentation. */
  let stack: { r: number; kind: "section" | "group" | "item"; inset: number; first?: number }[] = [];
  kinds.forEach((kind, r) => {
    if (kind === undefined) {
      // A total or formula row closes what is open; an empty row leaves it.
      if (!input.detail[r]) stack = [];
      return;
    }
    const x = inset(r);
    if (kind === "section") stack = [];
    else if (kind === "group") while (stack.length && stack[stack.length - 1]!.kind !== "section") stack.pop();
    else {
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (top.kind === "item" && top.inset >= x - INDENT_GAP / 2) stack.pop();
        else if (top.kind === "group" && !(x > top.inset + INDENT_GAP && (top.first === undefined || x >= top.first - INDENT_GAP / 2))) stack.pop();
        else break;
      }
      const top = stack[stack.length - 1];
      if (top?.kind === "group") top.first ??= x;
    }
    depth[r] = stack.length;
    stack.push({ r, kind, inset: x });
  });
  // An item with a single item under it is no breakdown: the one further in is a sibling
  // whose first characters were not read (OCR) or sit apart — 工具器具備品 read as 器具備品.
  kinds.forEach((kind, r) => {
    if (kind !== "item" || depth[r] === undefined) return;
    const under: number[] = [];
    for (let k = r + 1; k < depth.length; k++) {
      if (depth[k] === undefined) continue;
      if (depth[k]! <= depth[r]!) break;
      under.push(k);
    }
    const children = under.filter((k) => depth[k] === depth[r]! + 1);
    if (children.length === 1 && kinds[children[0]!] === "item") for (const k of under) depth[k]!--;
  });
  return depth;
}
