/**
 * Dates and fiscal years in Japanese eras (和暦) and the western calendar:
 * 令和5年4月1日, R5.4.1, ㍻31年4月30日, 2024.8.21(月), ２月末時点,
 * 令和６年度, 2012年度～2024年度.
 */
import { evalMagnitude } from "./numbers.js";
import type { Normalized, Problem } from "./types.js";
import { clip, stripSpaces, toHalfWidth } from "./width.js";

/** The five modern eras. */
export type EraName = "明治" | "大正" | "昭和" | "平成" | "令和";

/** An era with its first and last day (Gregorian, ISO). */
export interface Era {
  name: EraName;
  initial: "M" | "T" | "S" | "H" | "R";
  start: string;
  end: string | null;
}

/** The eras, oldest first. 明治 is counted from 1868-01-25 (明治元年1月1日 in the old calendar). */
export const ERAS: readonly Era[] = [
  { name: "明治", initial: "M", start: "1868-01-25", end: "1912-07-29" },
  { name: "大正", initial: "T", start: "1912-07-30", end: "1926-12-24" },
  { name: "昭和", initial: "S", start: "1926-12-25", end: "1989-01-07" },
  { name: "平成", initial: "H", start: "1989-01-08", end: "2019-04-30" },
  { name: "令和", initial: "R", start: "2019-05-01", end: null },
];

const LIGATURES: Record<string, string> = { "㍾": "明治", "㍽": "大正", "㍼": "昭和", "㍻": "平成", "㋿": "令和" };
const WEEKDAYS = "日月火水木金土";

/** Result value of {@link parseDate}. */
export interface DateValue {
  /** "2023-04-01" (day), "2023-12" (month), "2023" (year) or "2023-04-01/2024-03-31" (fiscal year). */
  iso: string;
  precision: "day" | "month" | "year" | "fiscal-year";
  year: number;
  month?: number;
  day?: number;
  /** The era as written, e.g. { name: "令和", year: 5 }. */
  era?: { name: EraName; year: number };
  /** The weekday printed beside the date, e.g. "月". */
  printedWeekday?: string;
  /** まで or a leading ～ → until, から / より / 以降 / a trailing ～ → from, 時点 / 現在 → asOf. */
  qualifier?: "until" | "from" | "asOf";
  /**
   * The end of a range written with ～ (令和6年4月23日～7月26日 → end.iso "2024-07-26");
   * a year-less end takes the start's year. `qualifier` is then absent.
   */
  end?: Omit<DateValue, "end" | "qualifier">;
  /** Written as 末 (end of month). */
  endOfMonth?: boolean;
}

/** Context for year-less dates such as 4月23日（火）. */
export interface DateContext {
  /** The calendar year to assume. */
  year?: number;
  /** The fiscal year (April–March) to assume: months 1–3 fall in the next calendar year. */
  fiscalYear?: number;
}

/** Options for {@link parseDate}. */
export interface DateOptions {
  context?: DateContext;
}

// 令5.4.1 and R.5.4.1 are abbreviations too; a one-kanji era needs a dotted date after it.
const ERA_RE = "明治|大正|昭和|平成|令和|[明大昭平令](?=\\.?\\d{1,2}[./]\\d)|[MTSHR]\\.?";
const NUM = "\\d{1,4}|[〇一二三四五六七八九十]{1,4}";
// A western year has digit boundaries on both sides (03-1234-5678 is no year).
const YEAR_RE =
  `(?:(?<![A-Za-z])(?<era>${ERA_RE})(?<ey>\\d{1,4}(?!\\d)|[〇一二三四五六七八九十]{1,4}|元)|(?<![\\d.,-])(?<wy>\\d{4}(?!\\d)|[〇一二三四五六七八九]{4})(?:\\((?<pe>${ERA_RE})(?<pey>${NUM}|元)年?\\))?)`;
const MD_RE =
  `(?<mo>\\d{1,2}(?!\\d)|[一二三四五六七八九十]{1,2})(?:月|[./-](?=\\d)|(?=\\D|$))(?:(?<d>\\d{1,2}(?!\\d)|[一二三四五六七八九十]{1,3})日?|(?<eom>末))?`;
