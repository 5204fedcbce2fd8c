/**
 * Amounts, rates and dates of a stretch of a guidebook's text, boxed. They are found by
 * kohyo's one fact scanner (src/facts/: where an amount, a rate or a date is printed and
 * what kind it is); this file only says what a guidebook record keeps of each:
 *
 * - amount: yen, with 以上/以下/以内 and a per-what (／1人1日, /人) printed after it; a
 *   上限 / 最大 before it makes it a cap and stays in its text (上限額：8,635円／1人1日);
 * - rate: a share (0.75 for 75％, 2/3, 2分の1), to six decimals;
 * - date: a day, month, year or fiscal year; a year-less day (12/27(金), 7月23日) in the
 *   fiscal year its text names, else the guidebook's; a range with its end; the weekdays
 *   it prints against the true ones.
 *
 * A day is a deadline when まで or 必着 follows it, when its paragraph names a deadline
 * (締切, 公募, 募集期間 …), or when the label it stands under does (申請受付期間 over
 * 大規模法人部門 over the dates); of a range, the last day is. A date that starts something (から, a
 * trailing ～) or states when (時点) is no deadline.
 */
import { scanFacts as findFacts, type TextFact } from "../facts/index.js";
import { parseAmount } from "../normalize/amounts.js";
import { parseDate, type DateValue } from "../normalize/wareki.js";
import { boxOf, type Unit } from "./text.js";
import { toHalfWidth } from "../normalize/width.js";
import type { Fact } from "./types.js";

const DATE_KINDS = new Set<TextFact["kind"]>(["date", "dateRange", "deadline", "fiscalYear"]);
/** A cap's word just before an amount, kept in its text: 上限額：, 最大. */
const CAP_WORD = /(?:上限額?|最大|限度額?):?$/;
/** A time printed after a date: 17:00, 12時, 正午. */
const TIME = / ?(?:\d{1,2}:\d{2}|\d{1,2}時(?:\d{1,2}分)?|正午)$/;
/** What an amount is per, printed after it: ／1人1日, /人. */
const PER = /^\/(?:1人1日|1人|人|年|月|日|事業|社|件|回)/;

/** Words of a label that introduces dates: 申請受付期間, 提出期限, スケジュール. */
export const DATE_WORDS = /期間|期限|締切|締め切|〆切|日|時期|スケジュール|公募|募集|受付/;

/** Does the text print a date? */
export const hasDate = (text: string) => findFacts(text).some((f) => DATE_KINDS.has(f.kind));

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
  const folded = toHalfWidth(text, { dashes: false });
  const found = findFacts(text);
  // The fiscal year a year-less date belongs to: one named in the same text, else the guidebook's.
  const named = found.find((f) => f.kind === "fiscalYear");
  const fiscalYear = named?.detail.year ?? ctx.fiscalYear;
  const base = (s: number, e: number) => ({ text: text.slice(s, e), page: ctx.page, box: boxOf(unit, s, e) });
  const facts: Fact[] = [];
  for (const f of found) {
    if (DATE_KINDS.has(f.kind)) {
      // The date without a time printed after it (17:00), its range read with ～ (4月から6月).
      const e = f.start + folded.slice(f.start, f.end).replace(TIME, "").length;
      const parsed = parseDate(folded.slice(f.start, e).replace(/ ?から ?/, "~"), fiscalYear !== null ? { context: { fiscalYear } } : {});
      if (!parsed.value) continue;
      const v = parsed.value;
      facts.push({ kind: "date", ...base(f.start, e), ...dateFields(v), deadline: deadline(v, folded.slice(e), text, ctx) });
    } else if (f.kind === "amount" || f.kind === "cap") {
      const cap = CAP_WORD.exec(folded.slice(0, f.start));
      const s = cap ? cap.index : f.start;
      const e = f.end + (PER.exec(folded.slice(f.end))?.[0].length ?? 0);
      const a = parseAmount(text.slice(s, e));
      if (a.value === null) continue;
      facts.push({
        kind: "amount", ...base(s, e), value: a.value,
        ...(a.per ? { per: a.per } : {}), ...(a.cap ? { cap: true } : {}), ...(a.bound ? { bound: a.bound } : {}),
      });
    } else if (f.kind === "rate") {
      facts.push({ kind: "rate", ...base(f.start, f.end), value: Math.round((f.value as number) * 1e6) / 1e6, ...(f.detail.bound ? { bound: f.detail.bound } : {}) });
    }
  }
  return facts;
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
