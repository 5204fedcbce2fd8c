/**
 * How many top rows are header: above the first row holding a value, over the header's
 * row spans — but a mostly empty row under a closed header is data (説明 lines carried
 * over from the previous page), unless its texts split a header cell spanning columns.
 */
import { expect, test } from "vitest";
import { corpusTables, HAVE_CORPUS } from "../helpers.js";
import { cellNumber } from "../../src/table/match.js";
import { dataRows, headerRowCount, stitchTables } from "../../src/table/stitch.js";
import type { Cell, PageTable } from "../../src/table/types.js";

const XS = [0, 100, 160, 260, 320, 500];
const H = 20;

/** A ruled table from [row, col, rowSpan, colSpan, text] cells over the columns XS. */
function table(rows: number, specs: [number, number, number, number, string][]): PageTable {
  const ys = Array.from({ length: rows + 1 }, (_, r) => r * H);
  const cells: Cell[] = specs.map(([row, col, rowSpan, colSpan, text]) => ({
    row,
    col,
    rowSpan,
    colSpan,
    text,
    lines: text ? text.split("\n") : [],
    box: { x0: XS[col]!, y0: ys[row]!, x1: XS[col + colSpan]!, y1: ys[row + rowSpan]! },
    page: 1,
  }));
  return { page: 1, box: { x0: 0, y0: 0, x1: 500, y1: rows * H }, xs: XS, ys, rows, cols: 5, cells, kind: "lattice" };
}

const MERGED_HEADER: [number, number, number, number, string][] = [
  [0, 0, 2, 1, "目"],
  [0, 1, 2, 1, "本年度"],
  [0, 2, 1, 2, "節"],
  [0, 4, 2, 1, "説明"],
  [1, 2, 1, 1, "区分"],
  [1, 3, 1, 1, "金額"],
];
const VALUES: [number, number, number, number, string][] = [
  [3, 0, 1, 1, "2.教育費負担金"],
  [3, 1, 1, 1, "1,204"],
  [3, 2, 1, 1, "1.小学校費負担金"],
  [3, 3, 1, 1, "874"],
  [3, 4, 1, 1, "日本スポーツ振興センター共済掛金保護者負担金874"],
];

test("a row of 説明 lines alone under the closed header is the first data row, not a third header row", () => {
  const carried: [number, number, number, number, string][] = [
    [2, 0, 1, 1, ""],
    [2, 1, 1, 1, ""],
    [2, 2, 1, 1, ""],
    [2, 3, 1, 1, ""],
    [2, 4, 1, 1, "保育料過年度分 民営10\n保育料過年度分 公立10"],
  ];
  const t = table(4, [...MERGED_HEADER, ...carried, ...VALUES]);
  expect(headerRowCount(t)).toBe(2);
  const [s] = stitchTables([t]);
  expect(s!.columns).toEqual([["目"], ["本年度"], ["節", "区分"], ["節", "金額"], ["説明"]]);
  expect(dataRows(s!)[0]![4]).toBe("保育料過年度分 民営10\n保育料過年度分 公立10");
});

test("sub-headers printed in cells of their own under a header spanning columns stay header", () => {
  const unmerged: [number, number, number, number, string][] = [
    [0, 0, 1, 1, "目"],
    [0, 1, 1, 1, "本年度"],
    [0, 2, 1, 2, "節"],
    [0, 4, 1, 1, "説明"],
    [1, 0, 1, 1, ""],
    [1, 1, 1, 1, ""],
    [1, 2, 1, 1, "区分"],
    [1, 3, 1, 1, "金額"],
    [1, 4, 1, 1, ""],
  ];
  const values = VALUES.map(([r, ...rest]) => [r - 1, ...rest] as [number, number, number, number, string]);
  expect(headerRowCount(table(3, [...unmerged, ...values]))).toBe(2);
});

test.skipIf(!HAVE_CORPUS)("26 p.27: the 説明 lines carried over from p.26 are a data row; the header is 目 … 説明", async () => {
  const tables = await corpusTables("26_nankoku-city_R8_ippan-kaikei_yosansho.pdf", [27]);
  const t = tables[0]!;
  // Read from the rendered page (pdftoppm -r 100): two header rows (節 over 区分 | 金額), then a
  // row holding only 説明 lines (保育料過年度分 民営 10 …), then 2.教育費負担金 1,204 1,206 △2.
  expect(t.headerRows).toBe(2);
  expect(t.columns[6]).toEqual(["説明"]);
  expect(dataRows(t)[0]!.slice(0, 6)).toEqual(["", "", "", "", "", ""]);
  expect(dataRows(t)[0]![6]).toContain("保育料過年度分");
  expect(dataRows(t)[1]!.slice(0, 4)).toEqual(["2.教育費負担金", "1,204", "1,206", "△2"]);
}, 60_000);

test("an amount cell printing its unit over the number (千円 / 58,265) is a value: its row is data", () => {
  const t = table(3, [
    [0, 0, 1, 1, "区分"],
    [0, 1, 1, 1, "増減額"],
    [0, 2, 1, 2, "増減事由別内訳"],
    [0, 4, 1, 1, "説明"],
    [1, 0, 2, 1, "給料"],
    [1, 1, 2, 1, "千円\n58,265"],
    [1, 2, 1, 1, "昇給・給与改定に伴う増減分"],
    [1, 3, 1, 1, "千円\n65,220"],
    [1, 4, 1, 1, "平均昇給率 1.05%"],
    [2, 2, 1, 1, "その他の増減分"],
    [2, 3, 1, 1, "△ 11,088"],
    [2, 4, 1, 1, ""],
  ]);
  expect(headerRowCount(t)).toBe(1);
  expect(cellNumber("千円\n58,265")).toBe(58265);
  expect(cellNumber("（千円）△ 11,088")).toBe(-11088);
  expect(cellNumber("千円")).toBeNull();
});
