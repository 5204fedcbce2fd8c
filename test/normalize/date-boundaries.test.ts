import { expect, test } from "vitest";
import { parseDate } from "../../src/normalize/index.js";

// Review of issue 3 (defect 1): a western year needs digit boundaries and,
// when written with a separator, a month after it.
const rules = (r: { problems: Array<{ rule: string }> }): string[] => r.problems.map((p) => p.rule);

test("03-1234-5678 is no date", () => {
  const r = parseDate("03-1234-5678");
  expect(r.value).toBeNull();
  expect(rules(r)).toContain("date/unparseable");
});

test("a phone number after 電話 is no date", () => {
  const r = parseDate("電話 03-1234-5678");
  expect(r.value).toBeNull();
  expect(rules(r)).toContain("date/unparseable");
});

test("2024 followed by a bare dash is no date", () => {
  const r = parseDate("2024-");
  expect(r.value).toBeNull();
  expect(rules(r)).toContain("date/unparseable");
});

test("a version number Ver.2023.12 is no date", () => {
  expect(parseDate("Ver.2023.12").value).toBeNull();
});

test("a western date with dashes still parses: 2024-04-01", () => {
  expect(parseDate("2024-04-01").value?.iso).toBe("2024-04-01");
});

test("a western year with 年 alone is a year: 2024年", () => {
  expect(parseDate("2024年").value).toMatchObject({ iso: "2024", precision: "year" });
});
