/**
 * Printed totals against the plan samples' truth: 一般事業 合計 477,289 / 238,647 / 1,239 /
 * 493 / 93 and モデル事業 47,693 / 47,693 / 75 / 28 / 0 (seed 000; the data file the
 * samples were made from).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { latticeTables } from "../../src/table/lattice.js";
import { stitchTables, type Table } from "../../src/table/stitch.js";
import { checkTotals } from "../../src/table/totals.js";
import { corpusTables, HAVE_CORPUS, readSample, sample } from "../helpers.js";

interface TruthTable { name: string; columns: { key: string; header: string[] }[]; total: { values: Record<string, number> }; amountGroups: { rows: number[] }[] }
interface Mistyped { table: string; no: number; column: string; printed: string; total: { printed: number; sum: number; difference: number } }
interface Rendering { file: string; cellBorders?: boolean; mistyped?: Mistyped; pageLayout: { page: number; table: string; total: boolean }[] }
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as {
  tables: TruthTable[];
  renderings: Rendering[];
};

async function tables(file: string): Promise<Table[]> {
  const pages = await readSample(file);
  return stitchTables(pages.flatMap((p) => latticeTables(p.number, p.rules, p.runs)));
}

// Ruled renderings whose totals hold (the unruled one: test/table/stream.test.ts; the mistyped one below).
describe.each(truth.renderings.filter((r) => r.cellBorders !== false && !r.mistyped))("totals on $file", ({ file }) => {
  let found: Table[];
  beforeAll(async () => {
    found = await tables(file);
  });

  test("every printed 合計 is found and holds, merged amounts counted once", () => {
    found.forEach((t, i) => {
      const tt = truth.tables[i]!;
      const checks = checkTotals(t);
      const printed = Object.fromEntries(checks.map((c) => [c.column, c.printed]));
      const expected = Object.values(tt.total.values);
      expect(checks.map((c) => c.printed)).toEqual(expected);
      expect(Object.keys(printed)).toHaveLength(expected.length);
      for (const c of checks) expect([c.column, c.label, c.ok, c.difference, c.severity]).toEqual([c.column, "合計", true, 0, "info"]);
    });
    // 一般事業: 28 rows, of which 19 carry an amount (the merged groups count once).
    const amount = checkTotals(found[0]!).find((c) => c.column === "事業額")!;
    const groupRows = truth.tables[0]!.amountGroups.reduce((n, g) => n + g.rows.length - 1, 0);
    expect(amount.rows).toBe(28 - groupRows);
  });
});

test("a mistyped amount fails its 合計 with printed value, sum, difference and page", async () => {
  const [general] = await tables("tokyo-plan-r5-a4.pdf");
  // 中央区's 事業額 11,433 typed as 11,483: the column now sums 50 more than the printed 合計.
  const cell = general!.cells.find((c) => c.text === "11,433")!;
  cell.text = "11,483";
  const check = checkTotals(general!).find((c) => c.column === "事業額")!;
  expect(check).toMatchObject({ label: "合計", printed: 477289, sum: 477339, difference: -50, ok: false, severity: "error", page: 3 });
});

test("a total off by rounding to the display unit is a warning with its difference, not a pass", async () => {
  const [general] = await tables("tokyo-plan-r5-a4.pdf");
  // 目標 雇用・就業者数 of row 1: 20 → 20.4 (shown rounded elsewhere); the 合計 1,239 is printed in whole units.
  const cell = general!.cells.find((c) => c.row === general!.headerRows && c.text === "20")!;
  cell.text = "20.4";
  const check = checkTotals(general!).find((c) => c.column.endsWith("雇用・就業者数"))!;
  expect(check).toMatchObject({ printed: 1239, ok: false, severity: "warning" });
  expect(check.difference).toBeCloseTo(-0.4, 5);
});

/**
 * Corpus 05, 経費明細表 (pp. 15–16), as read off the rendered pages: 補助対象経費 140,000,
 * 250,000, 500,000, 500,000, 300,000 (機械装置等費), 100,000, 50,000, 120,000 (広報費), 450,000,
 * 300,000 (ウェブサイト関連費), 320,000 (開発費), 90,000, 60,000 (委託・外注費); (a) 2,430,000
 * "(ウェブサイト関連費を除く)", (b) 1,620,000 "(1)×補助率 2/3 以内（円未満切捨て）", (c) 750,000,
 * (d) 500,000 "(6)の1/4を上限（最大50万円）, (c)×補助率 2/3 以内", (e) 3,180,000 = (a)+(c),
 * (f) 2,120,000 = (b)+(d), and "(d)が(f)の 1/4 以内であるか".
 */
