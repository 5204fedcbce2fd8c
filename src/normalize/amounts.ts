/**
 * Money amounts to integer yen: 11,433 under （単位：千円）, 753億円, 3.6億円,
 * 3,000万円（税抜）/事業, 8,635円／1人1日, 上限100万円.
 */
import { digitProblems, evalMagnitude, NONE_CELL, parseNumber, scanQuantity, spacedNumbers, type NumberRange } from "./numbers.js";
import type { Bound, Normalized, Problem } from "./types.js";
import { clip, stripSpaces, toHalfWidth } from "./width.js";

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
  /**
   * A subsidy rate written before a bracketed cap: 2/3以内（上限500万円） →
   * { numerator: 2, denominator: 3, value: 0.666…, bound: "lte" }; `value`
   * is then the cap in yen (5,000,000) and `cap` is true.
   */
  rate?: { numerator: number; denominator: number; value: number; bound?: Bound };
  /**
   * Every amount in yen when the cell holds several (中小：100万円、大企業：50万円
   * → [1000000, 500000]); `value` is the first, with an amount/several-amounts warning.
   */
  amounts?: Array<number | null>;
}

/** The yen units tables use, with their multipliers. */
export const YEN_UNITS: Readonly<Record<string, number>> = {
  "円": 1, "千円": 1e3, "万円": 1e4, "百万円": 1e6, "千万円": 1e7, "億円": 1e8, "兆円": 1e12,
};

const TAX = /\(税(抜|別|込)き?\)/g;
/** A rate then a bracketed cap: 2/3以内（上限500万円）, 10%以内(上限額:100万円). */
const RATE_WITH_CAP = /^((?:\d+|[一二三四五六七八九十]+)(?:\/|分の)(?:\d+|[一二三四五六七八九十]+)|\d+(?:\.\d+)?%)(以内|以下|未満)?\(((?:上限|最大|限度)額?:?[^()]+)\)$/;
/** An amount with 円 inside a longer text. */
const AMOUNT_IN_TEXT = /(?:\d[\d,.]*|[〇一二三四五六七八九十])[\d,.〇一二三四五六七八九十百千万億兆]*円/g;
/** The units a table writes after an arabic number (3,000万円, 753億円); 三千万円 is written in 円. */
const WRITTEN_UNITS = ["百万円", "万円", "千円", "億円", "兆円"];

/** The unit written in `s`: "万円" for 3,000万円, "円" for 三千万円 or 3千万円; undefined without 円. */
function writtenUnit(s: string): string | undefined {
  const i = s.indexOf("円");
  if (i < 0) return undefined;
  const upTo = s.slice(0, i + 1);
  const unit = WRITTEN_UNITS.find((u) => upTo.endsWith(u) && /[\d.,]$/.test(upTo.slice(0, -u.length)));
  return unit ?? "円";
}

/**
 * Parse a money amount to integer yen. A unit in the text wins over
 * `options.unit`; a bare number with neither is read as yen with a warning.
 *
 * @example parseAmount("11,433", { unit: "千円" }).value // 11433000
 * @example parseAmount("8,635円／1人1日") // { value: 8635, per: "1人1日", … }
 * @example parseAmount("上限100万円") // { value: 1000000, cap: true, label: "上限", … }
 */
