/**
 * Numbers as people write them in Japanese tables: mixed-width digits,
 * kanji numerals, △/▲ negatives, dashes meaning "none", percentages,
 * fractions, 約, bounds (以上 …), ranges and counters (人, 社 …).
 */
import type { Bound, Normalized, Problem } from "./types.js";
import { asText, clip, hasMixedWidthDigits, stripSpaces, toHalfWidth } from "./width.js";

/** Counters recognised after a number, longest first. */
export const COUNTERS: readonly string[] = [
  "事業所", "団体", "か所", "カ所", "箇所", "か月", "カ月", "ヶ月", "ケ月", "時間",
  "人", "名", "社", "件", "回", "台", "席",
];

/** A fraction as written, e.g. 1/2 or 3分の1. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

/** Both ends of a range written with ～ / 〜 / ~; an open end is `null`. */
export interface NumberRange {
  min: number | null;
  max: number | null;
}

/** Result of {@link parseNumber}. */
export interface ParsedNumber extends Normalized<number> {
  /** The cell is a lone dash (-, －, ー, ―, ‐): "none", not zero; `value` is null. */
  none: boolean;
  /** Written with 約 / 概ね / およそ / 程度. */
  approximate: boolean;
  /** 以上 gte, 以下 / 以内 lte, 未満 lt, 超 gt; an open range ("2,000～") also sets it. */
  bound?: Bound;
  /** "%" or a counter such as "人". */
  unit?: string;
  /** For 1/2 or 3分の1; `value` is then the quotient. */
  fraction?: Fraction;
  /** For 21～50人; `value` is then null. */
  range?: NumberRange;
}

const KANJI_DIGITS: Record<string, number> = {
  "〇": 0, "零": 0, "一": 1, "壱": 1, "二": 2, "弐": 2, "三": 3, "参": 3,
  "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
};
const SMALL_UNITS: Record<string, number> = { "十": 10, "拾": 10, "百": 100, "千": 1000 };
const BIG_UNITS: Record<string, number> = { "万": 1e4, "億": 1e8, "兆": 1e12 };
const MAGNITUDE_TOKEN = /(\d[\d,]*(?:\.\d+)?)|([〇零一二三四五六七八九壱弐参]+)|([十拾百千])|([万億兆])/y;
/** A whole number of at most 15 digits, ungrouped or grouped in threes (after width folding). */
const PLAIN_INTEGER = /^(?:\d{1,15}|\d{1,3}(?:,\d{3}){1,4})$/;
/** A lone dash (after width folding): the cell means "none". */
export const NONE_CELL = /^[-ー―‐－]$/;

/** Drop binary floating-point noise (3.6 × 1e8 must be 360,000,000). */
const clean = (x: number): number => (Number.isInteger(x) ? x : Number(x.toPrecision(15)));

/**
 * Read a magnitude written with arabic digits, kanji numerals or both
 * (2億3千430万, 一万二千三百, 二〇二三, 11,433千). Input must already be
 * half-width and without spaces. Returns null when the text is not one number.
 *
 * @example evalMagnitude("2億3千430万") // 234300000
 */
export function evalMagnitude(text: string): number | null {
  if (typeof text !== "string" || text === "") return null;
  let total = 0;
  let section = 0;
  let current: number | null = null;
  let lastBig = Infinity;
  let lastSmall = Infinity;
  let pos = 0;
  while (pos < text.length) {
    MAGNITUDE_TOKEN.lastIndex = pos;
    const m = MAGNITUDE_TOKEN.exec(text);
    if (!m) return null;
    pos = MAGNITUDE_TOKEN.lastIndex;
    const [, arabic, kanji, small, big] = m;
    if (arabic !== undefined || kanji !== undefined) {
      if (current !== null) return null;
      if (arabic !== undefined) {
        if (arabic.endsWith(",")) return null;
        current = Number(arabic.replace(/,/g, ""));
      } else {
        current = Number([...kanji!].map((c) => KANJI_DIGITS[c]).join(""));
      }
    } else if (small !== undefined) {
      const unit = SMALL_UNITS[small]!;
      if (unit >= lastSmall) return null;
      lastSmall = unit;
      section += (current ?? 1) * unit;
      current = null;
    } else {
      const unit = BIG_UNITS[big!]!;
      if (unit >= lastBig) return null;
      lastBig = unit;
      lastSmall = Infinity;
      const n = section === 0 && current === null ? 1 : section + (current ?? 0);
      total += n * unit;
      section = 0;
      current = null;
    }
  }
  return clean(total + section + (current ?? 0));
}

