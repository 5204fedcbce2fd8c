import { expect, test } from "vitest";
import { parseDate, parseFiscalYear } from "../../src/normalize/index.js";

// [source, text, ISO value, precision]
const dates: Array<[string, string, string, string]> = [
  ["seed 000 line 12", "令和5年4月1日", "2023-04-01", "day"],
  ["seed 000 line 251", "令和5年5月1日", "2023-05-01", "day"],
  ["seed 000 line 286", "令和5年6月1日", "2023-06-01", "day"],
  ["seed 000 line 435", "令和5年10月1日", "2023-10-01", "day"],
  ["seed 000 line 451", "令和5年5月31日", "2023-05-31", "day"],
  ["seed 000 line 487", "令和5年8月1日", "2023-08-01", "day"],
  ["seed 000 line 324", "2023年4月1日", "2023-04-01", "day"],
  ["seed 002 line 1864", "2024年11月29日（金）", "2024-11-29", "day"],
  ["seed 002 line 2566", "令和6年8月26日（月）", "2024-08-26", "day"],
  ["seed 002 line 2567", "～令和6年10月18日（金）【終了】", "2024-10-18", "day"],
  ["seed 002 line 1820", "（令和８年３月31日まで）", "2026-03-31", "day"],
  ["seed 002 line 4", "２０２４年１０月末時点", "2024-10-31", "day"],
  ["seed 002 line 3830", "R5.5", "2023-05", "month"],
  ["seed 002 line 3858", "R6.4", "2024-04", "month"],
  ["seed 004 line 506", "令和5年5月時点", "2023-05", "month"],
  ["seed 004 line 63 (令和2年9月 経済産業省)", "令和2年9月", "2020-09", "month"],
  ["issue 3 (forms)", "令和5年12月", "2023-12", "month"],
  ["seed 000 line 320", "1993(平成5)年", "1993", "year"],
  ["seed 000 line 320", "2004(平成16)年", "2004", "year"],
  ["10 career-up p1", "令和７年７月版", "2025-07", "month"],
  ["10 career-up p2", "令和７年7月1日", "2025-07-01", "day"],
  ["10 career-up p15", "令和８年３月31日までの間", "2026-03-31", "day"],
  ["10 career-up p17", "2023(令和５)年12月18日から", "2023-12-18", "day"],
  ["07 guidebook p15", "2０２5年6月13日（金）", "2025-06-13", "day"],
  ["07 guidebook p15", "２０２5年6月3日（火）", "2025-06-03", "day"],
  ["07 guidebook p15", "交付決定日から２０２6年7月31日（金）", "2026-07-31", "day"],
  ["07 guidebook p15", "２０２6年8月10日（月）", "2026-08-10", "day"],
  ["05 kisairei p1 (申請日)", "２０20 年８月 1 日", "2020-08-01", "day"],
  ["05 kisairei p1 (生年月日)", "19９０年 12 月 30 日", "1990-12-30", "day"],
  ["13 cashless p1", "令和元年8月21日 現在", "2019-08-21", "day"],
  ["14 online-shinryo (file name R2-04-26)", "R2.4.26", "2020-04-26", "day"],
  ["issue 3 (forms)", "R5.4.1", "2023-04-01", "day"],
  ["issue 3 (forms)", "H29.1.1", "2017-01-01", "day"],
  ["issue 3 (boundaries)", "昭和64年1月7日", "1989-01-07", "day"],
  ["issue 3 (boundaries)", "平成元年1月8日", "1989-01-08", "day"],
  ["issue 3 (boundaries)", "平成31年4月30日", "2019-04-30", "day"],
  ["issue 3 (boundaries)", "令和元年5月1日", "2019-05-01", "day"],
  ["issue 3 (ligature)", "㍻31年4月30日", "2019-04-30", "day"],
  ["issue 3 (ligature)", "㋿元年5月1日", "2019-05-01", "day"],
  ["issue 3 (eras)", "明治45年7月29日", "1912-07-29", "day"],
  ["issue 3 (eras)", "大正元年7月30日", "1912-07-30", "day"],
  ["issue 3 (eras)", "大正15年12月24日", "1926-12-24", "day"],
  ["issue 3 (eras)", "昭和元年12月25日", "1926-12-25", "day"],
  ["issue 3 (initials)", "S64.1.7", "1989-01-07", "day"],
  ["issue 3 (initials)", "T1.7.30", "1912-07-30", "day"],
  ["issue 3 (initials)", "M45.7.29", "1912-07-29", "day"],
  ["issue 3 (kanji numerals)", "令和五年四月一日", "2023-04-01", "day"],
];

test.each(dates)("%s: %s → %s", (_src, text, iso, precision) => {
  const r = parseDate(text);
  expect(r.value?.iso).toBe(iso);
  expect(r.value?.precision).toBe(precision);
  expect(r.problems.filter((p) => p.severity !== "info")).toEqual([]);
});

test("seed 002 line 2520: 2024.8.21(月) is a Wednesday — weekday mismatch reported", () => {
  const r = parseDate("2024.8.21(月)");
  expect(r.value).toMatchObject({ iso: "2024-08-21", printedWeekday: "月" });
  expect(r.problems).toEqual([expect.objectContaining({ severity: "warning", rule: "date/weekday-mismatch" })]);
  expect(r.problems[0]!.message).toContain("水");
});

test("seed 002 line 2520: the range's second date 10.13(金) is a Sunday in 2024", () => {
  const r = parseDate("10.13(金)", { context: { year: 2024 } });
  expect(r.value?.iso).toBe("2024-10-13");
  expect(r.problems.map((p) => p.rule)).toEqual(["date/weekday-mismatch"]);
});

