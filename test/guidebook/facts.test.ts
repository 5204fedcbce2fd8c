/**
 * Amounts, rates and dates in lines of the seed guidebook (shared/seeds/002_721ba21fe4fd7f5c.txt)
 * that the sample does not reproduce.
 */
import { expect, test } from "vitest";
import { spec } from "../../pipelines/guidebook.js";
import { scanFacts } from "../../src/guidebook/index.js";
import { patternsOf } from "../../src/guidebook/patterns.js";
import { lineUnit } from "../../src/guidebook/text.js";

const BOX = { x0: 100, y0: 200, x1: 400, y1: 210 };
const scan = (text: string, label: string | null = null) =>
  scanFacts(lineUnit({ text, box: BOX }), { page: 1, fiscalYear: 2024, deadline: patternsOf(spec).deadline, label }).map(
    ({ page: _p, box: _b, precision: _pr, ...f }) => f,
  );

test("a year-less 公募 period takes the guidebook's fiscal year and ends on its deadline (seed p.62)", () => {
  expect(scan("2次公募：7月23日～9月5日【終了】")).toEqual([
    { kind: "date", text: "7月23日～9月5日", iso: "2024-07-23", end: "2024-09-05", deadline: "2024-09-05" },
  ]);
});

test("budget amounts in 億円, with decimals; 補正 after an era year is no date (seed p.67)", () => {
  expect(scan("R4補正予算3億円、R5補正予算1.4億円")).toEqual([
    { kind: "amount", text: "3億円", value: 300_000_000 },
    { kind: "amount", text: "1.4億円", value: 140_000_000 },
  ]);
});

test("a 現在 date states when, never a deadline (seed p.66)", () => {
  expect(scan("（令和６年10月１日現在）")).toEqual([{ kind: "date", text: "令和６年10月１日", iso: "2024-10-01", deadline: null }]);
});

test("percentages with a space before % and tax rates side by side (seed p.37, p.66)", () => {
  expect(scan("理学系 27.9 % 工学系 16.1 %").map((f) => f.value)).toEqual([0.279, 0.161]);
  expect(scan("税額控除 ７％（移転型）／ ４％（拡充型）").map((f) => [f.text, f.value])).toEqual([["７％", 0.07], ["４％", 0.04]]);
});

test("a fraction with 等 after it is a rate; the days closed over the new year are a range of dates, no rate (seed p.47)", () => {
  expect(scan("補助率：1/2等")).toEqual([{ kind: "rate", text: "1/2", value: 0.5 }]);
  // 12/28～1/5 in the guidebook's fiscal year 2024: 28 December 2024 to 5 January 2025.
  expect(scan("受付時間：平日9:30～12:00、13:00～18:00（12/28～1/5は休み）")).toEqual([
    { kind: "date", text: "12/28～1/5", iso: "2024-12-28", end: "2025-01-05", deadline: null },
  ]);
});

test("a fiscal-year range, and months from one to another (seed p.70, p.27)", () => {
  expect(scan("・卒塾生数（2012年度～2024年度）")).toEqual([
    { kind: "date", text: "2012年度～2024年度", iso: "2012-04-01/2013-03-31", end: "2024-04-01/2025-03-31", deadline: null },
  ]);
  // April to June 2027; no deadline (a month is no day).
  expect(scan("※ 令和9年４月から６月までに施行予定")).toEqual([{ kind: "date", text: "令和9年４月から６月", iso: "2027-04", end: "2027-06", deadline: null }]);
});

test("a day under a label that names a deadline is one; under one that names a period of work it is not", () => {
  expect(scan("２０２5年6月3日（火）", "事業支援計画書交付の受付締切")[0]!.deadline).toBe("2025-06-03");
  expect(scan("交付決定日から２０２6年7月31日（金）", "事業実施期間")[0]!.deadline).toBeNull();
});

test("a per-person amount with its cap and a yearly wage floor (seed p.79)", () => {
  expect(scan("上限額：8,635円／1人1日")).toEqual([{ kind: "amount", text: "上限額：8,635円／1人1日", value: 8635, per: "1人1日", cap: true }]);
  expect(scan("・年350万円以上の賃金が支払われる人材の受入れが要件。")).toEqual([{ kind: "amount", text: "350万円以上", value: 3_500_000, bound: "gte" }]);
});

test("a year-less day takes the fiscal year its text names in any era or in the western calendar, not only 令和", () => {
  // 平成30年度 runs April 2018 – March 2019: 7月 is 2018, 1月 is 2019.
  expect(scan("平成30年度 募集期間：7月2日～1月31日").filter((f) => f.kind === "date").at(-1)).toMatchObject({ text: "7月2日～1月31日", iso: "2018-07-02", end: "2019-01-31" });
  expect(scan("2026年度 締切：5月29日").filter((f) => f.kind === "date").at(-1)).toMatchObject({ text: "5月29日", iso: "2026-05-29" });
  // The guidebook's own year (2024 here) when the text names none.
  expect(scan("締切：5月29日")[0]).toMatchObject({ iso: "2024-05-29" });
});
