/**
 * A supplementary budget (補正予算) lists only the 款 and 項 that change: its 補正額
 * column sums down, and its 補正前の額 and 計 do not (an unchanged 項 is left out) — they
 * are checked across, 計 = 補正前の額 + 補正額 on every row. Values from the rendered
 * pages of corpus 17 (truth.json: 歳入合計 27,758,566 / △110,893 / 27,647,673, p.4).
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { Table } from "../../src/table/stitch.js";
import { checkTotals, supplementary } from "../../src/table/totals.js";
import { corpusTables, HAVE_CORPUS } from "../helpers.js";

const FILE = "17_nankoku-city_R3_ippan-kaikei-hosei-yosan.pdf";

describe.skipIf(!HAVE_CORPUS)("corpus 17, 第1表 歳入 (pp.2–4)", () => {
  let table: Table;
  beforeAll(async () => {
    table = (await corpusTables(FILE, [2, 3, 4])).find((t) => t.pages.join() === "2,3,4")!;
  });

  test("its columns are read as 補正前の額, 補正額, 計", () => {
    expect(supplementary(table)).toEqual({ before: 2, change: 3, after: 4 });
  });

  test("every check holds on the book as printed; 歳入合計 checked down 補正額 and across 計 = 補正前の額 + 補正額", () => {
    const checks = checkTotals(table);
    expect(checks.filter((c) => c.severity === "error")).toEqual([]);
    const grand = checks.filter((c) => c.label === "歳入合計");
    expect(grand.map((c) => [c.rule, c.column, c.printed, c.sum, c.page])).toEqual([
      ["totals/rows", "補正額", -110893, -110893, 4],
      ["totals/columns", "計", 27647673, 27647673, 4],
    ]);
    expect(grand[1]!.terms.map((t) => t.value)).toEqual([27758566, -110893]);
  });

  test("a mistyped 計 on one 款 row fails that row's check across and nothing else (計 is not summed down)", () => {
    const row = checkTotals(table).find((c) => c.label.startsWith("22.市債") && c.rule === "totals/columns")!.row;
    const cell = table.cells.find((c) => c.row === table.headerRows + row && c.col === 4)!;
    const mistyped: Table = { ...table, cells: table.cells.map((c) => (c === cell ? { ...c, text: "3,234,380" } : c)) };
    const failing = checkTotals(mistyped).filter((c) => c.severity === "error");
    expect(failing.map((c) => [c.rule, c.label, c.column, c.printed, c.sum])).toEqual([["totals/columns", "22.市債", "計", 3234380, 3234330]]);
  });
});
