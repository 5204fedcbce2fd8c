import { expect, test } from "vitest";
import { parseDate } from "../../src/normalize/index.js";

// Review of issue 3 (defect 10): ranges, a leading ～, short era forms and the
// severity of dates that do not exist in their era.

test("a leading ～ means until: ～令和6年10月18日（金）", () => {
  expect(parseDate("～令和6年10月18日（金）【終了】").value).toMatchObject({ iso: "2024-10-18", qualifier: "until" });
});

test("令和6年4月23日～7月26日 keeps its end date in the same year", () => {
  const r = parseDate("令和6年4月23日～7月26日");
  expect(r.value?.iso).toBe("2024-04-23");
  expect(r.value?.end).toMatchObject({ iso: "2024-07-26", precision: "day" });
  expect(r.value?.qualifier).toBeUndefined();
  expect(r.problems).toEqual([]);
});

test("令和6年12月1日～3月31日 ends in the next year", () => {
  expect(parseDate("令和6年12月1日～3月31日").value?.end?.iso).toBe("2025-03-31");
});

test("令和6年4月1日～令和7年3月31日 keeps an end with its own era year", () => {
  expect(parseDate("令和6年4月1日～令和7年3月31日").value?.end?.iso).toBe("2025-03-31");
});

test("an open end 令和6年4月1日～ still means from", () => {
  const v = parseDate("令和6年4月1日～").value;
  expect(v?.qualifier).toBe("from");
  expect(v?.end).toBeUndefined();
});

test("令5.4.1 with a one-kanji era is 2023-04-01", () => {
  expect(parseDate("令5.4.1").value).toMatchObject({ iso: "2023-04-01", era: { name: "令和", year: 5 } });
});

test("R.5.4.1 with a dotted initial is 2023-04-01", () => {
  expect(parseDate("R.5.4.1").value).toMatchObject({ iso: "2023-04-01", era: { name: "令和", year: 5 } });
});

test("昭和64年1月8日 does not exist: an error, like 平成元年1月7日", () => {
  const after = parseDate("昭和64年1月8日").problems.find((p) => p.rule === "date/after-era");
  const before = parseDate("平成元年1月7日").problems.find((p) => p.rule === "date/before-era");
  expect(after?.severity).toBe("error");
  expect(before?.severity).toBe("error");
});
