/**
 * Tables printed side by side in one frame (src/table/panels.ts): a balance sheet's assets
 * (科目 | 金額) beside its liabilities and equity (科目 | 金額) are two tables, each checked
 * on its own rows, its 【】 sections and （） groups giving the levels; 負債・純資産合計 is
 * 負債合計 + 純資産合計. The balance sheet is built by hand below (a PDF with a Japanese
 * font the reader maps by UniJIS-UTF16-H), its numbers made to add up; a header repeated
 * over year groups stays one table.
 */
import { describe, expect, test } from "vitest";
import { openPdf } from "../../src/pdf/load.js";
import { findTables } from "../../src/table/find.js";
import { panelAreas } from "../../src/table/panels.js";
import { dataRows, stitchTables, type Table } from "../../src/table/stitch.js";
import { checkTotals, tableLevels } from "../../src/table/totals.js";
import type { Cell, PageTable } from "../../src/table/types.js";
import { pdfOf } from "../fixtures.js";

/** One printed row of a panel: label (indented by `indent` ems), amount. */
type Line = [label: string, amount: string, indent?: number];

const ASSETS: Line[] = [
  ["【流動資産】", "【 1,500】"],
  ["現金及び預金", "1,000", 1],
  ["売掛金", "500", 1],
  ["【固定資産】", "【 800】"],
  ["（有形固定資産）", "（ 800）"],
  ["建物", "600", 1],
  ["車両運搬具", "200", 1],
];
const LIABILITIES: Line[] = [
  ["【流動負債】", "【 700】"],
  ["買掛金", "400", 1],
  ["未払費用", "300", 1],
  ["負債合計", "700", 1],
  ["【株主資本】", "【 1,600】"],
  ["資本金", "1,000", 1],
  ["（利益剰余金）", "（ 700）"],
  ["利益準備金", "200", 2],
  ["その他利益剰余金", "500", 2],
  ["別途積立金", "300", 3],
  ["繰越利益剰余金", "200", 3],
  ["自己株式", "△100", 1],
  ["純資産合計", "1,600", 1],
];
const BOTTOM: [Line, Line] = [["資産合計", "2,300", 1], ["負債・純資産合計", "2,300", 1]];

const X = [40, 190, 290, 440, 540];
const ROW = 18;
const TOP = 780;
const SIZE = 9;

/** The text of a string as UTF-16BE hex, for a font encoded UniJIS-UTF16-H. */
const hex = (s: string) => Array.from(s).map((c) => c.codePointAt(0)!.toString(16).padStart(4, "0")).join("");
/** Width of a text at SIZE: full-width 1 em, ASCII half. */
const width = (s: string) => Array.from(s).reduce((w, c) => w + (c.codePointAt(0)! < 0x80 ? 0.5 : 1), 0) * SIZE;

/**
 * The balance sheet as a PDF: a frame of two panels, their header (資産の部 | 負債・純資産の部,
 * then 科目 金額 科目 金額), one row per printed line, every row ruled across both (`ruled`)
 * or no rules at all (unruled, the stream reader does not read its rows right yet: not tested).
 */
function balanceSheet(ruled: boolean): Uint8Array {
  const rows = Math.max(ASSETS.length, LIABILITIES.length);
  const lines: string[] = [];
  const text = (x: number, y: number, s: string) => lines.push(`BT /F1 ${SIZE} Tf ${x.toFixed(1)} ${y.toFixed(1)} Td <${hex(s)}> Tj ET`);
  const all = rows + 3;
  const y = (r: number) => TOP - r * ROW;
  const base = (r: number) => y(r) - ROW + 5;
  // Header: the panels' titles, then the column names, centred.
  const centred = (x0: number, x1: number, r: number, s: string) => text((x0 + x1) / 2 - width(s) / 2, base(r), s);
  centred(X[0]!, X[2]!, 0, "資産の部");
  centred(X[2]!, X[4]!, 0, "負債・純資産の部");
  for (const [i, s] of ["科目", "金額", "科目", "金額"].entries()) centred(X[i]!, X[i + 1]!, 1, s);
  const put = (panel: 0 | 1, r: number, [label, amount, indent = 0]: Line) => {
    const x0 = X[2 * panel]!, x2 = X[2 * panel + 2]!;
    text(x0 + 3 + indent * SIZE, base(r), label);
    text(x2 - 3 - width(amount), base(r), amount);
  };
  ASSETS.forEach((l, i) => put(0, i + 2, l));
  LIABILITIES.forEach((l, i) => put(1, i + 2, l));
  put(0, all - 1, BOTTOM[0]);
  put(1, all - 1, BOTTOM[1]);
  if (ruled) {
    for (let r = 0; r <= all; r++) lines.push(`${X[0]} ${y(r)} m ${X[4]} ${y(r)} l S`);
    // The amount columns' borders start under the panels' titles.
    for (const [i, x] of X.entries()) lines.push(`${x} ${y(i === 1 || i === 3 ? 1 : 0)} m ${x} ${y(all)} l S`);
  }
  const content = lines.join("\n");
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /UniJIS-UTF16-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>",
    "<< /Type /FontDescriptor /FontName /MS-Mincho /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 709 /StemV 69 >>",
  ]);
}