// A printed weekday: (月), (月曜), (月曜日), [月], 【月】, (月・祝).
const WD_RE = `(?:[(\\[【](?<wd>[${WEEKDAYS}])(?:曜日?)?(?:[・･,、][^)\\]】]*)?[)\\]】])?`;
// With a year: 年度, or 年 with an optional month, or a separator that must be followed by a month.
const MD_LOOKAHEAD = MD_RE.replace(/\(\?<\w+>/g, "(?:");
const WITH_YEAR = new RegExp(`${YEAR_RE}(?:(?<fy>年度)|(?:年|[./-](?=${MD_LOOKAHEAD}))(?:${MD_RE})?)${WD_RE}`);
const WITHOUT_YEAR = new RegExp(`(?<![\\d.,-])(?<mo>\\d{1,2}(?!\\d)|[一二三四五六七八九十]{1,2})(?:月|[/.](?=[\\d末]))(?:(?<d>\\d{1,2}(?!\\d)|[一二三四五六七八九十]{1,3})日?|(?<eom>末))?${WD_RE}`);

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
const isoDay = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Read a year, month or day number: arabic, kanji or 元 (= 1). */
function readNumber(text: string): number | null {
  return text === "元" ? 1 : evalMagnitude(text);
}

/** Find an era by name, initial or ligature. */
export function findEra(name: string): Era | undefined {
  if (typeof name !== "string") return undefined;
  const short = name.replace(/\.$/, "");
  const n = LIGATURES[short] ?? ERAS.find((e) => e.name[0] === short && short.length === 1)?.name ?? short;
  return ERAS.find((e) => e.name === n || e.initial === n);
}

/**
 * The western year of an era year: 令和5 → 2023, 平成元 → 1989.
 *
 * @example eraToYear("令和", 5) // 2023
 */
export function eraToYear(era: string, year: number): number | null {
  const e = findEra(era);
  return e ? Number(e.start.slice(0, 4)) + year - 1 : null;
}

/** Fold ligatures and widths; shared by parseDate and parseFiscalYear. */
function prepare(text: string): string {
  return stripSpaces(toHalfWidth(text ?? "")).replace(/[㍾㍽㍼㍻㋿]/g, (c) => LIGATURES[c]!);
}

/** Check an era-written span [first, last] (ISO days) against the era's own span. */
function eraProblems(era: Era, eraYear: number, first: string, last: string, raw: string): Problem[] {
  if (first < era.start) {
    return [{ severity: "error", rule: "date/before-era", message: `${era.name}${eraYear}年 in "${clip(raw)}" is before ${era.name} began (${era.start})` }];
  }
  if (era.end !== null && last > era.end) {
    // An error like date/before-era: the date does not exist in that era (昭和64年1月8日 was 平成元年1月8日).
    return [{ severity: "error", rule: "date/after-era", message: `"${clip(raw)}" is after ${era.name} ended (${era.end}); read as if the era had gone on` }];
  }
  return [];
}

const QUALIFIERS: ReadonlyArray<[RegExp, NonNullable<DateValue["qualifier"]>]> = [
  [/^(まで|迄)/, "until"],
  [/^(から|より|以降|~)/, "from"],
  [/^(時点|現在)/, "asOf"],
];

/**
 * Parse a date in any era or western form. Precision follows the text:
 * 令和5年12月 is a month, 令和５年度 a fiscal year (an ISO interval).
 * Year-less dates need `context.year` or `context.fiscalYear`. A printed
 * weekday that disagrees with the date gives `date/weekday-mismatch`.
 *
 * @example parseDate("令和元年5月1日").value?.iso // "2019-05-01"
 * @example parseDate("R4.3.31まで").value // { iso: "2022-03-31", qualifier: "until", … }
 * @example parseDate("4月23日（火）", { context: { year: 2024 } }).value?.iso // "2024-04-23"
 */
export function parseDate(text: string, options: DateOptions = {}): Normalized<DateValue> {
  options ??= {};
  const raw = text;
  const s = prepare(text);
  const problems: Problem[] = [];
  const fail = (severity: Problem["severity"], rule: string, message: string): Normalized<DateValue> => ({
    value: null, raw, problems: [...problems, { severity, rule, message }],
  });
  if (s === "") return fail("info", "date/empty", "empty cell");

  const withYear = WITH_YEAR.exec(s);
  const m = withYear ?? WITHOUT_YEAR.exec(s);
  if (!m) return fail("error", "date/unparseable", `no date in "${clip(raw)}"`);
  const g = m.groups!;

  // The year.
  let year: number | null = null;
  let era: Era | undefined;
  let eraYear = 0;
  if (g.era !== undefined) {
    era = findEra(g.era)!;
    eraYear = readNumber(g.ey!) ?? 0;
    if (eraYear < 1 || eraYear > 99) return fail("error", "date/invalid", `era year ${clip(g.ey)} in "${clip(raw)}" is out of range`);
    year = eraToYear(era.name, eraYear);
  } else if (g.wy !== undefined) {
    year = readNumber(g.wy);
    if (g.pe !== undefined) {
      // 2023(令和５)年: the era in parentheses must agree with the western year.
      const fromEra = eraToYear(g.pe, readNumber(g.pey!) ?? 0);
      if (fromEra !== year) {
        problems.push({ severity: "error", rule: "date/era-mismatch", message: `"${clip(raw)}": ${g.pe}${g.pey}年 is ${fromEra}, not ${year}` });
      }
    }
  } else {
    const ctx = options.context ?? {};
    const month = readNumber(g.mo!) ?? 0;
    year = ctx.year ?? (ctx.fiscalYear !== undefined ? (month >= 4 ? ctx.fiscalYear : ctx.fiscalYear + 1) : null);
    if (year === null) return fail("warning", "date/missing-year", `"${clip(raw)}" has no year and no context year was given`);
  }
  if (year === null) return fail("error", "date/unparseable", `no year in "${clip(raw)}"`);
  const eraNote = era ? { era: { name: era.name, year: eraYear } } : {};

  let value: DateValue;
  if (g.fy !== undefined) {
    const start = isoDay(year, 4, 1);
    const end = isoDay(year + 1, 3, 31);
    value = { iso: `${start}/${end}`, precision: "fiscal-year", year, ...eraNote };
    if (era) problems.push(...fiscalEraProblems(era, eraYear, year, raw));
  } else if (g.mo === undefined) {
    value = { iso: pad(year, 4), precision: "year", year, ...eraNote };
    if (era) problems.push(...eraProblems(era, eraYear, `${pad(year, 4)}-12-31`, `${pad(year, 4)}-01-01`, raw));
  } else {
    const month = readNumber(g.mo) ?? 0;
    if (month < 1 || month > 12) return fail("error", "date/invalid", `month ${clip(g.mo)} in "${clip(raw)}" does not exist`);
    const last = daysInMonth(year, month);
    if (g.d === undefined && g.eom === undefined) {
      value = { iso: `${pad(year, 4)}-${pad(month)}`, precision: "month", year, month, ...eraNote };
      if (era) problems.push(...eraProblems(era, eraYear, isoDay(year, month, last), isoDay(year, month, 1), raw));
    } else {
      const day = g.eom !== undefined ? last : (readNumber(g.d!) ?? 0);
      if (day < 1 || day > last) return fail("error", "date/invalid", `${year}-${pad(month)} has no day ${clip(g.d)} ("${clip(raw)}")`);
      const iso = isoDay(year, month, day);
      value = { iso, precision: "day", year, month, day, ...eraNote, ...(g.eom !== undefined ? { endOfMonth: true } : {}) };
      if (era) problems.push(...eraProblems(era, eraYear, iso, iso, raw));
      if (g.wd !== undefined) {
        value.printedWeekday = g.wd;
        const actual = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
        if (actual !== g.wd) {
          problems.push({ severity: "warning", rule: "date/weekday-mismatch", message: `"${clip(raw)}": ${iso} is a ${actual}曜日, not ${g.wd}曜日` });
        }
      }
    }
  }
  if (year < 1873 && value.precision !== "fiscal-year") {
    problems.push({ severity: "info", rule: "date/lunar-calendar", message: `Japan used the lunisolar calendar before 1873; "${clip(raw)}" is read as Gregorian` });
  }

  let before = s.slice(0, m.index);
  let after = s.slice(m.index + m[0].length);
  // 令和6年4月23日～7月26日: the end of a range, a year-less end in the start's year.
  if (after.startsWith("~") && after.length > 1) {
    const endText = after.slice(1);
    const yearless = WITH_YEAR.exec(endText)?.index !== 0;
    const endMatch = yearless ? WITHOUT_YEAR.exec(endText) : WITH_YEAR.exec(endText);
    if (endMatch && endMatch.index === 0) {
      let end = parseDate(endText, { context: { year } });
      // 令和6年12月1日～3月31日: a year-less end before the start is in the next year.
      if (yearless && end.value && end.value.iso < value.iso) end = parseDate(endText, { context: { year: year + 1 } });
      if (end.value) {
        const { qualifier: _q, end: _e, ...endValue } = end.value;
        value.end = endValue;
        problems.push(...end.problems.filter((p) => p.rule !== "date/extra-text"));
        after = endText.slice(endMatch[0].length);
        if (value.end.iso < value.iso) {
          problems.push({ severity: "warning", rule: "date/range-reversed", message: `"${clip(raw)}" ends before it starts` });
        }
      }
    }
  }
  const qualifier = value.end ? undefined : QUALIFIERS.find(([re]) => re.test(after));
  if (qualifier) value.qualifier = qualifier[1];
  else if (!value.end && before.endsWith("~")) {
    // ～令和6年10月18日: until that day.
    value.qualifier = "until";
    before = before.slice(0, -1);
  }
  const extra = before + (qualifier ? after.replace(qualifier[0], "") : after);
  if (extra !== "") problems.push({ severity: "info", rule: "date/extra-text", message: `"${clip(raw)}": ignored "${clip(extra)}"` });
  return { value, raw, problems };
}

function fiscalEraProblems(era: Era, eraYear: number, year: number, raw: string): Problem[] {
  // 令和元年度 (from 2019-04-01) is normal usage, so only the year is checked.
  if (year < Number(era.start.slice(0, 4)) || (era.end !== null && year > Number(era.end.slice(0, 4)))) {
    return [{ severity: "warning", rule: "fiscal-year/outside-era", message: `${era.name}${eraYear}年度 in "${clip(raw)}" is outside ${era.name}` }];
  }
  return [];
}

/** Result value of {@link parseFiscalYear}: 令和６年度 → year 2024, 2024-04-01 to 2025-03-31. */
export interface FiscalYearValue {
  /** The (first) fiscal year, named by the calendar year it starts in. */
  year: number;
  /** The last fiscal year of a range; equal to `year` for one year. */
  lastYear: number;
  /** First day, ISO. */
  start: string;
  /** Last day, ISO. */
  end: string;
}

const FY_PART = new RegExp(`^(?:(?<wy>\\d{4})|(?<era>${ERA_RE})?(?<ey>${NUM}|元))(?<nendo>年度|年)?`);

/**
 * Parse a Japanese fiscal year (April to March) or a range of them.
 * The second end of a range inherits the first end's era (令和4年度から6年度まで).
 *
 * @example parseFiscalYear("令和６年度").value // { year: 2024, lastYear: 2024, start: "2024-04-01", end: "2025-03-31" }
 * @example parseFiscalYear("2012年度～2024年度").value?.lastYear // 2024
 */
export function parseFiscalYear(text: string): Normalized<FiscalYearValue> {
  const raw = text;
  const s = prepare(text).replace(/(まで|迄)$/, "");
  const problems: Problem[] = [];
  const fail = (rule: string, message: string): Normalized<FiscalYearValue> => ({
    value: null, raw, problems: [...problems, { severity: "error", rule, message }],
  });
  if (s === "") return { value: null, raw, problems: [{ severity: "info", rule: "fiscal-year/empty", message: "empty cell" }] };

  // 令和6年度～令和8年度, 令和6年度-令和8年度 (－ and ― fold to -), R6-R8.
  const parts = s.split(/~|から|-/);
  if (parts.length > 2) return fail("fiscal-year/unparseable", `"${clip(raw)}" has more than two ends`);
  const years: number[] = [];
  let inheritedEra: string | undefined;
  for (const part of parts) {
    const m = FY_PART.exec(part);
    if (!m) return fail("fiscal-year/unparseable", `no fiscal year in "${clip(raw)}"`);
    const g = m.groups!;
    if (m[0].length < part.length) {
      problems.push({ severity: "info", rule: "fiscal-year/extra-text", message: `"${clip(raw)}": ignored "${clip(part.slice(m[0].length))}"` });
    }
    if (g.nendo === "年") {
      problems.push({ severity: "warning", rule: "fiscal-year/calendar-year", message: `"${clip(part)}" names a calendar year (年), read as a fiscal year` });
    }
    let year: number | null;
    if (g.wy !== undefined) {
      year = Number(g.wy);
    } else {
      const eraName = g.era ?? inheritedEra;
      if (eraName === undefined) return fail("fiscal-year/unparseable", `"${clip(part)}" names no era`);
      inheritedEra = eraName;
      const era = findEra(eraName)!;
      const eraYear = readNumber(g.ey!) ?? 0;
      if (eraYear < 1 || eraYear > 99) return fail("fiscal-year/unparseable", `era year ${clip(g.ey)} in "${clip(raw)}" is out of range`);
      year = eraToYear(era.name, eraYear)!;
      problems.push(...fiscalEraProblems(era, eraYear, year, raw));
    }
    years.push(year);
  }
  const first = years[0]!;
  const last = years[years.length - 1]!;
  if (last < first) problems.push({ severity: "error", rule: "fiscal-year/range-reversed", message: `"${clip(raw)}" ends before it starts` });
  return { value: { year: first, lastYear: last, start: isoDay(first, 4, 1), end: isoDay(last + 1, 3, 31) }, raw, problems };
}
