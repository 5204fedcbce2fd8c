/**
 * Money amounts to integer yen: 11,433 under （単位：千円）, 753億円, 3.6億円,
 * 3,000万円（税抜）/事業, 8,635円／1人1日, 上限100万円.
 */
import { digitProblems, evalMagnitude, NONE_CELL, scanQuantity, type NumberRange } from "./numbers.js";
import type { Bound, Normalized, Problem } from "./types.js";
import { stripSpaces, toHalfWidth } from "./width.js";

/** Options for {@link parseAmount}. */
export interface AmountOptions {
  /** The table's unit for bare numbers, e.g. "千円" from （単位：千円）. */
  unit?: string;
}

/** Result of {@link parseAmount}: `value` is integer yen. */
export interface ParsedAmount extends Normalized<number> {
  /** A lone dash: "none", not zero. */
  none: boolean;
  approximate: boolean;
  bound?: Bound;
  /** Both ends in yen, for 100～1,000万円. */
  range?: NumberRange;
  /** The unit the number was written in: from the text ("億円") or from options ("千円"). */
  unit?: string;
  /** A ceiling: written with 上限 / 最大 / 限度. */
  cap: boolean;
  /** What the amount is per: "1人1日" for 8,635円／1人1日, "事業" for …/事業. */
  per?: string;
  /** （税抜）/（税別） → excluded, （税込） → included. */
  tax?: "excluded" | "included";
  /** Text before the number, e.g. "補助上限額" or "中小". */
  label?: string;
  /** Text after the amount that is none of the above, e.g. "上乗せ". */
  note?: string;
}

/** The yen units tables use, with their multipliers. */
export const YEN_UNITS: Readonly<Record<string, number>> = {
  "円": 1, "千円": 1e3, "万円": 1e4, "百万円": 1e6, "千万円": 1e7, "億円": 1e8, "兆円": 1e12,
};

const TAX = /\(税(抜|別|込)き?\)/g;

/**
 * Parse a money amount to integer yen. A unit in the text wins over
 * `options.unit`; a bare number with neither is read as yen with a warning.
 *
 * @example parseAmount("11,433", { unit: "千円" }).value // 11433000
 * @example parseAmount("8,635円／1人1日") // { value: 8635, per: "1人1日", … }
 * @example parseAmount("上限100万円") // { value: 1000000, cap: true, label: "上限", … }
 */
export function parseAmount(text: string, options: AmountOptions = {}): ParsedAmount {
  const raw = text;
  let s = stripSpaces(toHalfWidth(text ?? ""));
  const out: ParsedAmount = { value: null, raw, problems: [], none: false, approximate: false, cap: false };
  if (s === "") {
    out.problems.push({ severity: "info", rule: "amount/empty", message: "empty cell" });
    return out;
  }
  if (NONE_CELL.test(s)) return { ...out, none: true };

  for (const m of s.matchAll(TAX)) out.tax = m[1] === "込" ? "included" : "excluded";
  s = s.replace(TAX, "");
  const perMatch = /円\/(.+)$/.exec(s);
  if (perMatch) {
    out.per = perMatch[1]!;
    s = s.slice(0, perMatch.index + 1);
  }
  const noteMatch = /円(?:以上|以下|以内|未満|超え?|程度|前後)?(.*)$/.exec(s);
  if (noteMatch && noteMatch[1] !== "" && !noteMatch[1]!.includes("~")) {
    out.note = noteMatch[1]!;
    s = s.slice(0, -out.note.length);
  }
  const labelled = /^(.*?):(.*)$/.exec(s) ?? /^([^\d▲△+\-~]+?)(?=(?:約|概ね|およそ)?[▲△+\-]?\d)(.*)$/.exec(s);
  if (labelled) {
    const approx = /(約|概ね|およそ)$/.exec(labelled[1]!)?.[1] ?? "";
    out.label = labelled[1]!.slice(0, labelled[1]!.length - approx.length);
    s = approx + labelled[2]!;
    if (out.label === "") delete out.label;
  }
  const perPrefix = /^(.+?)(?:あたり|当たり)(.+)$/.exec(s);
  if (perPrefix) {
    out.per ??= perPrefix[1]!;
    s = perPrefix[2]!;
  }
  out.cap = /上限|最大|限度/.test(out.label ?? "");

  const written = /((?:百|千)?万|千|百万|億|兆)?円/.exec(s);
  let multiplier = 1;
  if (written) {
    out.unit = `${written[1] ?? ""}円`;
  } else if (options.unit !== undefined) {
    const unitMultiplier = yenMultiplier(options.unit);
    if (unitMultiplier === null) {
      out.problems.push({ severity: "error", rule: "amount/unknown-unit", message: `"${options.unit}" is not a yen unit` });
      return out;
    }
    out.unit = options.unit;
    multiplier = unitMultiplier;
  } else {
    out.problems.push({ severity: "warning", rule: "amount/no-unit", message: `"${raw}" has no unit; read as yen` });
  }

  const scan = scanQuantity(s, ["円"]);
  out.problems.push(...digitProblems(raw, s), ...scan.problems);
  out.approximate = scan.approximate;
  if (scan.bound) out.bound = scan.bound;
  if (scan.error || scan.fraction) {
    out.problems.push({ severity: "error", rule: "amount/unparseable", message: scan.error ?? `"${raw}" is not an amount` });
    return out;
  }
  const toYen = (n: number | null): number | null => (n === null ? null : yen(n * multiplier, raw, out.problems));
  if (scan.range) out.range = { min: toYen(scan.range.min), max: toYen(scan.range.max) };
  else out.value = toYen(scan.value);
  return out;
}

/**
 * The multiplier of a yen unit: "千円" → 1000, "百万円" → 1e6; null when the
 * text is not a yen unit.
 *
 * @example yenMultiplier("千円") // 1000
 */
export function yenMultiplier(unit: string): number | null {
  const u = stripSpaces(toHalfWidth(unit));
  if (u in YEN_UNITS) return YEN_UNITS[u]!;
  if (!u.endsWith("円")) return null;
  return evalMagnitude(u.slice(0, -1));
}

function yen(x: number, raw: string, problems: Problem[]): number {
  const rounded = Math.round(x);
  if (Math.abs(rounded - x) > 1e-6) {
    problems.push({ severity: "warning", rule: "amount/fractional-yen", message: `"${raw}" is ${x} yen; rounded to ${rounded}` });
  }
  return rounded;
}

/** Result of {@link parseUnitNote}. */
export interface UnitNote {
  /** The yen unit, e.g. "千円". */
  amount?: string;
  /** Every unit listed, in order, e.g. ["千円", "人"]. */
  units: string[];
}

/**
 * Read a table's unit note such as （単位：千円、人）.
 *
 * @example parseUnitNote("（単位：千円、人）").value // { amount: "千円", units: ["千円", "人"] }
 */
export function parseUnitNote(text: string): Normalized<UnitNote> {
  const raw = text;
  const m = /単位\s*[:：]\s*([^)）]+)/.exec(toHalfWidth(text ?? ""));
  if (!m) {
    return { value: null, raw, problems: [{ severity: "warning", rule: "amount/no-unit-note", message: `no 単位： in "${raw}"` }] };
  }
  const units = m[1]!.split(/[、,・/]/).map((u) => u.trim()).filter((u) => u !== "");
  const amount = units.find((u) => yenMultiplier(u) !== null);
  return { value: { units, ...(amount ? { amount } : {}) }, raw, problems: [] };
}