async function tablesOf(bytes: Uint8Array): Promise<Table[]> {
  const r = await openPdf(bytes);
  if (!r.ok) throw new Error(r.error.message);
  try {
    return stitchTables(findTables(await r.doc.page(1)));
  } finally {
    await r.doc.close();
  }
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, "");
const passed = (t: Table) => checkTotals(t).filter((c) => c.ok).map((c) => `${c.label} ${c.printed} = ${c.terms.map((x) => squeeze(x.label)).join(" + ")}`);

describe("a balance sheet of two ruled panels side by side, sharing its row lines", () => {
  const ruled = true;
  test("is read as two tables, each with its own 科目 and 金額", async () => {
    const tables = await tablesOf(balanceSheet(ruled));
    const panels = tables.filter((t) => t.cols === 2);
    expect(panels).toHaveLength(2);
    const [assets, equity] = panels as [Table, Table];
    expect(assets.columns.map((p) => p.at(-1))).toEqual(["科目", "金額"]);
    expect(equity.columns.map((p) => p.at(-1))).toEqual(["科目", "金額"]);
    const labels = (t: Table) => dataRows(t).map((r) => squeeze(r[0]!)).filter((l) => l !== "");
    expect(labels(assets)).toEqual([...ASSETS.map((l) => squeeze(l[0])), "資産合計"]);
    expect(labels(equity)).toEqual([...LIABILITIES.map((l) => squeeze(l[0])), "負債・純資産合計"]);
  });

  test("its totals check their own rows: 資産合計 the 【】 sections, 負債・純資産合計 = 負債合計 + 純資産合計", async () => {
    const [assets, equity] = (await tablesOf(balanceSheet(ruled))).filter((t) => t.cols === 2) as [Table, Table];
    expect(checkTotals(assets).every((c) => c.ok)).toBe(true);
    expect(passed(assets)).toEqual([
      "【流動資産】 1500 = 現金及び預金 + 売掛金",
      "【固定資産】 800 = （有形固定資産）",
      "（有形固定資産） 800 = 建物 + 車両運搬具",
      "資産合計 2300 = 【流動資産】 + 【固定資産】",
    ]);
    expect(checkTotals(equity).every((c) => c.ok)).toBe(true);
    expect(passed(equity)).toEqual([
      "【流動負債】 700 = 買掛金 + 未払費用",
      "負債合計 700 = 【流動負債】",
      // 自己株式, back at 資本金's indentation after the （利益剰余金） items, is 株主資本's.
      "【株主資本】 1600 = 資本金 + （利益剰余金） + 自己株式",
      "（利益剰余金） 700 = 利益準備金 + その他利益剰余金",
      "その他利益剰余金 500 = 別途積立金 + 繰越利益剰余金",
      "純資産合計 1600 = 【株主資本】",
      "負債・純資産合計 2300 = 負債合計 + 純資産合計",
    ]);
  });
});

// ---------------------------------------------------------------------------
// panelAreas on grids built in memory

const XS = [0, 100, 160, 260, 320];

/** A ruled grid over XS from rows of texts (one cell per slot; "" for an empty one). */
function grid(rows: string[][]): PageTable {
  const ys = Array.from({ length: rows.length + 1 }, (_, r) => r * 20);
  const cells: Cell[] = rows.flatMap((texts, row) =>
    texts.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text, lines: text ? [text] : [], box: { x0: XS[col]!, y0: ys[row]!, x1: XS[col + 1]!, y1: ys[row + 1]! }, page: 1 })),
  );
  return { page: 1, box: { x0: 0, y0: 0, x1: 320, y1: ys.at(-1)! }, xs: XS, ys, rows: rows.length, cols: 4, cells, kind: "lattice" };
}

