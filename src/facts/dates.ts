/**
 * Dates, date ranges, deadlines and fiscal years in running text. This file only finds
 * where a date is printed; parseDate and parseFiscalYear read it.
 *
 * A date needs a year (令和7年, R7.4.1, 2025年, 2025/4/25) or a month and a day written
 * as such (4月25日); a bare 4/25 is a date only with its weekday (4/25(金)) or as one
 * end of a range (12/29～1/3), so fractions stay fractions; 10.13 only with its weekday
 * (10.13(金), also as a range's end: 2024.8.21(月)～10.13(金)). A year without an era that
 * is not four digits (8年2月) is left alone: its era is not printed.
 */
import { parseDate, parseFiscalYear, type DateValue } from "../normalize/wareki.js";
import type { Problem } from "../normalize/types.js";
import { claim, labelBefore, type ScanInput } from "./finder.js";
import { eachMatch } from "./text.js";
import type { FactDetail, TextFact } from "./types.js";

const ERA = "(?:明治|大正|昭和|平成|令和|[㍾㍽㍼㍻㋿]|(?<![A-Za-z])[MTSHR]\\.?)";
const ERA_YEAR = "(?:\\d{1,2}(?!\\d)|元|[一二三四五六七八九十]{1,3})";
const WEST_YEAR = "(?<![\\d.,/-])(?:1[89]|20)\\d{2}(?!\\d)";
/** 令和7, R7, 2025, 2023(令和5). */
const YEAR = `(?:${ERA} ?${ERA_YEAR}|${WEST_YEAR}(?:\\(${ERA} ?${ERA_YEAR}年?\\))?)`;
const MONTH = "(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])(?!\\d)";
const DAY = "(?:3[01]|[12]\\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?!\\d)";
/** (金), (金曜日), 【月】, (月・祝); with the spaces office software leaves inside the brackets, ( 金 ). */
const WEEKDAY = "(?: ?[(\\[【] ?[日月火水木金土] ?(?:曜日?)?(?:[・･,、][^)\\]】]{1,3})? ?[)\\]】])";

/** 令和7年4月1日, 2025年4月, 令和7年 (a year, but not 令和7年度). */
const WRITTEN = `${YEAR} ?年(?! ?度)(?: ?${MONTH} ?月(?: ?${DAY} ?日| ?末)?)?`;
/**
 * An era year as office software prints it with mixed widths: the gaps it puts between
 * full-width and ASCII digits come out as spaces (H2 ９ → "H2 9").
 */
const GAPPED_ERA_YEAR = "(?:\\d(?: ?\\d)?(?!\\d)|元)";
/** R7.4.1, 2024.8.21, 2025/4/25; with office gaps, R ４ .1.1 and H2 ９ .1.1. */
const DOTTED = `(?:${ERA} ?${GAPPED_ERA_YEAR} ?(?=[./])|${WEST_YEAR})(?:\\.${MONTH}\\.${DAY}|\\/${MONTH}\\/${DAY})`;
/** 4月25日, 同年9月30日: no year printed (同年 takes the last one). */
const YEARLESS = `(?<![\\d.,/年度-])(?:同年 ?)?${MONTH} ?月 ?${DAY} ?日`;
/** 4/25: a date only with a weekday or in a range. */
const SLASH = `(?<![\\d.,/])${MONTH}\\/${DAY}`;
/** 10.13(金): a day written with a dot, a date only with its weekday (10.13 alone is a number). */
const DOT_DAY = `(?<![\\d.,/])${MONTH}\\.${DAY}(?=${WEEKDAY})`;
const STARTS_WITH_YEAR = new RegExp(`^${YEAR}`);

const POINT = new RegExp(`(?:${WRITTEN}|${DOTTED}|${YEARLESS}|(?<slash>${SLASH})|${DOT_DAY})${WEEKDAY}?`, "g");
/** The far end of a range may leave out the year, or the day (2023年10月から2024年9月). */
const END_POINT = new RegExp(`(?:${WRITTEN}|${DOTTED}|${MONTH} ?月(?: ?${DAY} ?日)?|${SLASH}|${DOT_DAY})${WEEKDAY}?`, "y");
const RANGE_SEPARATOR = / ?(?:~|から) ?/y;
/** A time after the date, then a word that says what the date is to the sentence. */
const AFTER = /(?<time> ?(?:\d{1,2}:\d{2}|\d{1,2}時(?:\d{1,2}分)?|正午))?(?: ?(?<word>までに|まで|迄|必着|締切|締め切り|〆切|から|より(?!前)|以降|時点|現在|~(?! ?\d)))?/y;
const UNTIL_WORDS = new Set(["までに", "まで", "迄", "必着", "締切", "締め切り", "〆切"]);
/** A label that makes the date after it a deadline: 申請締切：, 提出期限 (a table's first column). */
const DEADLINE_LABEL = /(締切|締め切り|〆切|期限|期日)(?:日時|日)?(?:は)? ?:? ?$/;

const FISCAL_YEAR = new RegExp(
  `(?:${YEAR} ?年度(?<eofy>末)?(?: ?(?:~|から) ?(?:${ERA} ?)?(?:${ERA_YEAR}|(?:1[89]|20)\\d{2}) ?年度)?` +
    `|${ERA} ?${ERA_YEAR} ?~ ?${ERA_YEAR} ?年度)`,
  "g",
);

