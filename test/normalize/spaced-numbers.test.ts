import { expect, test } from "vitest";
import { parseAmount, parseNumber } from "../../src/normalize/index.js";

// Review of issue 3 (defect 2): numbers separated by spaces are several numbers,
// not one, unless the spaces group digits in threes.
const rules = (r: { problems: Array<{ rule: string; severity: string }> }): string[] =>
  r.problems.filter((p) => p.severity === "error").map((p) => p.rule);

test("20 20 is two numbers, not 2020", () => {
  const r = parseNumber("20 20");
  expect(r.value).toBeNull();
  expect(rules(r)).toContain("number/several-numbers");
});

test("3 1 is two numbers, not 31", () => {
  const r = parseNumber("3 1");
  expect(r.value).toBeNull();
  expect(rules(r)).toContain("number/several-numbers");
});

test("full-width digits separated by an ideographic space are two numbers", () => {
  expect(parseNumber("１２　３４").value).toBeNull();
});

test("two thousand-yen cells glued in one amount are an error, not 114 billion yen", () => {
  const r = parseAmount("11,433 5,717", { unit: "千円" });
  expect(r.value).toBeNull();
  expect(rules(r)).toContain("amount/several-numbers");
});

test("1 000 with a space as thousands separator is one thousand", () => {
  expect(parseNumber("1 000").value).toBe(1000);
});

test("1 000 000 with thin spaces is one million", () => {
  expect(parseNumber("1\u2009000\u2009000").value).toBe(1000000);
});

test("1,320,０００ still reads as one number", () => {
  expect(parseNumber("1,320,０００").value).toBe(1320000);
});

test("a fraction with spaces 1 / 2 is still one half", () => {
  expect(parseNumber("1 / 2").value).toBe(0.5);
});

test("約 1,000 人 with spaces around the number is still 1000", () => {
  expect(parseNumber("約 1,000 人").value).toBe(1000);
});
