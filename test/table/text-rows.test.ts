import { expect, test } from "vitest";
import type { Rule, TextRun } from "../../src/model/page.js";
import { findTables } from "../../src/table/find.js";
import { dataRows } from "../../src/table/stitch.js";
import { stitchTables } from "../../src/table/stitch.js";

const run = (text: string, x0: number, y0: number): TextRun => ({ text, raw: text, box: { x0, y0, x1: x0 + 40, y1: y0 + 10 }, font: "f", size: 10, vertical: false });
const h = (pos: number): Rule => ({ axis: "h", pos, start: 50, end: 300, thickness: 1 });
/** The cuts apply to pages read by OCR. */
const ocr = { reason: "no-text" as const, engine: "test", dpi: 300, skew: [0, 0] as [number, number] };
const v = (pos: number): Rule => ({ axis: "v", pos, start: 100, end: 250, thickness: 1 });

test("a ruled table that draws no line between its rows is read row by row where its lines align across columns", () => {
  // Header row ruled; the body (three label/amount lines) has column rules only.
  const rules = [h(100), h(120), h(250), v(50), v(180), v(300)];
  const runs = [run("科目", 60, 105), run("金額", 200, 105), run("売上", 60, 130), run("100", 240, 130), run("仕入", 60, 150), run("40", 240, 150), run("合計", 60, 170), run("140", 240, 170)];
  const [t] = stitchTables(findTables({ number: 1, width: 400, height: 400, runs, rules, ocr }));
  expect(dataRows(t!)).toEqual([["売上", "100"], ["仕入", "40"], ["合計", "140"]]);
});

test("a wrapped label beside one amount stays one cell", () => {
  const rules = [h(100), h(120), h(250), v(50), v(180), v(300)];
  const runs = [run("科目", 60, 105), run("金額", 200, 105), run("長い科目の", 60, 130), run("名前", 60, 145), run("100", 240, 130)];
  const [t] = stitchTables(findTables({ number: 1, width: 400, height: 400, runs, rules, ocr }));
  expect(dataRows(t!)).toHaveLength(1);
});

test("rows one side of the table rules and the other does not are cut as one band: the unruled side's stacked cell is cut between every line", () => {
  // Columns 科目 | 金額 | 計; the 計 column rules a row border at 185 that the other two do
  // not draw, so their cells span both grid rows: 売上, 仕入, 雑収入 above it, 原価 below.
  const rules = [h(100), h(120), h(250), { axis: "h" as const, pos: 185, start: 240, end: 300, thickness: 1 }, v(50), v(130), v(240), v(300)];
  const runs = [
    run("科目", 60, 105), run("金額", 150, 105), run("計", 250, 105),
    run("売上", 60, 130), run("100", 150, 130),
    run("仕入", 60, 150), run("40", 150, 150),
    run("雑収入", 60, 170), run("10", 150, 170), run("150", 250, 170),
    run("原価", 60, 200), run("30", 150, 200), run("50", 250, 200),
  ].map((r) => ({ ...r, box: { ...r.box, x1: r.box.x0 + 30 } }));
  const [t] = stitchTables(findTables({ number: 1, width: 400, height: 400, runs, rules, ocr }));
  expect(dataRows(t!)).toEqual([
    ["売上", "100", ""],
    ["仕入", "40", ""],
    ["雑収入", "10", "150"],
    ["原価", "30", "50"],
  ]);
});
