import { expect, test } from "vitest";
import { parseNumber } from "../../src/normalize/index.js";

// [source, cell text, expected value]
const plain: Array<[string, string, number]> = [
  ["seed 000 line 12", "11,433", 11433],
  ["seed 000 line 509", "477,289", 477289],
  ["seed 000 line 509", "1,239", 1239],
  ["seed 000 line 611", "0", 0],
  ["05 kisairei p12", "１4０，０００", 140000],
  ["05 kisairei p12", "９０，０００", 90000],
  ["05 kisairei p15", "5０,０００", 50000],
  ["05 kisairei p15", "12０,０００", 120000],
  ["05 kisairei p15", "45０,０００", 450000],
  ["05 kisairei p15", "９0,000", 90000],
  ["13 cashless p1 (No. column)", "23,351", 23351],
  ["issue 3 (numbers)", "1,320,０００", 1320000],
  ["issue 3 (numbers)", "0.3４", 0.34],
  ["10 career-up p3 (月額8.8万円)", "8.8万", 88000],
  ["issue 3 (kanji)", "三千万", 30000000],
  ["issue 3 (kanji)", "一万二千三百", 12300],
  ["issue 3 (kanji)", "二〇二三", 2023],
  ["issue 3 (kanji)", "2億3千430万", 234300000],
  ["issue 3 (kanji)", "百", 100],
  ["issue 3 (kanji)", "千", 1000],
  ["issue 3 (kanji)", "万", 10000],
  ["issue 3 (kanji)", "億", 100000000],
  ["issue 3 (kanji)", "兆", 1000000000000],
  ["seed 004 line 614 (5000社)", "5000", 5000],
  ["issue 3 (negatives)", "△1,234", -1234],
  ["issue 3 (negatives)", "▲500", -500],
  ["issue 3 (negatives)", "−3.5", -3.5],
];

test.each(plain)("%s: %s → %d", (_src, text, expected) => {
  const r = parseNumber(text);
  expect(r.value).toBe(expected);
  expect(r.raw).toBe(text);
  expect(r.none).toBe(false);
  expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
});

const dashes: Array<[string, string]> = [
  ["seed 000 line 12 (支援事業所数)", "-"],
  ["issue 3 (dash)", "－"],
  ["13 cashless p4 (業種 column)", "ー"],
  ["05 kisairei p16 (通常枠 column)", "―"],
  ["issue 3 (dash)", "‐"],
];

test.each(dashes)("%s: lone %s means none, not zero", (_src, text) => {
  const r = parseNumber(text);
  expect(r.value).toBeNull();
  expect(r.none).toBe(true);
  expect(r.problems).toEqual([]);
});

const percents: Array<[string, string, number]> = [
  ["issue 3 (percent)", "6.54％", 6.54],
  ["issue 3 (percent)", "27.9 %", 27.9],
  ["seed 004 line 523 (マッチング率)", "57%", 57],
  ["09 monodukuri p10 (北海道)", "3.2%", 3.2],
  ["13 cashless p1 (還元率)", "5%", 5],
];

test.each(percents)("%s: %s → %d %%", (_src, text, expected) => {
  const r = parseNumber(text);
  expect(r.value).toBe(expected);
  expect(r.unit).toBe("%");
});

const fractions: Array<[string, string, number, number]> = [
  ["seed 004 line 601", "1 / 2", 1, 2],
  ["09 monodukuri p6", "1/2", 1, 2],
  ["09 monodukuri p6 (小規模事業者2/3)", "2/3", 2, 3],
  ["05 kisairei p16 (（６）の 1/4)", "1/4", 1, 4],
  ["09 monodukuri p21 (３分の１)", "３分の１", 1, 3],
];

test.each(fractions)("%s: %s is %d/%d", (_src, text, numerator, denominator) => {
  const r = parseNumber(text);
  expect(r.fraction).toEqual({ numerator, denominator });
  expect(r.value).toBeCloseTo(numerator / denominator, 12);
});