export function parseAmount(text: string, options: AmountOptions = {}): ParsedAmount {
  options ??= {};
  const raw = text;
  const folded = toHalfWidth(text ?? "");
  let s = stripSpaces(folded);
  const out: ParsedAmount = { value: null, raw, problems: [], none: false, approximate: false, cap: false };
  if (s === "") {
    out.problems.push({ severity: "info", rule: "amount/empty", message: "empty cell" });
    return out;
  }
  if (NONE_CELL.test(s)) return { ...out, none: true };
  const several = spacedNumbers(folded);
  if (several !== null) {
    out.problems.push({ severity: "error", rule: "amount/several-numbers", message: `"${clip(several)}" is several numbers separated by spaces, not one amount` });
    return out;
  }

  for (const m of s.matchAll(TAX)) out.tax = m[1] === "込" ? "included" : "excluded";
  s = s.replace(TAX, "");

  // 2/3以内（上限500万円）: a rate with its cap; the value is the cap in yen.
  const rateCap = RATE_WITH_CAP.exec(s);
  if (rateCap) {
    const rate = parseNumber(rateCap[1]!);
    const capAmount = parseAmount(rateCap[3]!, options);
    if (rate.value !== null && rate.fraction && capAmount.value !== null) {
      const bound = rateCap[2] === "未満" ? "lt" : rateCap[2] ? "lte" : undefined;
      return {
        ...capAmount, raw, cap: true,
        rate: { numerator: rate.fraction.numerator, denominator: rate.fraction.denominator, value: rate.value, ...(bound ? { bound } : {}) },
        ...(out.tax ? { tax: out.tax } : {}),
      };
    }
  }
  // ￥1,000 / ¥1,000: the sign is the unit.
  const yenSign = /^([^\d]*?)[¥￥]/.exec(s);
  if (yenSign) {
    const rest = s.slice(yenSign[0].length);
    const digits = /^[\d,.]+/.exec(rest)?.[0] ?? "";
    s = `${yenSign[1]}${digits}${rest.slice(digits.length).startsWith("円") ? "" : "円"}${rest.slice(digits.length)}`;
  }
  // Several amounts in one cell: keep the first, list them all.
  const found = [...s.matchAll(AMOUNT_IN_TEXT)];
  const manyAmounts = found.length > 1 && found.some((m, i) => i > 0 && s.slice(found[i - 1]!.index! + found[i - 1]![0].length, m.index) !== "~");
  const times = /円[×xX*]\d/.test(s);
  if (manyAmounts || times) {
    out.problems.push({ severity: "warning", rule: "amount/several-amounts", message: `"${clip(raw)}" holds several amounts; the first is kept` });
    if (manyAmounts) out.amounts = found.map((m) => parseAmount(m[0], options).value);
  }
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
  const capNote = out.note !== undefined ? /^\((?:上限|最大|限度)額?\)$|^(?:を)?(?:上限|限度)(?:とする)?$/.exec(out.note) : null;
  if (capNote) delete out.note;
  out.cap = /上限|最大|限度/.test(out.label ?? "") || capNote !== null;

  const written = writtenUnit(s);
  let multiplier = 1;
  if (written) {
    out.unit = written;
  } else if (options.unit !== undefined) {
    const unitMultiplier = yenMultiplier(options.unit);
    if (unitMultiplier === null) {
      out.problems.push({ severity: "error", rule: "amount/unknown-unit", message: `"${clip(options.unit)}" is not a yen unit` });
      return out;
    }
    out.unit = options.unit;
    multiplier = unitMultiplier;
  } else {
    out.problems.push({ severity: "warning", rule: "amount/no-unit", message: `"${clip(raw)}" has no unit; read as yen` });
  }

  const scan = scanQuantity(s, ["円"]);
  out.problems.push(...digitProblems(raw, s), ...scan.problems);
  out.approximate = scan.approximate;
  if (scan.bound) out.bound = scan.bound;
  if (scan.error || scan.fraction) {
    out.problems.push({ severity: "error", rule: "amount/unparseable", message: scan.error ?? `"${clip(raw)}" is not an amount` });
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
  if (!Number.isSafeInteger(rounded) && !problems.some((p) => p.rule === "number/precision-loss")) {
    problems.push({ severity: "warning", rule: "amount/precision-loss", message: `"${clip(raw)}" is more yen than a number holds exactly; read as ${rounded}` });
  }
  if (Math.abs(rounded - x) > 1e-6) {
    problems.push({ severity: "warning", rule: "amount/fractional-yen", message: `"${clip(raw)}" is ${x} yen; rounded to ${rounded}` });
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
    return { value: null, raw, problems: [{ severity: "warning", rule: "amount/no-unit-note", message: `no 単位： in "${clip(raw)}"` }] };
  }
  const units = m[1]!.split(/[、,・/]/).map((u) => u.trim()).filter((u) => u !== "");
  const amount = units.find((u) => yenMultiplier(u) !== null);
  return { value: { units, ...(amount ? { amount } : {}) }, raw, problems: [] };
}
