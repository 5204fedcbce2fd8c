/**
 * What a row's label says about the row, read the way forms print it:
 *
 * - a name other rows refer to: a leading marker "（１）" or a tag before the amount
 *   "（a） 2,430,000";
 * - the kind of total it is (合計 / 総計 …, 小計 / 計), with the rows it is limited to:
 *   "…小計（ウェブサイト関連費を除く）", "ウェブサイト関連費に係る…小計";
 * - a formula over other rows' names: "（a）＋（c）", "(e) = (a) + (c) − (d)"; or a limit —
 *   a rate of a row ("（１）×補助率 2/3 以内（円未満切捨て）", "（ａ）×２／３"), a share of
 *   another ("（６）の1/4を上限"), a fixed amount ("最大５０万円") — or a condition between
 *   two rows ("(d)が(f)の 1/4 以内であるか").
 *
 * Labels are read with widths folded (toHalfWidth) and spaces taken out, so "（ａ）＋（ｃ）"
 * and "(a) + (c)" read alike.
 */
import { parseAmount } from "../normalize/amounts.js";
import { toHalfWidth } from "../normalize/width.js";

/** A row's name as referred to: "a" for （a）, "1" for （１）. */
export type RowName = string;

export type Rounding = { mode: "floor" | "ceil" | "round"; step: number } | null;

/** One upper limit: a share of a named row, or a fixed amount (in yen). */
export type Limit = { name: RowName; numerator: number; denominator: number } | { amount: number };

export type Formula =
  | { kind: "sum"; text: string; terms: { name: RowName; sign: 1 | -1 }[] }
  /**
   * The row's value (or, for a condition, `subject`'s) against the smallest of `limits`,
   * each share rounded as printed: at most that when `upTo` (以内 / 以下), else equal.
   */
  | { kind: "limit"; text: string; subject?: RowName; limits: Limit[]; upTo: boolean; rounding: Rounding };

export interface RowLabel {
  /** The label folded and squeezed. */
  text: string;
  /** The leading marker, "1" for （１）補助対象経費小計. */
  marker?: RowName;
  total?: "grand" | "sub";
  /** A total limited to the rows that mention (`only`) or do not mention (`except`) a name. */
  scope?: { mode: "only" | "except"; name: string };
  formula?: Formula;
}

const NAME = String.raw`\(([a-zA-Z]|\d{1,2})\)`;
const FRACTION = String.raw`(\d+(?:\.\d+)?)(?:\/(\d+)|(%))`;
const TIMES = "[×xX*]";
/** A note mark after a label: 総計※３, 合計*1. */
const NOTE = String.raw`(?:[※*＊]\d*)?`;
const GRAND = new RegExp(String.raw`^.{0,6}(?:総合計|合計|総計)(?:金?額)?${NOTE}$`, "u");
/** 計 closes rows; 会計, 統計, 設計 … are words, not totals. */
const SUB = new RegExp(String.raw`^.{0,6}(?:小計|(?<![会設統時家生主推余早集累])計)${NOTE}$`, "u");
const LEADING_NUMBER = /^(?:\d+(?:-\d+)*[.、]|[①-⑳])/u;

export const fold = (s: string): string => toHalfWidth(s).replace(/\s+/gu, "");

/** The name tagging a value cell: "a" for "（a）2,430,000" or a cell that is only "(a)". */
export function valueTag(text: string): { name: RowName; rest: string } | null {
  const m = new RegExp(`^${NAME}(.*)$`, "u").exec(fold(text));
  if (!m || !/^[\d,.△▲-]*円?$/u.test(m[2]!)) return null;
  return { name: m[1]!, rest: m[2]! };
}

export function readLabel(label: string): RowLabel {
  const text = fold(label);
  const out: RowLabel = { text };
  const condition = conditionOf(text);
  if (condition) return { ...out, formula: condition };
  const marker = new RegExp(`^${NAME}(?![×xX*+\\-の])`, "u").exec(text);
  let rest = text;
  if (marker) {
    out.marker = marker[1]!;
    rest = rest.slice(marker[0].length);
  }
  const found = sumOf(rest) ?? limitOf(rest);
  if (found) out.formula = found.formula;
  // The total kind from what is left: no formula, no qualifiers in brackets, no leading number.
  const except = /\(([^()]+)を除く\)/u.exec(rest);
  let core = found ? rest.slice(0, found.at) : rest;
  while (/\([^()]*\)/u.test(core)) core = core.replace(/\([^()]*\)/gu, "");
  core = core.replace(LEADING_NUMBER, "");
  const only = /^(.+?)に係る(.+)$/u.exec(core);
  if (only) core = only[2]!;
  const total = totalKind(core);
  if (total) out.total = total;
  if (out.total && except) out.scope = { mode: "except", name: except[1]! };
  else if (out.total && only) out.scope = { mode: "only", name: only[1]! };
  return out;
}