describe.skipIf(!HAVE_CORPUS)("corpus 05: 経費明細表 with labelled subtotals and formulas", () => {
  const FILE = "05_jizokuka-hojokin_kisairei_kappou_keihi-meisai.pdf";
  const expense = async () => (await corpusTables(FILE, [15, 16]))[0]!;

  test("every printed subtotal, rate, cap and formula is checked and holds, saying what it used", async () => {
    const checks = checkTotals(await expense());
    expect(checks.map((c) => [c.rule, c.label.slice(0, 3), c.page, c.printed, c.sum, c.difference, c.ok, c.formula])).toEqual([
      ["totals/scope", "（１）", 15, 2430000, 2430000, 0, true, "Σ rows without ウェブサイト関連費"],
      ["totals/limit", "（２）", 15, 1620000, 1620000, 0, true, "(b) ≤ ⌊(1)×2/3⌋"],
      ["totals/scope", "（３）", 16, 750000, 750000, 0, true, "Σ rows with ウェブサイト関連費"],
      ["totals/limit", "（４）", 16, 500000, 500000, 0, true, "(d) ≤ min(⌊(c)×2/3⌋, ⌊(6)×1/4⌋, 500,000)"],
      ["totals/formula", "（５）", 16, 3180000, 3180000, 0, true, "(e) = (a)+(c)"],
      ["totals/formula", "（６）", 16, 2120000, 2120000, 0, true, "(f) = (b)+(d)"],
      // (d) 500,000 against (f)/4 = 530,000: within, so it holds with 30,000 to spare.
      ["totals/limit", "(d)", 16, 500000, 530000, -30000, true, "(d) ≤ (f)×1/4"],
    ]);
    for (const c of checks) expect(c.column).toBe("補助対象経費（税抜・税込）");
    expect(checks[0]!.terms.map((t) => t.value)).toEqual([140000, 250000, 500000, 500000, 300000, 100000, 50000, 120000, 320000, 90000, 60000]);
    expect(checks[2]!.terms.map((t) => [t.label, t.value])).toEqual([["③ウェブサイト関連費", 450000], ["③ウェブサイト関連費", 300000]]);
    expect(checks[3]!.terms.map((t) => [t.label, t.value])).toEqual([["(c)", 750000], ["(6)", 2120000]]);
    expect(checks[4]!.terms.map((t) => [t.label, t.value])).toEqual([["(a)", 2430000], ["(c)", 750000]]);
  });

  test("a mistyped (c) fails its subtotal and the (a)+(c) that uses it, with printed, computed and difference", async () => {
    const t = await expense();
    t.cells.find((c) => c.text === "（ｃ）750,000")!.text = "（ｃ）760,000";
    const failing = checkTotals(t).filter((c) => !c.ok);
    expect(failing.map((c) => [c.rule, c.label.slice(0, 3), c.printed, c.sum, c.difference, c.severity])).toEqual([
      ["totals/scope", "（３）", 760000, 750000, 10000, "error"],
      ["totals/formula", "（５）", 3180000, 3190000, -10000, "error"],
    ]);
  });

  test("an amount requested above ⌊(1)×2/3⌋ fails its limit", async () => {
    const t = await expense();
    t.cells.find((c) => c.text === "（b）1,620,000")!.text = "（b）1,700,000";
    const check = checkTotals(t).find((c) => c.label.startsWith("（２）"))!;
    expect(check).toMatchObject({ rule: "totals/limit", printed: 1700000, sum: 1620000, difference: 80000, ok: false, severity: "error" });
  });
});

test("the mistyped sample fails 合計 on exactly the mistyped column, with the truth's printed value, sum and difference", async () => {
  const rendering = truth.renderings.find((r) => r.mistyped)!;
  const typo = rendering.mistyped!;
  const tt = truth.tables.find((t) => t.name === typo.table)!;
  const found = await tables(rendering.file);
  const checks = checkTotals(found[truth.tables.indexOf(tt)]!);
  const column = tt.columns.find((c) => c.key === typo.column)!.header.join(" / ");
  const totalPage = rendering.pageLayout.find((l) => l.table === tt.name && l.total)!.page;
  expect(checks.filter((c) => !c.ok)).toEqual([
    expect.objectContaining({ column, label: "合計", printed: typo.total.printed, sum: typo.total.sum, difference: typo.total.difference, severity: "error", page: totalPage }),
  ]);
  expect(checks).toHaveLength(Object.keys(tt.total.values).length);
});
