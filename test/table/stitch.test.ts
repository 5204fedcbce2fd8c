/**
 * Tables over pages, against samples/tokyo-plan-r5.truth.json: each rendering holds the
 * 一般事業 table over three pages (header repeated, or on the first page only) and the
 * モデル事業 table on the fourth; merged groups cut by a page break (b4-merged) must come
 * back whole.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { Page } from "../../src/model/page.js";
import { latticeTables } from "../../src/table/lattice.js";
import { dataRows, stitchTables, type Table } from "../../src/table/stitch.js";
import { joinParts } from "../../src/table/text.js";
import { readSample, sample } from "../helpers.js";
import { PLAN_COLUMNS } from "./plan-columns.js";

interface TruthTable {
  name: string;
  columns: { key: string; header: string[] }[];
  rows: { no: number; cells: Record<string, string | null> }[];
  total: { label: string; labelSpan: string[]; cells: Record<string, string | null> };
  amountGroups: { rows: number[] }[];
  municipalityGroups: { rows: number[] }[];
}
interface Mistyped { table: string; no: number; column: string; printed: string }
interface Rendering { file: string; pageLayout: { page: number; table: string }[]; mergeMunicipality: boolean; cellBorders?: boolean; mistyped?: Mistyped }
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as { tables: TruthTable[]; renderings: Rendering[] };
/** The ruled renderings (the unruled one is read as a stream table, test/table/stream.test.ts). */
const ruled = truth.renderings.filter((r) => r.cellBorders !== false);
const expected = (s: string | null | undefined) => joinParts((s ?? "").split("\n"));

describe.each(ruled)("stitching $file", (rendering) => {
  let tables: Table[];
  beforeAll(async () => {
    const pages: Page[] = await readSample(rendering.file);
    tables = stitchTables(pages.flatMap((p) => latticeTables(p.number, p.rules, p.runs)));
  });

  test("one table per truth table, over the pages the layout gives", () => {
    expect(tables.map((t) => t.pages)).toEqual(
      truth.tables.map((t) => rendering.pageLayout.filter((l) => l.table === t.name).map((l) => l.page)),
    );
  });

  test("columns are the header paths, letter-spacing taken out", () => {
    expect(tables.map((t) => t.columns)).toEqual(PLAN_COLUMNS);
  });

  test("every data cell equals the truth, merged groups counted once, even across page breaks", () => {
    tables.forEach((t, i) => {
      const tt = truth.tables[i]!;
      const keys = tt.columns.map((c) => c.key);
      const rows = dataRows(t);
      expect(rows).toHaveLength(tt.rows.length + 1); // + 合計
      const covered = (no: number) =>
        rendering.mergeMunicipality && tt.municipalityGroups.some((m) => m.rows.includes(no) && m.rows[0] !== no);
      const typo = rendering.mistyped;
      const printed = (no: number, k: string) => (typo?.table === tt.name && typo.no === no && typo.column === k ? typo.printed : undefined);
      const want = tt.rows.map((row) =>
        keys.map((k) => (k === "municipality" && covered(row.no) ? "" : expected(printed(row.no, k) ?? row.cells[k]))),
      );
      want.push(keys.map((k) => (k === tt.total.labelSpan[0] ? tt.total.label : tt.total.labelSpan.includes(k) ? "" : expected(tt.total.cells[k]))));
      expect(rows).toEqual(want);
    });
  });

  test("a merged amount group is one cell spanning all its rows", () => {
    tables.forEach((t, i) => {
      const tt = truth.tables[i]!;
      const col = tt.columns.findIndex((c) => c.key === "amount");
      for (const g of tt.amountGroups) {
        const cell = t.cells.find((c) => c.col === col && c.row === t.headerRows + g.rows[0]! - 1)!;
        expect([g.rows[0], cell.rowSpan]).toEqual([g.rows[0], g.rows.length]);
      }
    });
  });
});
