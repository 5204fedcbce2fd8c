/**
 * The checks a spec (pipelines/<family>.ts) can name, each with its options. Any reader
 * that gives its records as a table (./table.ts) runs any of them; the totals rules need
 * the grid the records were read from, which the table reader gives.
 */
import type { TotalRule } from "../table/totals.js";

/** Rules over a table's rows (./rows.ts). */
export type RowCheckSpec =
  /** Each field sums to the printed total row (a group's value counted once). */
  | { rule: "total/sum"; fields: string[] }
  /** field ≤ than on every row where both are present. */
  | { rule: "not-greater"; field: string; than: string }
  /**
   * field = of × ratio, rounded as said, per table name; a different ratio is a
   * warning (a municipality may ask for less).
   */
  | { rule: "ratio"; field: string; of: string; rounding: "ceil" | "floor" | "round"; ratio: Record<string, [number, number]> }
  /** The key runs 1…n without gaps or repeats. */
  | { rule: "sequence"; field: string }
  /**
   * By the value of `field`: at least one of `present` is filled and none of `absent`
   * (処遇改善事業 rows carry 支援事業所数 and no 労働力確保 targets).
   */
  | { rule: "exclusive"; field: string; cases: Record<string, { present: string[]; absent: string[] }> }
  /** A date inside the fiscal year of the table's title. */
  | { rule: "in-fiscal-year"; field: string }
  /** A municipality name resolves to a code. */
  | { rule: "municipality-code"; field: string }
  /** On every row, field = minuend − subtrahend (比較 = 本年度 − 前年度, 補正額 = 計 − 補正前). */
  | { rule: "row/difference"; field: string; minuend: string; subtrahend: string }
  /**
   * On every row, field = the sum of `of` (Σ 財源 = 本年度, 計 = 補正前 + 補正額); a blank
   * cell of `of` is none (0), never the value above it.
   */
  | { rule: "row/sum"; field: string; of: string[] };

/** Rules over each record's values (./fields.ts): one finding a value checked, passing or not. */
export type FieldCheckSpec =
  /** Every field the table names as required is there. */
  | { rule: "required" }
  | { rule: "range"; fields: string[]; min: number; max: number }
  | { rule: "positive-integer"; fields: string[] }
  /** A date no later than the document's own date. */
  | { rule: "date-not-after-document"; fields: string[] }
  | { rule: "one-of"; field: string; values: string[] }
  /** Every municipality a region names has a code (全国地方公共団体コード). */
  | { rule: "municipality"; field: string };

/**
 * The printed totals of the grid the records were read from, as `kohyo tables` checks
 * them (./totals.ts): 合計 / 小計 rows over the rows they close, totals limited by their
 * label, formulas, rates and caps, levels (款 → 項 → 目), supplementary budgets' columns.
 * One finding for each printed total of the rule.
 */
export type TotalsCheckSpec = { rule: TotalRule };

/** A weekday printed beside a date in a record's value is the date's (./dates.ts; the same rule as a document's). */
export type DateCheckSpec = { rule: "date/weekday" };

export type CheckSpec = RowCheckSpec | FieldCheckSpec | TotalsCheckSpec | DateCheckSpec;
export type RowRule = RowCheckSpec["rule"];
export type FieldRule = FieldCheckSpec["rule"];
