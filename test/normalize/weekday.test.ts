import { expect, test } from "vitest";
import { parseDate } from "../../src/normalize/index.js";

// Review of issue 3 (defect 5): 2024-08-21 is a Wednesday (水), so a printed 月
// in any bracket or spelling is a mismatch, and a printed 水 is not.
const mismatch = (text: string): boolean => parseDate(text).problems.some((p) => p.rule === "date/weekday-mismatch");

test("weekday written in full （月曜日） is read and checked", () => {
  const r = parseDate("2024年8月21日（月曜日）");
  expect(r.value?.iso).toBe("2024-08-21");
  expect(r.value?.printedWeekday).toBe("月");
  expect(mismatch("2024年8月21日（月曜日）")).toBe(true);
});

test("weekday written (月曜) is read and checked", () => {
  expect(parseDate("2024年8月21日(月曜)").value?.printedWeekday).toBe("月");
  expect(mismatch("2024年8月21日(月曜)")).toBe(true);
});

test("weekday in square brackets ［月］ is read and checked", () => {
  expect(parseDate("2024年8月21日［月］").value?.printedWeekday).toBe("月");
  expect(mismatch("2024年8月21日［月］")).toBe(true);
});

test("the right weekday in full （水曜日） gives no mismatch", () => {
  const r = parseDate("2024年8月21日（水曜日）");
  expect(r.value?.printedWeekday).toBe("水");
  expect(mismatch("2024年8月21日（水曜日）")).toBe(false);
});