test("科目 金額 | 科目 金額 over labels and amounts: two panels, split at the second 科目", () => {
  const t = grid([
    ["科目", "金額", "科目", "金額"],
    ["現金", "1,000", "買掛金", "400"],
    ["売掛金", "500", "未払費用", "300"],
  ]);
  expect(panelAreas(t)).toEqual([
    { x0: 0, y0: 0, x1: 160, y1: 60 },
    { x0: 160, y0: 0, x1: 320, y1: 60 },
  ]);
});

test("a header name OCR left unread in one panel (科目 金額 | 科目 —) still splits; a name that differs does not", () => {
  const rows = [
    ["現金", "1,000", "買掛金", "400"],
    ["売掛金", "500", "未払費用", "300"],
  ];
  expect(panelAreas(grid([["科目", "金額", "科目", ""], ...rows]))).toHaveLength(2);
  expect(panelAreas(grid([["科目", "金額", "科目", "備考"], ...rows]))).toBeNull();
});

test("人数 金額 | 人数 金額 over year groups (numbers in every column) is one table", () => {
  const t = grid([
    ["人数", "金額", "人数", "金額"],
    ["12", "1,000", "14", "1,200"],
    ["3", "500", "5", "700"],
  ]);
  expect(panelAreas(t)).toBeNull();
});

test("a cell crossing from one panel into the next under the header keeps it one table", () => {
  const t = grid([
    ["科目", "金額", "科目", "金額"],
    ["現金", "1,000", "買掛金", "400"],
  ]);
  const wide: Cell = { ...t.cells.find((c) => c.row === 1 && c.col === 1)!, colSpan: 2 };
  const crossing = { ...t, cells: [...t.cells.filter((c) => !(c.row === 1 && (c.col === 1 || c.col === 2))), wide] };
  expect(panelAreas(crossing)).toBeNull();
});

test("levels of a balance sheet's panel from its brackets: sections, groups, items by indentation", async () => {
  const [assets] = (await tablesOf(balanceSheet(true))).filter((t) => t.cols === 2) as [Table];
  const levels = tableLevels(assets)!;
  expect(levels.depth.slice(0, ASSETS.length)).toEqual([0, 1, 1, 0, 1, 2, 2]);
});

test("one list printed in panels that repeat their whole header and close with no total is read as one table, panel after panel", () => {
  // 都道府県 | 年平均成長率 twice over, as corpus 09 p.10 prints 47 prefectures in four panels.
  const rows = [
    ["都道府県", "年平均成長率", "都道府県", "年平均成長率"],
    ["北海道", "3.2%", "東京", "2.8%"],
    ["青森", "3.8%", "神奈川", "2.8%"],
  ];
  const t = grid(rows);
  const areas = panelAreas(t)!;
  const panel = (i: number): PageTable => {
    const cols = [2 * i, 2 * i + 1];
    const cells = t.cells.filter((c) => cols.includes(c.col)).map((c) => ({ ...c, col: c.col - 2 * i }));
    return { ...t, box: areas[i]!, xs: [areas[i]!.x0, XS[2 * i + 1]!, areas[i]!.x1], cols: 2, cells, panel: i };
  };
  const tables = stitchTables([panel(1), panel(0)]);
  expect(tables).toHaveLength(1);
  expect(tables[0]!.columns).toEqual([["都道府県"], ["年平均成長率"]]);
  expect(dataRows(tables[0]!)).toEqual([["北海道", "3.2%"], ["青森", "3.8%"], ["東京", "2.8%"], ["神奈川", "2.8%"]]);
});

test("the balance sheet's panels stay two tables: their titles differ (資産の部, 負債・純資産の部) and the assets close with 資産合計", async () => {
  expect((await tablesOf(balanceSheet(true))).filter((t) => t.cols === 2)).toHaveLength(2);
});

test("one table printed as two halves with the 合計 under the right half covering both: the 合計 checks every row of both halves", () => {
  const t = grid([
    ["事業名", "金額", "事業名", "金額"],
    ["道路改良", "1,200", "橋梁補修", "800"],
    ["河川整備", "500", "合計", "2,500"],
  ]);
  const areas = panelAreas(t)!;
  const panel = (i: number): PageTable => {
    const cells = t.cells.filter((c) => c.col === 2 * i || c.col === 2 * i + 1).map((c) => ({ ...c, col: c.col - 2 * i }));
    return { ...t, box: areas[i]!, xs: [areas[i]!.x0, XS[2 * i + 1]!, areas[i]!.x1], cols: 2, cells, panel: i };
  };
  const tables = stitchTables([panel(0), panel(1)]);
  expect(tables).toHaveLength(1);
  expect(checkTotals(tables[0]!).map((c) => [c.label, c.printed, c.sum, c.ok])).toEqual([["合計", 2500, 2500, true]]);
});
