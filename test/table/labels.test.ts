/** What total rows' labels say: names, total kinds, scopes and formulas, as forms print them. */
import { expect, test } from "vitest";
import { readLabel, valueTag } from "../../src/table/labels.js";

test("（１）…小計（ウェブサイト関連費を除く） is a subtotal named 1 over the rows without ウェブサイト関連費", () => {
  expect(readLabel("（１）補助対象経費小計（ウェブサイト関連費を除く）")).toMatchObject({
    marker: "1", total: "sub", scope: { mode: "except", name: "ウェブサイト関連費" },
  });
});

test("…に係る…小計 is a subtotal over the rows that mention the name", () => {
  expect(readLabel("（３）ウェブサイト関連費に係る補助対象経費小計")).toMatchObject({
    marker: "3", total: "sub", scope: { mode: "only", name: "ウェブサイト関連費" },
  });
});

test("full- and half-width formulas read alike: （a）＋（c）, (e) = (a) + (c) − (d)", () => {
  expect(readLabel("（５）補助対象経費合計（a）＋（c）").formula).toEqual({
    kind: "sum", text: "(a)+(c)", terms: [{ name: "a", sign: 1 }, { name: "c", sign: 1 }],
  });
  expect(readLabel("(e) = (a) + (c) − (d)")).toMatchObject({
    marker: "e",
    formula: { kind: "sum", terms: [{ name: "a", sign: 1 }, { name: "c", sign: 1 }, { name: "d", sign: -1 }] },
  });
});

test("a rate with 以内 and 円未満切捨て, its share cap and its fixed cap are one limit", () => {
  expect(readLabel("（４）ウェブサイト関連費に係る交付申請額（（６）の 1/4 を上限（最大５０万円））（c）×補助率 2/3（※）以内（円未満切捨て）").formula).toMatchObject({
    kind: "limit",
    upTo: true,
    rounding: { mode: "floor", step: 1 },
    limits: [{ name: "c", numerator: 2, denominator: 3 }, { name: "6", numerator: 1, denominator: 4 }, { amount: 500000 }],
  });
  // （ａ）×２／３ on its own: (a) is the operand, not the row's name; no 以内, so equal.
  expect(readLabel("（ａ）×２／３")).toEqual({
    text: "(a)×2/3",
    formula: { kind: "limit", text: "(a)×2/3", limits: [{ name: "a", numerator: 2, denominator: 3 }], upTo: false, rounding: null },
  });
  expect(readLabel("(a)×10%（千円未満切り捨て）").formula).toMatchObject({
    limits: [{ name: "a", numerator: 10, denominator: 100 }], rounding: { mode: "floor", step: 1000 },
  });
});

test("(d)が(f)の 1/4 以内であるか is a condition on (d), not a row named d", () => {
  const read = readLabel("(d)が(f)の 1/4 以内であるか（「いいえ」の場合は申請できません）");
  expect(read.marker).toBeUndefined();
  expect(read.formula).toMatchObject({ kind: "limit", subject: "d", limits: [{ name: "f", numerator: 1, denominator: 4 }], upTo: true });
});

test("合計, 合計額, 歳出合計 close rows; 一般会計, 特別会計, 統計 are words ending in 計, not totals", () => {
  expect(["合　　　　　計", "5.合計額（※２）", "歳出合計", "総計"].map((l) => readLabel(l).total)).toEqual(["grand", "grand", "grand", "grand"]);
  expect(["小計", "計", "小　計"].map((l) => readLabel(l).total)).toEqual(["sub", "sub", "sub"]);
  expect(["一般会計", "特別会計", "統計", "設計", "スロープ設置費"].map((l) => readLabel(l).total)).toEqual([undefined, undefined, undefined, undefined, undefined]);
});

test("a value cell tagged with a name: （a）2,430,000, (e) 3,180,000, or just (a)", () => {
  expect(valueTag("（a）2,430,000")).toEqual({ name: "a", rest: "2,430,000" });
  expect(valueTag("(e) 3,180,000")).toEqual({ name: "e", rest: "3,180,000" });
  expect(valueTag("（ａ）")).toEqual({ name: "a", rest: "" });
  expect(valueTag("（１）補助対象経費小計")).toBeNull();
});