/** What a single (non-range) quantity scan yields. */
interface Quantity {
  value: number;
  unit?: string;
  fraction?: Fraction;
}

/** Outcome of scanning a quantity; `error` explains a failure. */
export interface QuantityScan {
  value: number | null;
  approximate: boolean;
  bound?: Bound;
  unit?: string;
  fraction?: Fraction;
  range?: NumberRange;
  problems: Problem[];
  error?: string;
}

const BOUNDS: ReadonlyArray<[RegExp, Bound]> = [
  [/(以上)$/, "gte"],
  [/(以下|以内)$/, "lte"],
  [/(未満)$/, "lt"],
  [/(を超える|超え|超)$/, "gt"],
];

function scanSingle(text: string, units: readonly string[]): Quantity | string {
  let s = text;
  let sign = 1;
  const signMatch = /^([▲△-]|マイナス|\+)/.exec(s);
  if (signMatch) {
    if (signMatch[1] !== "+") sign = -1;
    s = s.slice(signMatch[1]!.length);
  }
  const unit = units.find((u) => s.endsWith(u) && s.length > u.length);
  if (unit) s = s.slice(0, -unit.length);
  const frac = /^(.+?)(?:\/|分の)(.+)$/.exec(s);
  if (frac) {
    const isBunno = s.includes("分の");
    const a = evalMagnitude(frac[1]!);
    const b = evalMagnitude(frac[2]!);
    if (a === null || b === null) return `"${clip(text)}" is not a fraction`;
    const [numerator, denominator] = isBunno ? [b, a] : [a, b];
    if (denominator === 0) return `"${clip(text)}" divides by zero`;
    return { value: (sign * numerator) / denominator, fraction: { numerator: sign * numerator, denominator }, ...(unit ? { unit } : {}) };
  }
  const mag = evalMagnitude(s);
  if (mag === null) return `"${clip(text)}" is not a number`;
  if (!Number.isFinite(mag)) return `"${clip(text)}" is too large to be a number`;
  return { value: clean(sign * mag), ...(unit ? { unit } : {}) };
}

/**
 * Scan a half-width, space-free quantity: 約 prefix, bound suffix, range,
 * sign, fraction and one of `units` as suffix. Shared by numbers and amounts.
 *
 * @example scanQuantity("21~50人", ["人"]).range // { min: 21, max: 50 }
 */
