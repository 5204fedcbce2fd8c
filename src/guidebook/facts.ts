/**
 * Amounts, rates and dates in a stretch of printed text, each normalised (parseAmount,
 * parseNumber, parseDate) and boxed.
 *
 * - amount: a number with a yen unit (8,635円, 280万円, 3億円), with 以上/以下/以内 and a
 *   per-what (／1人1日, /人); a 上限 / 最大 before it makes it a cap;
 * - rate: a percentage (75％, ３％以上), a fraction of small numbers (2/3, 1/2), 2分の1, 9割;
 * - date: a day, month, year or fiscal year in an era or the western calendar (令和6年8月,
 *   R6.3.29, 2024.8.21(月), 令和５年度), a year-less day with its context year (12/27(金),
 *   7月23日), a range (～), with the weekday it prints checked.
 *
 * A day is a deadline when まで or 必着 follows it, when its paragraph names a deadline
 * (締切, 公募, 募集期間 …), or when the label it stands under does (申請受付期間 over
 * 大規模法人部門 over the dates); of a range, the last day is. A date that starts something (から, a
 * trailing ～) or states when (時点) is no deadline.
 */
import { parseAmount } from "../normalize/amounts.js";
import { parseNumber } from "../normalize/numbers.js";
import { parseDate, parseFiscalYear, type DateValue } from "../normalize/wareki.js";
import { boxOf, foldWidth, type Unit } from "./text.js";
import type { Fact } from "./types.js";

const ERA_YEAR = String.raw`(?:令和|平成|昭和|(?<![A-Za-z])[RH])(?:\d{1,2}|元)`;
const WEST_YEAR = String.raw`(?<![\d.,/-])(?:19|20)\d{2}(?!\d)`;
const YEAR = `(?:${ERA_YEAR}|${WEST_YEAR})`;
const WD = String.raw`(?:\([日月火水木金土](?:・祝)?\))`;
/** A date with its year: 令和6年度, 2020年9月, 2024年11月29日(金), R6.3.29, 2024.8.21(月), R5.5. */
const WITH_YEAR = String.raw`${YEAR}(?:年度|年(?:\d{1,2}月(?:\d{1,2}日|末)?)?|\.\d{1,2}(?:\.\d{1,2})?(?!\d))${WD}?`;
/** A year-less day: 7月23日, 4月23日(火); 12/27(金) and 10.13(金) only with their weekday. */
const NO_YEAR = String.raw`(?<![\d./])(?:\d{1,2}月\d{1,2}日${WD}?|\d{1,2}[/.]\d{1,2}${WD})`;
/** A fiscal year named in any era or the western calendar (平成31年度, R6年度, 2024年度). */
const FISCAL_YEAR = new RegExp(`${YEAR}年度`);
const DATE = new RegExp(String.raw`(?:${WITH_YEAR}|${NO_YEAR})(?:~(?:${WITH_YEAR}|${NO_YEAR}|${YEAR}年度))?`, "g");
const AMOUNT =
  /(?:(?:上限額?|最大|限度額?):?)?(?<![\d,.])\d[\d,]*(?:\.\d+)?(?:兆|億|千万|百万|万|千)?円(?:以上|以下|以内|未満|超)?(?:\/(?:1人1日|1人|人|年|月|日|事業|社|件|回))?/g;
