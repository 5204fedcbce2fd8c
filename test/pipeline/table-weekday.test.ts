/**
 * A table spec names date/weekday, the rule the guidebook runs on its document's dates:
 * each date a record's value prints with a weekday is checked against the calendar
 * (2024-04-25 is a Thursday, 2024-04-23 a Tuesday, 2024-07-26 a Friday).
 */
import { expect, test } from "vitest";
import { type CheckedRow, runChecks, type TableFacts } from "../../src/checks/index.js";

/** Records with a text field each, as the table reader gives them: the value, its text as printed, its place. */
function facts(texts: string[]): TableFacts {
  const rows: CheckedRow[] = texts.map((text, i) => {
    const place = { page: 2, box: { x0: 100, y0: 100 + 20 * i, x1: 400, y1: 118 + 20 * i } };
    return { key: i + 1, record: { no: i + 1, note: text }, place, places: { note: place }, raw: { note: text } };
  });
  return { name: "一般事業", rows, totals: null, totalLabel: null, fiscalYear: null, amountMultiplier: 1, titles: { note: "事業内容" }, yenFields: new Set() };
}

test("a weekday that is not the date's fails at its record, column, page and box; the right ones pass", () => {
  const out = runChecks([{ rule: "date/weekday" }], facts([
    "説明会 令和6年4月25日(木)開催",
    "募集期間 令和6年4月23日（火）～7月26日（金）",
    "締切 令和6年4月25日（金）17時",
  ]));
  expect(out.map((c) => [c.rule, c.ok, c.record, c.column, c.page, c.box?.y0])).toEqual([
    ["date/weekday", true, 1, "事業内容", 2, 100],
    ["date/weekday", true, 2, "事業内容", 2, 120],
    ["date/weekday", false, 3, "事業内容", 2, 140],
  ]);
  expect(out[2]!.message).toBe("一般事業 3: 事業内容: 「令和6年4月25日（金）17時」: printed (金) but the day is a 木曜日");
  expect(out[1]!.message).toBe("一般事業 2: 事業内容: 「令和6年4月23日（火）～7月26日（金）」: the weekdays agree with the date");
  expect(out[2]).toMatchObject({ severity: "error", table: "一般事業" });
});

test("a date without its year is not checked (its weekday cannot be known); a table with no weekday gives nothing", () => {
  expect(runChecks([{ rule: "date/weekday" }], facts(["4月25日(金)から受付", "令和6年4月25日開催"]))).toEqual([]);
});
