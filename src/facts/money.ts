/**
 * Amounts of money, ceilings and rates in running text. This file only finds where
 * they are printed; parseAmount and parseNumber read them.
 *
 * An amount needs its 円 (or ¥): a bare number is never money here, so a page number,
 * 第2章 or a phone number cannot become one. A fraction is a rate when it is proper
 * and its denominator at most 10 (1/2, 2/3, 3/4, 10/10): 7/25 and 4/25 are dates on a
 * timeline, not rates.
 */
import { parseAmount } from "../normalize/amounts.js";
import { parseNumber } from "../normalize/numbers.js";
import { claim, labelBefore, type ScanInput } from "./finder.js";
import { eachMatch } from "./text.js";
import type { TextFact } from "./types.js";

const DIGITS = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
const KANJI = "[〇一二三四五六七八九十百千]+";
const PART = `(?:${DIGITS}|${KANJI})`;
/** 3, 2億3千430万, 1億2,000万, 三千万, 3千万, 1.5百万, 75 万 (a space before the unit is common). */
const MULTIPLIER = "(?:千万|百万|[兆億万千])";
const NUMBER = `${PART}(?: ?${MULTIPLIER}(?:${PART}(?: ?${MULTIPLIER})?)*)?`;
const YEN = `(?:${NUMBER} ?円|[¥￥] ?${DIGITS}円?)`;
const TAX = "(?: ?\\((?:税抜|税別|税込)き?\\))";
const BOUND = "(?:以上|以下|以内|未満|を超える|超え?)";
/** parseAmount reads 以上 … 超 after 円 (を超える it leaves as a note, so it is not taken in). */
const AMOUNT_BOUND = "(?:以上|以下|以内|未満|超え?)";
/** Not after a digit (or a digit and a space: 20 20円 is two cells, not 20円). */
const NOT_AFTER_NUMBER = "(?<![\\d.,〇一二三四五六七八九十百千]\\s?)";
const AMOUNT = new RegExp(
  `${NOT_AFTER_NUMBER}(?:約|概ね|およそ)?[▲△]?(?:${NUMBER}(?: ?円)? ?(?:~|-|から) ?)?${YEN}${TAX}?${AMOUNT_BOUND}?${TAX}?`,
  "g",
);
/** The word before an amount that makes it a ceiling: 補助上限額：, 最大, (上限. */
const CAP_BEFORE = /(上限|最大|限度)(?:額|金額)?(?:は|で)? ?:? ?$/;
/** 50万円(上限), …を上限とする, 1,000万円)までを補助上限額とします. */
const CAP_AFTER = /^ ?(?:\((上限|最大|限度)額?\)|\)?(?:まで)?を(?:補助)?(上限|限度)額?(?:と|に))/;

/** Money in yen: kind "cap" when written as a ceiling, else "amount". */
export function findAmounts(input: ScanInput): TextFact[] {
  const out: TextFact[] = [];
  eachMatch(AMOUNT, input.folded, (m) => {
    const start = m.index;
    const end = start + m[0].length;
    if (!input.claims.isFree(start, end) || !/[\d〇一二三四五六七八九]/.test(m[0])) return null;
    const amount = parseAmount(m[0].replace(/ ?(?:-|から) ?(?=[\d¥￥〇一二三四五六七八九十百千])/, "~"));
    if (amount.problems.some((p) => p.severity === "error")) return null;
    const low = amount.range ? amount.range.min : amount.value;
    if (low === null || low === undefined) return null;
    const capWord = CAP_BEFORE.exec(labelBefore(input, start))?.[1] ?? CAP_AFTER.exec(input.folded.slice(end))?.slice(1).find(Boolean);
    const detail = { unit: amount.unit, bound: amount.bound, approximate: amount.approximate, tax: amount.tax, label: capWord };
    out.push(claim(input, capWord ? "cap" : "amount", start, end, low, detail, amount.problems, amount.range?.max ?? undefined));
    return end;
  });
  return out;
}

/** A percentage; ▲ / △ print a negative one (前年比▲2.5%). */
const PERCENT = new RegExp(`(?<![\\d.,]\\s?)[+\\-▲△]?\\d+(?:\\.\\d+)? ?%${BOUND}?`, "g");
/** 2/3, 3／4以内, 補助率：1/2 — not 2024/8/21, not 1/2(月), not one end of 12/29～1/3, not after a time (9:30/). */
const FRACTION = new RegExp(`(?<![\\d.,/]\\s?)(?<!\\d: ?)(?<!\\d ?~ ?)\\d{1,2} ?/ ?\\d{1,2}(?![\\d/:])(?! ?[(\\[【][日月火水木金土])(?! ?~ ?\\d)${BOUND}?`, "g");
const BUNNO = new RegExp(`(?<![\\d一二三四五六七八九十])(?:\\d{1,2}|[一二三四五六七八九十]{1,2})分の(?:\\d{1,2}|[一二三四五六七八九十]{1,2})${BOUND}?`, "g");

/** Rates: percentages (3.2% → 0.032) and proper fractions (2/3, 3分の1). */
export function findRates(input: ScanInput): TextFact[] {
  const out: TextFact[] = [];
  for (const re of [PERCENT, FRACTION, BUNNO]) {
    eachMatch(re, input.folded, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (!input.claims.isFree(start, end)) return null;
      const n = parseNumber(m[0]);
      if (n.value === null || n.problems.some((p) => p.severity === "error")) return null;
      if (n.fraction) {
        const { numerator, denominator } = n.fraction;
        if (numerator < 1 || numerator > denominator || denominator > 10) return null;
        out.push(claim(input, "rate", start, end, n.value, { numerator, denominator, bound: n.bound }, n.problems));
      } else if (n.unit === "%") {
        out.push(claim(input, "rate", start, end, Number((n.value / 100).toPrecision(12)), { percent: n.value, bound: n.bound }, n.problems));
      } else return null;
      return end;
    });
  }
  return out;
}