test("seed 002 line 1678: R4.3.31まで → 2022-03-31, until", () => {
  expect(parseDate("R4.3.31まで").value).toMatchObject({ iso: "2022-03-31", qualifier: "until" });
});

test("seed 002 line 4: 末時点 is the last day, as of", () => {
  expect(parseDate("２０２４年１０月末時点").value).toMatchObject({ endOfMonth: true, qualifier: "asOf" });
});

test("issue 3: ２月末時点 needs a context year; 2024 is a leap year", () => {
  expect(parseDate("２月末時点", { context: { year: 2024 } }).value?.iso).toBe("2024-02-29");
  expect(parseDate("２月末時点", { context: { year: 2023 } }).value?.iso).toBe("2023-02-28");
});

test("seed 002 line 2666: ４月23日（火） with context year 2024", () => {
  const r = parseDate("４月23日（火）", { context: { year: 2024 } });
  expect(r.value).toMatchObject({ iso: "2024-04-23", printedWeekday: "火" });
  expect(r.problems).toEqual([]);
});

test("seed 002 line 2666: ５月31日（金） with context year 2024", () => {
  expect(parseDate("５月31日（金）", { context: { year: 2024 } }).problems).toEqual([]);
});

test("seed 002 line 3741: 12/27(金) in 令和6年度 is 2024-12-27", () => {
  const r = parseDate("12/27(金)", { context: { fiscalYear: 2024 } });
  expect(r.value?.iso).toBe("2024-12-27");
  expect(r.problems).toEqual([]);
});

test("09 monodukuri p1: 1/3 (年末年始) in fiscal year 2025 falls in 2026", () => {
  expect(parseDate("1/3", { context: { fiscalYear: 2025 } }).value?.iso).toBe("2026-01-03");
});

test("a year-less date without context is reported, not guessed", () => {
  const r = parseDate("4月23日（火）");
  expect(r.value).toBeNull();
  expect(r.problems.map((p) => p.rule)).toEqual(["date/missing-year"]);
});

test("issue 3: 令和５年度 as a date is a fiscal-year interval", () => {
  expect(parseDate("令和５年度").value).toMatchObject({ iso: "2023-04-01/2024-03-31", precision: "fiscal-year", era: { name: "令和", year: 5 } });
});

test("昭和64年1月8日 does not exist (平成 began that day)", () => {
  expect(parseDate("昭和64年1月8日").problems.map((p) => p.rule)).toEqual(["date/after-era"]);
});

test("平成元年1月7日 is before 平成 began", () => {
  expect(parseDate("平成元年1月7日").problems).toEqual([expect.objectContaining({ severity: "error", rule: "date/before-era" })]);
});

test("平成31年5月1日 is after 平成 ended", () => {
  expect(parseDate("平成31年5月1日").problems.map((p) => p.rule)).toEqual(["date/after-era"]);
});

test("令和元年4月30日 is before 令和 began", () => {
  expect(parseDate("令和元年4月30日").problems.map((p) => p.rule)).toEqual(["date/before-era"]);
});

test("a western year that disagrees with its era in parentheses is an error", () => {
  expect(parseDate("2024(平成5)年").problems.map((p) => p.rule)).toEqual(["date/era-mismatch"]);
});

test("令和7年2月30日 does not exist", () => {
  const r = parseDate("令和7年2月30日");
  expect(r.value).toBeNull();
  expect(r.problems.map((p) => p.rule)).toEqual(["date/invalid"]);
});

test("garbage is an error, never a throw", () => {
  expect(parseDate("問合せ先").problems.map((p) => p.rule)).toEqual(["date/unparseable"]);
  expect(parseDate("").problems.map((p) => p.rule)).toEqual(["date/empty"]);
});

// [source, text, first FY, last FY, start, end]
const fiscal: Array<[string, string, number, number, string, string]> = [
  ["issue 3 / seed 002 line 2665 (令和6年度)", "令和６年度", 2024, 2024, "2024-04-01", "2025-03-31"],
  ["seed 000 line 184", "令和５年度", 2023, 2023, "2023-04-01", "2024-03-31"],
  ["seed 002 line 3247", "R5年度", 2023, 2023, "2023-04-01", "2024-03-31"],
  ["issue 3 (range)", "2012年度～2024年度", 2012, 2024, "2012-04-01", "2025-03-31"],
  ["seed 004 line 568", "令和4年度から6年度まで", 2022, 2024, "2022-04-01", "2025-03-31"],
  ["05 kisairei p8", "2020 年度", 2020, 2020, "2020-04-01", "2021-03-31"],
  ["09 monodukuri p12", "2025年度", 2025, 2025, "2025-04-01", "2026-03-31"],
  ["10 career-up p15", "令和８年度", 2026, 2026, "2026-04-01", "2027-03-31"],
  ["05 kisairei p9 (２０２1 年度)", "２０２1 年度", 2021, 2021, "2021-04-01", "2022-03-31"],
  ["era boundary: 令和元年度", "令和元年度", 2019, 2019, "2019-04-01", "2020-03-31"],
  ["era boundary: 平成31年度", "平成31年度", 2019, 2019, "2019-04-01", "2020-03-31"],
];

test.each(fiscal)("%s: %s → FY%d–%d", (_src, text, year, lastYear, start, end) => {
  const r = parseFiscalYear(text);
  expect(r.value).toEqual({ year, lastYear, start, end });
  expect(r.problems).toEqual([]);
});

test("平成32年度 is outside 平成", () => {
  expect(parseFiscalYear("平成32年度").problems.map((p) => p.rule)).toEqual(["fiscal-year/outside-era"]);
});

test("a reversed range is an error", () => {
  expect(parseFiscalYear("2024年度～2012年度").problems.map((p) => p.rule)).toEqual(["fiscal-year/range-reversed"]);
});
