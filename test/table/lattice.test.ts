/**
 * Lattice reconstruction, page by page, against samples/tokyo-plan-r5.truth.json (the
 * data the sample spreadsheets were generated from). Cells of a merged group cut by a
 * page break are left to the stitching stage and not counted here.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { Page } from "../../src/model/page.js";
import { latticeTables } from "../../src/table/lattice.js";
import { joinParts } from "../../src/table/text.js";
import type { PageTable } from "../../src/table/types.js";
import { readSample, sample } from "../helpers.js";

interface HeaderCell { key: string; text: string; rowSpan: number; colSpan: number }
interface Table {
  name: string;
  columns: { key: string }[];
  headerRows: HeaderCell[][];
  rows: { no: number; cells: Record<string, string | null> }[];
  total: { label: string; labelSpan: string[]; cells: Record<string, string | null> };
  municipalityGroups: { rows: number[] }[];
  amountGroups: { rows: number[] }[];
}
interface Layout { page: number; table: string; header: boolean; rows: [number, number]; total: boolean }
interface CutGroup { table: string; columns: string[]; rows: number[] }
interface Mistyped { table: string; no: number; column: string; printed: string }
interface Rendering { file: string; pageLayout: Layout[]; cutGroups?: CutGroup[]; mergeMunicipality: boolean; cellBorders?: boolean; mistyped?: Mistyped }
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as { tables: Table[]; renderings: Rendering[] };
/** The ruled renderings (the unruled one is read as a stream table, test/table/stream.test.ts). */
const ruled = truth.renderings.filter((r) => r.cellBorders !== false);

/** A truth cell as the engine should read it: its printed lines joined as the page reads. */
const expected = (s: string | null | undefined) => joinParts((s ?? "").split("\n"));

/** Dense grid: a spanning cell's text in its top-left slot, "" in the slots it covers. */
function grid(t: PageTable): string[][] {
  const g = Array.from({ length: t.rows }, () => Array<string>(t.cols).fill(""));
  for (const c of t.cells) g[c.row]![c.col] = c.text;
  return g;
}

describe.each(ruled)("lattice on $file", (rendering) => {
  let pages: Page[];
  beforeAll(async () => {
    pages = await readSample(rendering.file);
  });

  test("every page holds one table with the truth's columns, spans and cell texts", () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const l of rendering.pageLayout) {
      const t = truth.tables.find((x) => x.name === l.table)!;
      const page = pages[l.page - 1]!;
      const tables = latticeTables(l.page, page.rules, page.runs);
      expect(tables, `tables on page ${l.page}`).toHaveLength(1);
      const table = tables[0]!;
      expect(table.cols).toBe(t.columns.length);
      const g = grid(table);
      const keys = t.columns.map((c) => c.key);
      let r = 0;
      if (l.header) {
        for (const [i, headerRow] of t.headerRows.entries()) {
          for (const h of headerRow) {
            const col = keys.indexOf(h.key);
            const cell = table.cells.find((c) => c.row === i && c.col === col)!;
            expect(cell, `header ${h.key} on page ${l.page}`).toBeDefined();
            expect([cell.text, cell.rowSpan, cell.colSpan]).toEqual([expected(h.text), h.rowSpan, h.colSpan]);
          }
        }
        r = t.headerRows.length;
      }
      const cut = (no: number, key: string) =>
        rendering.cutGroups?.some((c) => c.table === t.name && c.columns.includes(key) && c.rows.includes(no)) ?? false;
      // Where the municipality cell is merged, it prints on the group's first row only.
      const coveredMunicipality = (no: number) =>
        rendering.mergeMunicipality && t.municipalityGroups.some((m) => m.rows.includes(no) && m.rows[0] !== no);
      for (const row of t.rows.filter((x) => x.no >= l.rows[0] && x.no <= l.rows[1])) {
        keys.forEach((key, col) => {
          if (cut(row.no, key)) return;
          checked++;
          const got = g[r]?.[col];
          const typo = rendering.mistyped;
          const printed = typo?.table === t.name && typo.no === row.no && typo.column === key ? typo.printed : row.cells[key];
          const want = key === "municipality" && coveredMunicipality(row.no) ? "" : expected(printed);
          if (got !== want) wrong.push(`p${l.page} row ${row.no} ${key}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        });
        r++;
      }
      // A merged amount group on one page is one cell spanning its rows, counted once.
      const first = l.header ? t.headerRows.length : 0;
      for (const group of t.amountGroups.filter((gr) => gr.rows.every((no) => no >= l.rows[0] && no <= l.rows[1]))) {
        for (const key of ["amount", "subsidy"]) {
          const cell = table.cells.find((c) => c.row === first + group.rows[0]! - l.rows[0] && c.col === keys.indexOf(key))!;
          expect([key, cell.rowSpan], `group ${group.rows.join("-")} on page ${l.page}`).toEqual([key, group.rows.length]);
        }
      }
      if (l.total) {
        const label = table.cells.find((c) => c.row === r && c.col === 0)!;
        expect([label.text, label.colSpan]).toEqual([t.total.label, t.total.labelSpan.length]);
        keys.forEach((key, col) => {
          if (t.total.labelSpan.includes(key)) return;
          checked++;
          if (g[r]?.[col] !== expected(t.total.cells[key])) wrong.push(`p${l.page} 合計 ${key}: ${g[r]?.[col]}`);
        });
        r++;
      }
      expect(table.rows, `rows on page ${l.page}`).toBe(r);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });
});