test("seed 004 line 625: 1/3以内 is a fraction with an upper bound", () => {
  const r = parseNumber("1/3以内");
  expect(r.fraction).toEqual({ numerator: 1, denominator: 3 });
  expect(r.bound).toBe("lte");
});

const bounds: Array<[string, string, number, string, string | undefined]> = [
  ["002 line 2456 (101人以上)", "101人以上", 101, "gte", "人"],
  ["10 career-up p16 (50人以下)", "50人以下", 50, "lte", "人"],
  ["09 monodukuri p18 (30%以上)", "30%以上", 30, "gte", "%"],
  ["10 career-up p2 (5時間未満)", "5時間未満", 5, "lt", "時間"],
  ["05 kisairei p3 (15 億円超 → number part)", "15億超", 1500000000, "gt", undefined],
  ["10 career-up p2 (５％以上)", "５％以上", 5, "gte", "%"],
];

test.each(bounds)("%s: %s → %d, %s", (_src, text, value, bound, unit) => {
  const r = parseNumber(text);
  expect(r.value).toBe(value);
  expect(r.bound).toBe(bound);
  expect(r.unit).toBe(unit);
});

const counters: Array<[string, string, number, string]> = [
  ["seed 004 line 541 (32件)", "32件", 32, "件"],
  ["seed 004 line 541 (392名)", "392名", 392, "名"],
  ["seed 004 line 614", "5000社", 5000, "社"],
  ["05 kisairei p1 (1 事業所)", "1 事業所", 1, "事業所"],
  ["seed 000 line 499 (7名)", "7名", 7, "名"],
  ["issue 3 (counters: 団体)", "12団体", 12, "団体"],
];

test.each(counters)("%s: %s → %d %s", (_src, text, value, unit) => {
  const r = parseNumber(text);
  expect(r.value).toBe(value);
  expect(r.unit).toBe(unit);
});

test("seed 004 line 506: 約790名 is approximate", () => {
  const r = parseNumber("約790名");
  expect(r).toMatchObject({ value: 790, approximate: true, unit: "名" });
});

const ranges: Array<[string, string, number, number, string | undefined]> = [
  ["002 line 2456 (1人～100人)", "1人～100人", 1, 100, "人"],
  ["09 monodukuri p6 (21～50人)", "21～50人", 21, 50, "人"],
  ["09 monodukuri p18 (6～20人)", "6～20人", 6, 20, "人"],
  ["seed 000 line 324 (41歳～52歳 → number part)", "41~52", 41, 52, undefined],
];

test.each(ranges)("%s: %s keeps both ends", (_src, text, min, max, unit) => {
  const r = parseNumber(text);
  expect(r.value).toBeNull();
  expect(r.range).toEqual({ min, max });
  expect(r.unit).toBe(unit);
});

test("05 kisairei p12: mixed-width digits are read and noted", () => {
  const r = parseNumber("１4０，０００");
  expect(r.problems).toEqual([expect.objectContaining({ severity: "info", rule: "number/mixed-width" })]);
});

test("grouping not in threes is a warning", () => {
  expect(parseNumber("5,0000").problems.map((p) => p.rule)).toEqual(["number/irregular-grouping"]);
});

test("05 kisairei p3: ▲▲％ placeholder is not a number", () => {
  const r = parseNumber("▲▲％");
  expect(r.value).toBeNull();
  expect(r.problems[0]?.rule).toBe("number/unparseable");
});

test("empty cell is null with an info, never a throw", () => {
  expect(parseNumber("")).toMatchObject({ value: null, none: false, problems: [{ rule: "number/empty" }] });
  expect(parseNumber(undefined as unknown as string).value).toBeNull();
});

test("① is not a number (no blanket NFKC)", () => {
  expect(parseNumber("①").value).toBeNull();
});

test("odd input never throws", () => {
  for (const odd of [null, undefined, 42, "万万", "1/0", "～", "1,,2", "千百"]) {
    expect(() => parseNumber(odd as unknown as string)).not.toThrow();
  }
  expect(parseNumber("1/0").problems[0]?.rule).toBe("number/unparseable");
});
