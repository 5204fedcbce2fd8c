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
import { readSample, sample } from "../helpers.js";

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
