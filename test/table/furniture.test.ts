/**
 * The page number at the head or foot of a page, and the running title printed on its line,
 * are no table's text; neither is a ruled table's caption a row of a table of its own.
 * Budget books print both over every table: "― 18 ― 一般会計" at the head, then
 * "款 15. 国庫支出金 項 2. 国庫補助金 （単位：千円）" just above the ruled table.
 */
import { describe, expect, test } from "vitest";
import { findTables } from "../../src/table/index.js";
import { pageFurniture } from "../../src/layout/furniture.js";
import type { Rule, TextRun } from "../../src/model/page.js";
import { corpus, HAVE_CORPUS, open, sample } from "../helpers.js";

const A4 = { width: 595, height: 842 };

function run(text: string, x0: number, y0: number, size = 10): TextRun {
  return { text, raw: text, box: { x0, y0, x1: x0 + size * [...text].length, y1: y0 + size }, font: "F", size, vertical: false };
}

/** A page of body text between the given head and foot lines. */
function page(head: TextRun[], foot: TextRun[], rules: Rule[] = []) {
  const body = [run("本文の一行目です", 60, 300), run("本文の二行目です", 60, 320)];
  return { ...A4, runs: [...head, ...body, ...foot], rules };
}

describe("page furniture", () => {
  test("a dressed page number with the running title beside it is the head line", () => {
    const head = [run("―", 280, 20), run("18", 295, 20), run("―", 320, 20), run("一般会計", 500, 20)];
    expect([...pageFurniture(page(head, []))]).toEqual(head);
  });

  test("a page number alone, centred or in a corner, is the foot line", () => {
    expect(pageFurniture(page([], [run("27", 290, 800)])).size).toBe(1);
    expect(pageFurniture(page([], [run("43", 540, 800)])).size).toBe(1);
    expect(pageFurniture(page([], [run("- 7 -", 280, 800)])).size).toBe(1);
    expect(pageFurniture(page([], [run("12/44", 280, 800)])).size).toBe(1);
  });

  test("a heading's number, a phone number, a total and a number mid-line at the foot are kept", () => {
    expect(pageFurniture(page([run("(2)", 40, 20), run("研修費", 70, 20)], [])).size).toBe(0);
    expect(pageFurniture(page([], [run("03-5390-1234", 280, 800)])).size).toBe(0);
    expect(pageFurniture(page([], [run("合計", 60, 800), run("120", 400, 800)])).size).toBe(0);
    expect(pageFurniture(page([], [run("7", 200, 800)])).size).toBe(0);
  });

  test("a number alone away from the head and the foot is the page's text", () => {
    expect(pageFurniture({ ...A4, runs: [run("本文", 60, 20), run("18", 290, 400), run("本文", 60, 800)], rules: [] }).size).toBe(0);
  });

  test("a table's last row at the foot of a page printing no page number is kept", () => {
    // A rate table (区分 | 補助率 … 市町村 1/4), a school calendar (3/25 (火) 修了式).
    expect(pageFurniture(page([], [run("市町村", 60, 800), run("1/4", 400, 800)])).size).toBe(0);
    expect(pageFurniture(page([], [run("3/25 (火)", 60, 800), run("修了式", 200, 800)])).size).toBe(0);
    // A ruled table's last row holding only a right-aligned amount (事業名 spans two rows):
    // the table's bottom rule lies below it.
    const bottom: Rule = { axis: "h", pos: 815, start: 50, end: 560, thickness: 0.5 };
    expect(pageFurniture(page([], [run("340", 525, 800)], [bottom])).size).toBe(0);
    // The same number with the rule above it (a footer's separator) is the page number.
    expect(pageFurniture(page([], [run("34", 525, 800)], [{ ...bottom, pos: 790 }])).size).toBe(1);
  });

  test("a unit note on the page number's line stays for the tables under it", () => {
    expect(pageFurniture(page([run("― 18 ―", 280, 20), run("（単位：千円）", 480, 20)], [])).size).toBe(0);
  });
});

describe("captions are their table's, not a table of their own", () => {
  // samples/budget-r6-book-a3.fods, sheet 2: two 明細 pages side by side, each ruled table
  // under its caption line (款　1.村税　項　1.村民税　（単位：千円）).
  test("the A3 two-up sample's captions make no table, and each ruled table keeps its caption", async () => {
    const doc = await open(sample("budget-r6-book-a3.pdf"));
    const p2 = findTables(await doc.page(2));
    await doc.close();
    expect(p2.filter((t) => t.kind === "stream")).toEqual([]);
    const captions = p2.map((t) => t.caption?.replace(/\s/g, ""));
    expect(captions).toContain("款1.村税項1.村民税（単位：千円）");
    expect(captions).toContain("款3.国庫支出金項2.国庫補助金（単位：千円）");
  });

  test.skipIf(!HAVE_CORPUS)("corpus 17's running head ― 18 ― 一般会計 and caption line are no table", async () => {
    const doc = await open(corpus("17_nankoku-city_R3_ippan-kaikei-hosei-yosan.pdf"));
    for (const n of [14, 18, 32]) {
      const tables = findTables(await doc.page(n));
      const texts = tables.flatMap((t) => t.cells.map((c) => c.text.replace(/\s/g, "")));
      expect(texts, `p.${n}`).not.toContain("一般会計");
      expect(texts, `p.${n}`).not.toContain(String(n));
      expect(tables.every((t) => t.kind === "lattice"), `p.${n}`).toBe(true);
    }
    // p.18 as printed: the 国庫補助金 table under its caption, then the 国庫委託金 one.
    const p18 = findTables(await doc.page(18));
    await doc.close();
    expect(p18.map((t) => t.caption?.replace(/\s/g, ""))).toEqual(["款15.国庫支出金項2.国庫補助金（単位：千円）", "款15.国庫支出金項3.国庫委託金"]);
  });
});
