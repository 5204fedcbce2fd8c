/**
 * `kohyo tables`' reading of a budget book's 第1表 (corpus 26, pp.8–14): 歳入 and 歳出 are
 * two tables although they have the same columns on consecutive pages, each continued
 * over its pages past the running head (― 4 ― 一般会計) printed above it; a 款 is the parent
 * of its 項 (款 merged down over its 項 rows); 歳入合計 / 歳出合計 sum the 款 only.
 * Expected values from the rendered pages (test/budget/truth.ts).
 */
import { beforeAll, expect, test } from "vitest";
import { findTables } from "../../src/table/find.js";
import { stitchTables, type Table } from "../../src/table/stitch.js";
import { checkTotals } from "../../src/table/totals.js";
import { open } from "../helpers.js";
import { book26, corpus26 } from "./truth.js";

let tables: Table[];
beforeAll(async () => {
  const doc = await open(corpus26);
  const found = [];
  for await (const p of doc.pages([8, 9, 10, 11, 12, 13, 14])) found.push(...findTables(p));
  tables = stitchTables(found).filter((t) => t.columns.map((c) => c.join("")).join("|") === "款|項|金額");
  await doc.close();
}, 60_000);

test("歳入 and 歳出 are two tables, each over its own pages", () => {
  expect(tables.map((t) => t.pages)).toEqual([
    [8, 9, 10, 11],
    [12, 13, 14],
  ]);
});

test("each grand total sums its 款 only and holds; every 款 is the sum of its 項", () => {
  for (const [t, side] of [[tables[0]!, "歳入"], [tables[1]!, "歳出"]] as const) {
    const checks = checkTotals(t);
    const grand = checks.filter((c) => c.rule === "totals/rows");
    expect(grand.map((c) => [c.severity, c.printed])).toEqual([["info", book26.daiichi[side].合計.amount]]);
    const levels = checks.filter((c) => c.rule === "totals/level");
    expect(levels.length).toBe(side === "歳入" ? 22 : 13);
    expect(levels.every((c) => c.severity === "info")).toBe(true);
  }
});
