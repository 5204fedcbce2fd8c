/**
 * Tables that go on over a page break, and tables that only look as if they did, read by
 * the whole finder (ruled and stream tables, captions) and stitched. Values from the
 * rendered pages of corpus 17 (a 補正予算 book: every printed total in it holds) and from
 * the case-sheet sample's source (samples/case-sheets-r5.fodp).
 */
import { describe, expect, test } from "vitest";
import { findTables } from "../../src/table/find.js";
import { dataRows, stitchTables, type Table } from "../../src/table/stitch.js";
import { checkTotals } from "../../src/table/totals.js";
import { corpus, HAVE_CORPUS, open, sample, squeeze } from "../helpers.js";

async function tablesOf(file: string, pages?: number[]): Promise<Table[]> {
  const doc = await open(file);
  try {
    const found = [];
    for await (const p of doc.pages(pages)) found.push(...findTables(p));
    return stitchTables(found);
  } finally {
    await doc.close();
  }
}

const rows = (t: Table) => dataRows(t).map((r) => r.map(squeeze));
const HOSEI = "17_nankoku-city_R3_ippan-kaikei-hosei-yosan.pdf";

describe.skipIf(!HAVE_CORPUS)("corpus 17", () => {
  test("款 14 項 1 使用料 goes on from p.16 to p.17, whose caption adds （単位：千円）; p.17's repeated header is not a row; 計 of 補正額 19,719 = 28,723 + △9,004", async () => {
    const tables = await tablesOf(corpus(HOSEI), [16, 17]);
    const t = tables.find((t) => t.pages.join() === "16,17")!;
    expect(rows(t).map((r) => [r[0], r[2], r[4], r[5]])).toEqual([
      ["2.民生使用料", "28,723", "2.児童福祉使用料", "28,723"],
      ["6.教育使用料", "△9,004", "1.幼稚園使用料", "△279"],
      ["", "", "2.社会教育使用料", "△450"],
      ["", "", "3.保健体育使用料", "△8,275"],
      ["計", "19,719", "", ""],
    ]);
    const total = checkTotals(t).find((c) => c.label === "計" && c.column === "補正額")!;
    expect([total.printed, total.sum, total.ok]).toEqual([19719, 19719, true]);
  });

  test("the 款/項 caption lines between p.16's ruled tables are not read as a table of their own", async () => {
    const tables = await tablesOf(corpus(HOSEI), [16]);
    expect(tables.filter((t) => dataRows(t).some((r) => r.some((c) => /^款/u.test(squeeze(c)))))).toEqual([]);
    // 款 8, 9, 11, 13 and 14 as printed: five ruled tables.
    expect(tables.map((t) => rows(t)[0]![0])).toEqual(["1.ゴルフ場利用税交付金", "1.環境性能割交付金", "1.地方交付税", "1.民生費負担金", "2.民生使用料"]);
  });

  test("1.監査委員費, printed again at the top of p.32 above the 節 that go on, is one 目: 計 △130 holds", async () => {
    const tables = await tablesOf(corpus(HOSEI), [31, 32]);
    const t = tables.find((t) => t.pages.join() === "31,32")!;
    expect(rows(t).map((r) => [r[0], r[2], r[8], r[9]])).toEqual([
      ["1.監査委員費", "△130", "8.旅費", "△2"],
      ["", "", "12.委託料", "△128"],
      ["計", "△130", "", ""],
    ]);
    expect(checkTotals(t).filter((c) => c.label === "計").every((c) => c.ok)).toBe(true);
  });

  test("every printed total of the book holds (it is right as published)", async () => {
    const failing = (await tablesOf(corpus(HOSEI))).flatMap((t) => checkTotals(t).filter((c) => c.severity === "error").map((c) => `p.${c.page} ${c.label} ${c.column}`));
    expect(failing).toEqual([]);
  }, 180_000);
});

test("a case sheet's strip of figures at the foot of p.9 and the next region's under its title on p.10 are two tables", async () => {
  const tables = await tablesOf(sample("case-sheets-r5.pdf"), [9, 10]);
  const strips = tables.filter((t) => rows(t)[0]?.[0]?.startsWith("人口"));
  expect(strips.map((t) => [t.pages, rows(t).map((r) => r[1])])).toEqual([
    [[9], ["98,811人"]],
    [[10], ["35,876人"]],
  ]);
});
