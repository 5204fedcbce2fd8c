/**
 * toHalfWidth, the one width fold of the grammars (numbers, dates, phones) and of the
 * guidebook's fact and contact scanners, which keep dash look-alikes as printed
 * (`dashes: false`). One character for one, so offsets found in the folded text hold in
 * the printed one.
 */
import { expect, test } from "vitest";
import { toHalfWidth } from "../../src/normalize/width.js";

test("full-width digits, letters and the ideographic space fold; dash look-alikes become -", () => {
  expect(toHalfWidth("ＴＥＬ　０９０−１２３４‐５６７８")).toBe("TEL 090-1234-5678");
});

test("dashes: false keeps the dash look-alikes as printed and folds the rest the same", () => {
  expect(toHalfWidth("ＴＥＬ　０９０−１２３４‐５６７８", { dashes: false })).toBe("TEL 090−1234‐5678");
  expect(toHalfWidth("４月１日〜６月３０日", { dashes: false })).toBe("4月1日~6月30日");
});

test("one character for one: the folded text is as long as the printed, astral characters and ー included", () => {
  const printed = "令和６年４月１日（月）〜　𠮷野家ー０１２０";
  for (const dashes of [true, false]) expect(toHalfWidth(printed, { dashes })).toHaveLength(printed.length);
});