export function scanQuantity(text: string, units: readonly string[]): QuantityScan {
  let s = text;
  let approximate = false;
  let bound: Bound | undefined;
  const approxPrefix = /^(約|概ね|おおむね|およそ)/.exec(s);
  if (approxPrefix) {
    approximate = true;
    s = s.slice(approxPrefix[1]!.length);
  }
  const approxSuffix = /(程度|前後)$/.exec(s);
  if (approxSuffix) {
    approximate = true;
    s = s.slice(0, -approxSuffix[1]!.length);
  }
  for (const [re, b] of BOUNDS) {
    const m = re.exec(s);
    if (m) {
      bound = b;
      s = s.slice(0, -m[1]!.length);
      break;
    }
  }
  const base = { approximate, problems: [] as Problem[], ...(bound ? { bound } : {}) };
  const parts = s.split("~");
  if (parts.length > 2) return { ...base, value: null, error: `"${clip(text)}" has more than one ～` };
  if (parts.length === 2) {
    let [left, right] = parts as [string, string];
    if (left === "" || right === "") {
      const one = scanSingle(left || right, units);
      if (typeof one === "string") return { ...base, value: null, error: one };
      return { ...base, ...one, bound: left === "" ? "lte" : "gte" };
    }
    // "100～1,000万円" and "21～50人": the right end's multiplier and unit apply to both ends.
    const tail = new RegExp(`[十百千万億兆]*(?:${units.map(escape).join("|") || "(?!)"})?$`).exec(right)?.[0] ?? "";
    if (tail && !/[十百千万億兆]$/.test(left) && !units.some((u) => left.endsWith(u))) left += tail;
    const a = scanSingle(left, units);
    const b = scanSingle(right, units);
    if (typeof a === "string") return { ...base, value: null, error: a };
    if (typeof b === "string") return { ...base, value: null, error: b };
    const problems: Problem[] = [];
    if (a.value > b.value) {
      problems.push({ severity: "warning", rule: "number/range-reversed", message: `range "${clip(text)}" runs from ${a.value} down to ${b.value}` });
    }
    const unit = b.unit ?? a.unit;
    return { ...base, problems, value: null, range: { min: a.value, max: b.value }, ...(unit ? { unit } : {}) };
  }
  const one = scanSingle(s, units);
  if (typeof one === "string") return { ...base, value: null, error: one };
  return { ...base, ...one };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Problems about the digits themselves, shared by numbers and amounts. */
export function digitProblems(raw: string, normalized: string): Problem[] {
  const problems: Problem[] = [];
  if (hasMixedWidthDigits(asText(raw))) {
    problems.push({ severity: "info", rule: "number/mixed-width", message: `"${clip(raw)}" mixes full-width and half-width digits` });
  }
  for (const run of normalized.match(/(?<![\d.])\d[\d,]*(?![\d,]*\.\d)/g) ?? []) {
    // Integers beyond 2^53 (9007199254740993) cannot be held exactly in a number.
    const digits = run.replace(/,/g, "");
    if (digits.length > 15 && (!Number.isFinite(Number(digits)) || BigInt(digits) !== BigInt(Number(digits)))) {
      problems.push({ severity: "warning", rule: "number/precision-loss", message: `"${clip(run)}" has more digits than a number can hold exactly; read as ${Number(digits)}` });
      break;
    }
  }
  for (const group of normalized.match(/\d[\d,]*\d/g) ?? []) {
    if (group.includes(",") && !/^\d{1,3}(,\d{3})+$/.test(group)) {
      problems.push({ severity: "warning", rule: "number/irregular-grouping", message: `"${clip(group)}" is not grouped in threes` });
    }
  }
  return problems;
}

/**
 * Digits separated by white space that is not thousands grouping ("20 20",
 * "3 1", "11,433 5,717"): the offending text, else null. Groups of three
 * after a space ("1 000 000", thin spaces too) are grouping, not two numbers.
 * `text` must be width-folded.
 *
 * @example spacedNumbers("20 20") // "20 20"
 * @example spacedNumbers("1 000") // null
 */
export function spacedNumbers(text: string): string | null {
  for (const m of text.matchAll(/(?<![\d,.])\d[\d,.]*(?:\s+\d[\d,.]*)+/g)) {
    if (!/^\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?$/.test(m[0])) return m[0];
  }
  return null;
}

/**
 * Parse one number as printed in a Japanese table cell.
 *
 * Handles full- and mixed-width digits (`１4０，０００`), `．` decimals, kanji
 * numerals (三千万, 二〇二三, 2億3千430万), △/▲/− negatives, a lone dash as
 * "none" (null, `none: true`), `％`, fractions (1/2, 3分の1), 約, bounds
 * (以上, 以下, 以内, 未満, 超), ranges (21～50人) and counters (人, 社, 件, 名, 団体 …).
 *
 * @example parseNumber("△1,234").value // -1234
 * @example parseNumber("1/3以内") // { value: 0.333…, fraction: { numerator: 1, denominator: 3 }, bound: "lte", … }
 * @example parseNumber("－") // { value: null, none: true, … }
 */
export function parseNumber(text: string): ParsedNumber {
  const raw = text;
  const folded = toHalfWidth(text ?? "");
  // Most cells hold a plain integer: read it as the scans below would (no spaces inside,
  // no sign, unit or range; grouped in threes if at all), without running them.
  const plain = folded.trim();
  if (PLAIN_INTEGER.test(plain)) {
    return { raw, none: false, approximate: false, value: Number(plain.replaceAll(",", "")), problems: digitProblems(raw, plain) };
  }
  const s = stripSpaces(folded);
  const base = { raw, none: false, approximate: false };
  if (s === "") {
    return { ...base, value: null, problems: [{ severity: "info", rule: "number/empty", message: "empty cell" }] };
  }
  if (NONE_CELL.test(s)) return { ...base, value: null, none: true, problems: [] };
  const several = spacedNumbers(folded);
  if (several !== null) {
    return { ...base, value: null, problems: [{ severity: "error", rule: "number/several-numbers", message: `"${clip(several)}" is several numbers separated by spaces, not one` }] };
  }
  const scan = scanQuantity(s, ["%", ...COUNTERS]);
  const problems = [...digitProblems(raw, s), ...scan.problems];
  if (scan.error) problems.push({ severity: "error", rule: "number/unparseable", message: scan.error });
  const { value, approximate, bound, unit, fraction, range } = scan;
  return {
    ...base, value, approximate, problems,
    ...(bound ? { bound } : {}), ...(unit ? { unit } : {}), ...(fraction ? { fraction } : {}), ...(range ? { range } : {}),
  };
}
