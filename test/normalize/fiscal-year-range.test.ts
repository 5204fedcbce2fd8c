import { expect, test } from "vitest";
import { parseFiscalYear } from "../../src/normalize/index.js";

// Review of issue 3 (defect 6): a dash between two fiscal years is a range.
const span = (text: string): [number | undefined, number | undefined, string | undefined] => {
  const v = parseFiscalYear(text).value;
  return [v?.year, v?.lastYear, v?.end];
};

test("令和6年度-令和8年度 runs from 2024 to 2026", () => {
  expect(span("令和6年度-令和8年度")).toEqual([2024, 2026, "2027-03-31"]);
});

test("令和6年度－令和8年度 with a full-width hyphen runs from 2024 to 2026", () => {
  expect(span("令和6年度－令和8年度")).toEqual([2024, 2026, "2027-03-31"]);
});

test("令和6年度―令和8年度 with a horizontal bar runs from 2024 to 2026", () => {
  expect(span("令和6年度―令和8年度")).toEqual([2024, 2026, "2027-03-31"]);
});

test("R6-R8 runs from 2024 to 2026", () => {
  expect(span("R6-R8")).toEqual([2024, 2026, "2027-03-31"]);
});
