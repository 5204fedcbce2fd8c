import { expect, test } from "vitest";
import { parseAmount } from "../../src/normalize/index.js";

// Review of issue 3 (defect 8): caps in brackets, a rate with its cap, cells
// with several amounts, kanji multipliers and the yen sign.
const rules = (r: { problems: Array<{ rule: string }> }): string[] => r.problems.map((p) => p.rule);

test("500万円（上限） is a cap of 5,000,000 yen", () => {
  const r = parseAmount("500万円（上限）");
  expect(r).toMatchObject({ value: 5000000, cap: true });
  expect(r.note).toBeUndefined();
});

test("2/3以内（上限500万円） reads the rate 2/3 (at most) and the cap 5,000,000 yen", () => {
  const r = parseAmount("2/3以内（上限500万円）");
  expect(r.value).toBe(5000000);
  expect(r.cap).toBe(true);
  expect(r.rate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3, bound: "lte" });
  expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
});

test("中小：100万円、大企業：50万円 keeps the first amount and warns of several", () => {
  const r = parseAmount("中小：100万円、大企業：50万円");
  expect(r.value).toBe(1000000);
  expect(r.amounts).toEqual([1000000, 500000]);
  expect(rules(r)).toContain("amount/several-amounts");
});

test("100万円又は200万円 keeps the first amount and warns of several", () => {
  const r = parseAmount("100万円又は200万円");
  expect(r.value).toBe(1000000);
  expect(r.amounts).toEqual([1000000, 2000000]);
  expect(rules(r)).toContain("amount/several-amounts");
});

test("100万円×2 warns that it is not one amount", () => {
  expect(rules(parseAmount("100万円×2"))).toContain("amount/several-amounts");
});

test("a range 100万円～200万円 is one range, not several amounts", () => {
  const r = parseAmount("100万円～200万円");
  expect(r.range).toEqual({ min: 1000000, max: 2000000 });
  expect(rules(r)).not.toContain("amount/several-amounts");
});

test("三千万円 is 30,000,000 yen written in 円", () => {
  expect(parseAmount("三千万円")).toMatchObject({ value: 30000000, unit: "円" });
});

test("３千万円 is 30,000,000 yen written in 円", () => {
  expect(parseAmount("３千万円")).toMatchObject({ value: 30000000, unit: "円" });
});

test("3,000万円 is still written in 万円", () => {
  expect(parseAmount("3,000万円")).toMatchObject({ value: 30000000, unit: "万円" });
});

test("￥1,000 is 1,000 yen with no missing-unit warning", () => {
  const r = parseAmount("￥1,000");
  expect(r).toMatchObject({ value: 1000, unit: "円" });
  expect(rules(r)).toEqual([]);
});
