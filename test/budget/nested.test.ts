/**
 * A 科目 column holding 款, 項 and 目 as nested rows: each row's level from its unit word,
 * else from its numbering style (the whole book is read in sample-book.test.ts, on
 * samples/budget-r6-book-nested.pdf).
 */
import { expect, test } from "vitest";
import { nestedDepth, numbered } from "../../src/pipeline/ledger.js";

const LEVELS = ["款", "項", "目", "節"];
// Unit words and numbering decide without looking at the cell's indentation.
const depth = (text: string) => nestedDepth(text, LEVELS, { table: { cells: [] }, segments: {} } as never, {} as never, []);

test("the unit word after the number gives the level: 1款, 第2項, ３目", () => {
  expect(["1款　議会費", "第2項 総務管理費", "３目　企画費", "第１０款　教育費"].map(depth)).toEqual([0, 1, 2, 0]);
});

test("without one, the numbering style: 1 / （１） / ①, as in the 款・項・目別 lists", () => {
  expect(["1　議会費", "（１）議会費", "(12) 保健体育費", "①議会費", "⑫雑入"].map(depth)).toEqual([0, 1, 1, 2, 2]);
});

test("a circled number is the 目's number", () => {
  expect(numbered("①議会費")).toEqual({ no: 1, name: "議会費" });
  expect(numbered("⑫　雑入")).toEqual({ no: 12, name: "雑入" });
  expect(numbered("3目　企画費")).toEqual({ no: 3, name: "企画費" });
});