/** A formula and where in the label it starts. */
interface Found {
  at: number;
  formula: Formula;
}

/** 合計 / 総計 / 合計額 (grand) or 小計 / 計 (sub) at the end of a short text, spaces taken out. */
export function totalKind(text: string): "grand" | "sub" | undefined {
  if (text === "" || text.length > 12) return undefined;
  return GRAND.test(text) ? "grand" : SUB.test(text) ? "sub" : undefined;
}

/** "(a)+(c)", "=(a)+(c)-(d)": two or more names joined by + and −. */
function sumOf(text: string): Found | null {
  const m = new RegExp(`=?(${NAME}(?:[+\\-]${NAME})+)`, "u").exec(text);
  if (!m) return null;
  const terms = [...m[1]!.matchAll(new RegExp(`([+\\-]?)${NAME}`, "gu"))].map((t) => ({ name: t[2]!, sign: t[1] === "-" ? (-1 as const) : (1 as const) }));
  return { at: m.index, formula: { kind: "sum", text: m[1]!, terms } };
}

/** "(1)×補助率2/3(※)以内(円未満切捨て)" with its caps "(6)の1/4を上限", "最大50万円". */
function limitOf(text: string): Found | null {
  const rate = new RegExp(`${NAME}${TIMES}(?:補助率)?${FRACTION}(?:\\(※\\d*\\)|※\\d*)?(以内|以下)?`, "u").exec(text);
  if (!rate) return null;
  const limits: Limit[] = [{ name: rate[1]!, ...fraction(rate[2]!, rate[3], rate[4]) }];
  for (const m of text.matchAll(new RegExp(`${NAME}の${FRACTION}を上限`, "gu"))) limits.push({ name: m[1]!, ...fraction(m[2]!, m[3], m[4]) });
  for (const m of text.matchAll(/(?:最大|上限)(\d[\d,.]*(?:億|万|千)?円)/gu)) {
    const amount = parseAmount(m[1]!).value;
    if (amount !== null) limits.push({ amount });
  }
  const formula: Formula = { kind: "limit", text: text.slice(rate.index), limits, upTo: rate[5] !== undefined, rounding: roundingOf(text) };
  return { at: rate.index, formula };
}

/** "(d)が(f)の1/4以内であるか": the first row is at most the share of the second. */
function conditionOf(text: string): Formula | null {
  const m = new RegExp(`^${NAME}(?:が|は)${NAME}の${FRACTION}(以内|以下)`, "u").exec(text);
  if (!m) return null;
  return { kind: "limit", text: m[0], subject: m[1]!, limits: [{ name: m[2]!, ...fraction(m[3]!, m[4], m[5]) }], upTo: true, rounding: null };
}

function fraction(n: string, d: string | undefined, percent: string | undefined): { numerator: number; denominator: number } {
  const decimals = n.split(".")[1]?.length ?? 0;
  const scale = 10 ** decimals;
  const numerator = Math.round(Number(n) * scale);
  return { numerator, denominator: (percent ? 100 : Number(d)) * scale };
}

/** 円未満切捨て → floor to 1 yen, 千円未満切り捨て → to 1,000; 切り上げ, 四捨五入. */
function roundingOf(text: string): Rounding {
  const m = /((?:\d+)?(?:百|千|万)?)円未満(切り?捨て?|切り?上げ?|四捨五入)/u.exec(text);
  if (!m) return null;
  const step = m[1] === "" ? 1 : (parseAmount(`${/^\d/u.test(m[1]!) ? "" : "1"}${m[1]}円`).value ?? 1);
  return { mode: m[2]!.startsWith("四") ? "round" : m[2]!.includes("上") ? "ceil" : "floor", step };
}