const RATE = /(?<![\d.,])\d+(?:\.\d+)? ?%(?:以上|以下|以内|未満|超)?|(?<![\d/.~])[1-9]\/(?:10|[2-9])(?![\d/(~])|(?<!\d)\d+分の\d+|(?<![\d.])\d(?:\.\d)?割(?!合|引)/g;
const URL = /https?:\/\/\S+/g;

/** Words of a label that introduces dates: 申請受付期間, 提出期限, スケジュール. */
export const DATE_WORDS = /期間|期限|締切|締め切|〆切|日|時期|スケジュール|公募|募集|受付/;

/** Does the text print a date? */
export const hasDate = (text: string) => new RegExp(DATE.source).test(foldWidth(text));

export interface FactContext {
  page: number;
  /** The fiscal year for year-less dates when the text names none (the guidebook's own). */
  fiscalYear: number | null;
  deadline: RegExp;
  /** The label the text stands under in its block (申請受付期間), if any. */
  label: string | null;
}

export function scanFacts(unit: Unit, ctx: FactContext): Fact[] {
  const text = unit.text;
  const folded = foldWidth(text);
  const taken: Array<[number, number]> = [...folded.matchAll(URL)].map((m) => [m.index!, m.index! + m[0].length]);
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  const facts: Array<Fact & { at: number }> = [];
  const base = (s: number, e: number) => ({ text: text.slice(s, e), page: ctx.page, box: boxOf(unit, s, e), at: s });
  // The fiscal year a year-less date belongs to: one named in the same text, else the guidebook's.
  const named = FISCAL_YEAR.exec(folded);
  const fiscalYear = (named && parseFiscalYear(named[0]).value?.year) ?? ctx.fiscalYear;

  for (const m of folded.matchAll(DATE)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!free(s, e)) continue;
    const parsed = parseDate(m[0], fiscalYear !== null ? { context: { fiscalYear } } : {});
    if (!parsed.value) continue;
    taken.push([s, e]);
    const v = parsed.value;
    facts.push({ kind: "date", ...base(s, e), ...dateFields(v), deadline: deadline(v, folded.slice(e), text, ctx) });
  }
  for (const m of folded.matchAll(AMOUNT)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!free(s, e)) continue;
    const a = parseAmount(text.slice(s, e));
    if (a.value === null) continue;
    taken.push([s, e]);
    facts.push({
      kind: "amount", ...base(s, e), value: a.value,
      ...(a.per ? { per: a.per } : {}), ...(a.cap ? { cap: true } : {}), ...(a.bound ? { bound: a.bound } : {}),
    });
  }
  for (const m of folded.matchAll(RATE)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!free(s, e)) continue;
    const n = parseNumber(m[0].replace(/割$/, "/10"));
    if (n.value === null) continue;
    const value = m[0].endsWith("割") ? Number(m[0].replace(/割$/, "")) / 10 : n.unit === "%" ? n.value / 100 : n.value;
    taken.push([s, e]);
    facts.push({ kind: "rate", ...base(s, e), value: Math.round(value * 1e6) / 1e6, ...(n.bound ? { bound: n.bound } : {}) });
  }
  return facts.sort((a, b) => a.at - b.at).map(({ at: _at, ...f }) => f);
}

const WEEKDAYS = "日月火水木金土";

function dateFields(v: DateValue): Partial<Fact> {
  const printed = [v.printedWeekday, v.end?.printedWeekday].filter((w): w is string => w !== undefined);
  const days = [v, v.end].filter((d) => d?.printedWeekday !== undefined) as DateValue[];
  const actual = days.map((d) => WEEKDAYS[new Date(Date.UTC(d.year, d.month! - 1, d.day!)).getUTCDay()]!);
  return {
    iso: v.iso,
    ...(v.end ? { end: v.end.iso } : {}),
    precision: v.precision,
    ...(printed.length > 0 ? { weekday: { printed, actual, ok: printed.every((w, i) => w === actual[i]) } } : {}),
  };
}

function deadline(v: DateValue, after: string, paragraph: string, ctx: FactContext): string | null {
  const last = v.end ?? v;
  if (last.precision !== "day") return null;
  if (!v.end && (/^(?:から|より|以降|~|時点|現在)/.test(after))) return null;
  const stated =
    /^(?:まで|迄|\(?必着|\(?締切)/.test(after) ||
    ctx.deadline.test(paragraph) ||
    (ctx.label !== null && ctx.deadline.test(ctx.label));
  return stated ? last.iso : null;
}