/** Fiscal years (令和7年度, 令和6～8年度) and the end of one (令和7年度末 → 2026-03-31). */
export function findFiscalYears(input: ScanInput): TextFact[] {
  const out: TextFact[] = [];
  eachMatch(FISCAL_YEAR, input.folded, (m) => {
    const start = m.index;
    const end = start + m[0].length;
    if (!input.claims.isFree(start, end)) return null;
    const fy = parseFiscalYear(m[0].replace(/末$/, ""));
    if (!fy.value) return null;
    const after = readAfter(input.folded, end);
    // The まで of 令和4年度から6年度まで closes the range; it does not qualify it.
    const qualifier = fy.value.lastYear !== fy.value.year && after.word === "まで" ? undefined : qualifierOf(after.word);
    if (m.groups?.eofy) {
      // 年度末 is a day: the last day of that fiscal year.
      const deadline = after.word !== undefined && UNTIL_WORDS.has(after.word);
      out.push(claim(input, deadline ? "deadline" : "date", start, end, fy.value.end,
        { precision: "day", ...(deadline ? { label: after.word } : { qualifier }) }, fy.problems));
    } else {
      out.push(claim(input, "fiscalYear", start, end, `${fy.value.start}/${fy.value.end}`,
        { year: fy.value.year, lastYear: fy.value.lastYear, qualifier }, fy.problems));
    }
    input.context.year = fy.value.year;
    return end;
  });
  return out;
}

/** Dates, ranges of dates and deadlines. */
export function findDates(input: ScanInput): TextFact[] {
  const out: TextFact[] = [];
  const { folded, claims, context } = input;
  eachMatch(POINT, folded, (m) => {
    const start = m.index;
    let end = start + m[0].length;
    if (!claims.isFree(start, end)) return null;
    // The far end of a range: 令和6年4月23日～7月26日, 2023年10月から2024年9月, 12/29～1/3.
    let range: { text: string; end: number } | null = null;
    RANGE_SEPARATOR.lastIndex = end;
    if (RANGE_SEPARATOR.test(folded)) {
      END_POINT.lastIndex = RANGE_SEPARATOR.lastIndex;
      const far = END_POINT.exec(folded);
      if (far && claims.isFree(far.index, END_POINT.lastIndex)) range = { text: far[0], end: END_POINT.lastIndex };
    }
    if (m.groups?.slash !== undefined && !/[)\]】]$/.test(m[0]) && !range) return null; // 4/25 alone may be a fraction
    const sameYear = m[0].startsWith("同年") && context.year !== undefined;
    const yearless = !sameYear && !STARTS_WITH_YEAR.test(m[0]);
    const dateText = m[0] + (range ? `~${range.text}` : "");
    // A date without its year is read in a leap year (so 2月29日 is a day) and printed as --MM-DD.
    const parsed = parseDate(dateText, { context: { year: sameYear ? context.year! : 2000 } });
    const date = parsed.value;
    if (!date) return null;
    const problems = yearless ? parsed.problems.filter((p) => p.rule !== "date/weekday-mismatch") : parsed.problems;
    const iso = (d: Omit<DateValue, "end" | "qualifier">) => (yearless ? yearlessIso(d) : d.iso);
    if (!yearless) context.year = date.year;
    if (range && date.end) {
      end = range.end;
      out.push(claim(input, "dateRange", start, end, iso(date), { precision: date.precision, era: date.era }, problems, iso(date.end)));
      return end;
    }
    const after = readAfter(folded, end);
    if (after.time) end += after.time.length;
    out.push(pointFact(input, start, end, iso(date), date, after, problems));
    return end;
  });
  return out;
}

/** A single date: a deadline when まで / 締切 follows it or a 締切 / 期限 label precedes it. */
function pointFact(input: ScanInput, start: number, end: number, value: string, date: DateValue, after: After, problems: Problem[]): TextFact {
  const detail: FactDetail = {
    precision: date.precision, era: date.era, weekday: date.printedWeekday, time: after.time?.trim(),
  };
  const before = labelBefore(input, start);
  const label = after.word !== undefined && UNTIL_WORDS.has(after.word) ? after.word : (DEADLINE_LABEL.exec(before)?.[1] ?? (/~ ?$/.test(before) ? "~" : undefined));
  if (label !== undefined && (date.precision === "day" || date.precision === "month")) {
    return claim(input, "deadline", start, end, value, { ...detail, label }, problems);
  }
  return claim(input, "date", start, end, value, { ...detail, qualifier: qualifierOf(after.word) }, problems);
}

interface After {
  time?: string;
  word?: string;
}

function readAfter(folded: string, at: number): After {
  AFTER.lastIndex = at;
  const g = AFTER.exec(folded)?.groups ?? {};
  return { ...(g.time !== undefined && { time: g.time }), ...(g.word !== undefined && { word: g.word.trim() }) };
}

function qualifierOf(word: string | undefined): FactDetail["qualifier"] {
  if (word === undefined) return undefined;
  if (UNTIL_WORDS.has(word)) return "until";
  if (word === "時点" || word === "現在") return "asOf";
  return "from";
}

/** --MM-DD (or --MM): ISO 8601's form for a day of the year without the year. */
function yearlessIso(d: Omit<DateValue, "end" | "qualifier">): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return d.day !== undefined ? `--${pad(d.month!)}-${pad(d.day)}` : `--${pad(d.month!)}`;
}
