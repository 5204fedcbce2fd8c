/**
 * A table printed without a header of its own right after a table with the same columns
 * (the next 項 of a budget book's 事項別明細書, starting under the previous 項's 計) reads its
 * columns by that header, as a table of its own.
 */
import { expect, test } from "vitest";
import type { Cell, PageTable } from "../../src/table/types.js";
import { dataRows, stitchTables } from "../../src/table/stitch.js";
import { corpusTables, HAVE_CORPUS } from "../helpers.js";

/** A ruled table on `page` from rows of texts, columns at `xs`, rows 20 pt high from `top`. */
function grid(page: number, top: number, xs: number[], rows: string[][]): PageTable {
  const ys = rows.map((_, r) => top + 20 * r).concat(top + 20 * rows.length);
  const cells: Cell[] = rows.flatMap((texts, row) =>
    texts.map((text, col) => ({
      row,
      col,
      rowSpan: 1,
      colSpan: 1,
      text,
      lines: text ? [text] : [],
      box: { x0: xs[col]!, y0: ys[row]!, x1: xs[col + 1]!, y1: ys[row + 1]! },
      page,
    })),
  );
  return { page, box: { x0: xs[0]!, y0: top, x1: xs[xs.length - 1]!, y1: ys[ys.length - 1]! }, xs, ys, rows: rows.length, cols: xs.length - 1, cells, kind: "lattice" };
}

const XS = [20, 120, 200, 280, 360];
const HEADED = [
  ["目", "本年度", "前年度", "比較"],
  ["1.一般管理費", "1,200", "1,000", "200"],
  ["計", "1,200", "1,000", "200"],
];
const HEADERLESS = [
  ["1.税務総務費", "233,689", "226,111", "7,578"],
  ["計", "233,689", "226,111", "7,578"],
];

test("a headerless table under a table with the same columns takes its header, and stays a table of its own", () => {
  const tables = stitchTables([grid(3, 100, XS, HEADED), grid(3, 200, XS, HEADERLESS)]);
  expect(tables).toHaveLength(2);
  expect(tables[1]!.headerRows).toBe(0);
  expect(tables[1]!.columns).toEqual([["目"], ["本年度"], ["前年度"], ["比較"]]);
  expect(dataRows(tables[1]!)[0]).toEqual(HEADERLESS[0]);
});

test("on the next page too, after a table its 合計 closes (the same columns scaled alike); two pages on, or other widths, no header is carried", () => {
  const scaled = XS.map((x) => 40 + x * 1.5);
  const closed = [...HEADED.slice(0, 2), ["合計", "1,200", "1,000", "200"]];
  const next = stitchTables([grid(3, 100, XS, closed), grid(4, 60, scaled, HEADERLESS)]);
  expect(next.map((t) => t.pages)).toEqual([[3], [4]]);
  expect(next[1]!.columns).toEqual([["目"], ["本年度"], ["前年度"], ["比較"]]);
  expect(stitchTables([grid(3, 100, XS, HEADED), grid(5, 60, XS, HEADERLESS)])[1]!.columns).toEqual([[], [], [], []]);
  const other = [20, 160, 200, 280, 360];
  expect(stitchTables([grid(3, 100, XS, HEADED), grid(3, 200, other, HEADERLESS)])[1]!.columns).toEqual([[], [], [], []]);
});

test.skipIf(!HAVE_CORPUS)("26 p.60: 項 2.徴税費 under 項 1.総務管理費's 計 reads by the page's three header rows", async () => {
  const tables = await corpusTables("26_nankoku-city_R8_ippan-kaikei_yosansho.pdf", [59, 60]);
  const t = tables.find((t) => dataRows(t)[0]?.[0] === "1.税務総務費")!;
  expect(t.headerRows).toBe(0);
  const col = (name: string) => t.columns.findIndex((path) => path.join(" / ") === name);
  const row = dataRows(t)[0]!;
  // Read from the rendered page (pdftoppm -r 100): 本年度 233,689, 前年度 226,111, 国県支出金 56,112, 一般財源 177,577, 節 1.報酬 30,885.
  expect(row[col("本年度")]).toBe("233,689");
  expect(row[col("前年度")]).toBe("226,111");
  expect(row[col("本年度予算額の財源内訳 / 特定財源 / 国県支出金")]).toBe("56,112");
  expect(row[col("本年度予算額の財源内訳 / 一般財源")]).toBe("177,577");
  expect(row[col("節 / 区分")]).toBe("1.報酬");
  expect(row[col("節 / 金額")]).toBe("30,885");
}, 60_000);
