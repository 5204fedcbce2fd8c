import { expect, test } from "vitest";
import { parseAmount, parseUnitNote } from "../../src/normalize/index.js";

// [source, cell text, table unit (from （単位：…）) or undefined, expected yen]
const amounts: Array<[string, string, string | undefined, number]> = [
  ["seed 000 line 12 (単位：千円, line 2)", "11,433", "千円", 11433000],
  ["seed 000 line 12", "5,717", "千円", 5717000],
  ["seed 000 line 509 (合計)", "477,289", "千円", 477289000],
  ["seed 000 line 509 (合計)", "238,647", "千円", 238647000],
  ["seed 000 line 611 (モデル事業 合計)", "47,693", "千円", 47693000],
  ["seed 004 line 560", "753億円", undefined, 75300000000],
  ["seed 004 line 590", "43億円", undefined, 4300000000],
  ["seed 004 line 616", "3.6億円", undefined, 360000000],
  ["002 line 3443 (R5補正予算1.4億円)", "1.4億円", undefined, 140000000],
  ["002 line 2458", "5,000万円以下", undefined, 50000000],
  ["10 career-up p16", "１億円以下", undefined, 100000000],
  ["10 career-up p16", "３億円以下", undefined, 300000000],
  ["05 kisairei p11", "1,570,000 円", undefined, 1570000],
  ["05 kisairei p12 (全角・半角混在)", "１4０，０００円", undefined, 140000],
  ["05 kisairei p12", "スロープ設置費：５０，０００円", undefined, 50000],
  ["05 kisairei p15", "5５,000 円(税込)", undefined, 55000],
  ["05 kisairei p15", "495，０００円(税込)", undefined, 495000],
  ["07 guidebook p3", "５０万円", undefined, 500000],
  ["07 guidebook p3", "２００万円上乗せ", undefined, 2000000],
  ["09 monodukuri p6", "2,500万円", undefined, 25000000],
  ["10 career-up p2 (最大 75 万円)", "最大 75 万円", undefined, 750000],
  ["05 kisairei p1 (直近１期の売上高（円）)", "15,583,996", "円", 15583996],
  ["issue 3 (units): 百万円", "1.5", "百万円", 1500000],
  ["issue 3 (units): 万円", "12", "万円", 120000],
  ["issue 3 (units): compound", "1億2,000万円", undefined, 120000000],
];

test.each(amounts)("%s: %s (unit %s) → %d yen", (_src, text, unit, expected) => {
  const r = parseAmount(text, unit ? { unit } : {});
  expect(r.value).toBe(expected);
  expect(r.raw).toBe(text);
  expect(r.problems.filter((p) => p.severity !== "info")).toEqual([]);
});

test("seed 004 line 625: 3,000万円（税抜）/事業 is per project, tax excluded, a cap", () => {
  const r = parseAmount("補助上限額：3,000万円（税抜）/事業");
  expect(r).toMatchObject({ value: 30000000, tax: "excluded", per: "事業", cap: true, label: "補助上限額", unit: "万円" });
});

test("issue 3: 3,000万円（税抜） alone", () => {
  expect(parseAmount("3,000万円（税抜）")).toMatchObject({ value: 30000000, tax: "excluded", cap: false });
});

test("002 line 3787: 8,635円／1人1日 keeps its per-unit note", () => {
  const r = parseAmount("上限額：8,635円／1人1日");
  expect(r).toMatchObject({ value: 8635, per: "1人1日", cap: true, unit: "円" });
});

test("002 line 3789: 中小280万円／人", () => {
  expect(parseAmount("中小280万円／人")).toMatchObject({ value: 2800000, per: "人", label: "中小", cap: false });
});

test("seed 004 line 601: 上限 with あたり", () => {
  expect(parseAmount("補助上限：1企業あたり100万円")).toMatchObject({ value: 1000000, cap: true, per: "1企業" });
});

test("issue 3: 上限100万円 is a cap", () => {
  expect(parseAmount("上限100万円")).toMatchObject({ value: 1000000, cap: true, label: "上限" });
});

test("07 guidebook p5: （最大５０万円） is a cap", () => {
  expect(parseAmount("最大５０万円")).toMatchObject({ value: 500000, cap: true });
});

test("09 monodukuri p18: 100～1,000万円 puts 万 on both ends", () => {
  expect(parseAmount("100～1,000万円")).toMatchObject({ value: null, range: { min: 1000000, max: 10000000 } });
});

test("05 kisairei p8: 2,000 円～ is an open range from 2,000 yen", () => {
  expect(parseAmount("2,000 円～")).toMatchObject({ value: 2000, bound: "gte" });
});

test("05 kisairei p9: ～ 5,000 円 is an open range up to 5,000 yen", () => {
  expect(parseAmount("～ 5,000 円")).toMatchObject({ value: 5000, bound: "lte" });
});

test("seed 000 line 12: - under 千円 is none", () => {
  expect(parseAmount("-", { unit: "千円" })).toMatchObject({ value: null, none: true });
});

test("a unit in the text wins over the table unit", () => {
  expect(parseAmount("753億円", { unit: "千円" }).value).toBe(75300000000);
});

test("a bare number with no unit is read as yen with a warning", () => {
  const r = parseAmount("1,000");
  expect(r.value).toBe(1000);
  expect(r.problems.map((p) => p.rule)).toEqual(["amount/no-unit"]);
});

test("a fraction of yen is rounded and reported", () => {
  const r = parseAmount("1.2345", { unit: "千円" });
  expect(r.value).toBe(1235);
  expect(r.problems.map((p) => p.rule)).toEqual(["amount/fractional-yen"]);
});

test("a non-yen unit is an error", () => {
  expect(parseAmount("20", { unit: "人" }).problems.map((p) => p.rule)).toEqual(["amount/unknown-unit"]);
});

test("seed 000 line 2: （単位：千円、人）", () => {
  expect(parseUnitNote("（単位：千円、人）").value).toEqual({ amount: "千円", units: ["千円", "人"] });
});

test("05 kisairei p13: （単位：円）", () => {
  expect(parseUnitNote("（単位：円）").value).toEqual({ amount: "円", units: ["円"] });
});

test("05 kisairei p3: 15 億円超 is a lower bound", () => {
  expect(parseAmount("15 億円超")).toMatchObject({ value: 1500000000, bound: "gt", unit: "億円" });
});

test("odd input never throws", () => {
  for (const odd of [null, undefined, 42, "円円", "～～", "上限", "：", "1/2円"]) {
    expect(() => parseAmount(odd as unknown as string, { unit: "千円" })).not.toThrow();
  }
});
