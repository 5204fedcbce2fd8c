/**
 * Stream tables (no ruling lines). The unruled rendering of the Tokyo plan against
 * samples/tokyo-plan-r5.truth.json, and real pages from ../shared/corpus: a table without
 * full rules (read off the rendered page by hand), prose and slide pages that must give no
 * table, and the ruled lists that must come out as before.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { Page } from "../../src/pdf/types.js";
import { findTables } from "../../src/table/find.js";
import { latticeTables } from "../../src/table/lattice.js";
import { dataRows, stitchTables, type Table } from "../../src/table/stitch.js";
import { streamTables } from "../../src/table/stream.js";
import { joinParts } from "../../src/table/text.js";
import { checkTotals } from "../../src/table/totals.js";
import { corpus, HAVE_CORPUS, readAll, readSample, sample } from "../helpers.js";

interface TruthTable {
  name: string;
  columns: { key: string; header: string[] }[];
  rows: { no: number; cells: Record<string, string | null> }[];
  total: { label: string; labelSpan: string[]; cells: Record<string, string | null>; values: Record<string, number> };
}
interface Rendering {
  file: string;
  cellBorders?: boolean;
  columnWidthsMm: Record<string, Record<string, number>>;
  pageLayout: { page: number; table: string }[];
}
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as { tables: TruthTable[]; renderings: Rendering[] };
const unruled = truth.renderings.find((r) => r.cellBorders === false)!;
/** A truth cell as the page reads it: its printed lines joined (see lattice.test.ts). */
const expected = (s: string | null | undefined) => joinParts((s ?? "").split("\n"));

/**
 * The truth's rows as printed, 合計 last. Without borders the 合計 label, centred over the
 * label columns, is read in the column under its centre (from the rendering's column widths).
 */
function printedRows(t: TruthTable): string[][] {
  const keys = t.columns.map((c) => c.key);
  const widths = keys.map((k) => unruled.columnWidthsMm[t.name]![k]!);
  const span = t.total.labelSpan.map((k) => keys.indexOf(k));
  const centre = span.reduce((s, c) => s + widths[c]!, 0) / 2;
  let x = 0;
  const labelCol = span.find((c) => (x += widths[c]!) > centre)!;
  const rows = t.rows.map((row) => keys.map((k) => expected(row.cells[k])));
  rows.push(keys.map((k, c) => (c === labelCol ? t.total.label : t.total.labelSpan.includes(k) ? "" : expected(t.total.cells[k]))));
  return rows;
}

describe("stream tables on the unruled sample", () => {
  let pages: Page[];
  let tables: Table[];
  beforeAll(async () => {
    pages = await readSample(unruled.file);
    tables = stitchTables(pages.flatMap((p) => findTables(p)));
  });

  test("no ruled table is found, one stream table per truth table, over the pages the layout gives", () => {
    expect(pages.flatMap((p) => latticeTables(p.number, p.rules, p.runs))).toEqual([]);
    expect(tables.map((t) => t.pages)).toEqual(
      truth.tables.map((t) => unruled.pageLayout.filter((l) => l.table === t.name).map((l) => l.page)),
    );
  });

  test("columns are the header paths: 目標(労働力確保) spans two columns and heads the next header row", () => {
    expect(tables.map((t) => t.headerRows)).toEqual([2, 2]);
    // The truth's header paths, as lattice reads them on the ruled renderings (stitch.test.ts).
    const general = [
      ["整理番号"], ["実施区市町村名"], ["事業名"], ["事業内容(300字以内）"], ["事業分類"], ["事業額"], ["補助金申請額"],
      ["目標(労働力確保)", "雇用・就業者数"], ["目標(労働力確保)", "人材獲得事業所数"], ["目標（処遇改善事業）", "支援事業所数"],
      ["事業開始（予定）月"], ["問合せ先"],
    ];
    const model = [...general.slice(0, 2), ["テーマ"], ...general.slice(2)];
    expect(tables.map((t) => t.columns)).toEqual([general, model]);
    const span = tables[0]!.cells.find((c) => c.text === "目標(労働力確保)")!;
    expect([span.row, span.col, span.rowSpan, span.colSpan]).toEqual([0, 7, 1, 2]);
  });

  test("every cell equals the truth's printed cell: wrapped lines kept in their row, merged amounts on the group's first row", () => {
    let exact = 0;
    let total = 0;
    const wrong: string[] = [];
    tables.forEach((t, i) => {
      const want = printedRows(truth.tables[i]!);
      const got = dataRows(t);
      expect(got).toHaveLength(want.length);
      want.forEach((row, r) =>
        row.forEach((cell, c) => {
          total++;
          if (got[r]?.[c] === cell) exact++;
          else wrong.push(`${truth.tables[i]!.name} row ${r + 1} col ${c}: ${JSON.stringify(got[r]?.[c])} ≠ ${JSON.stringify(cell)}`);
        }),
      );
    });
    expect(wrong).toEqual([]);
    expect(total).toBe(29 * 12 + 4 * 13);
    expect(exact / total).toBe(1);
  });

  test("every 合計 is found and holds", () => {
    tables.forEach((t, i) => {
      const checks = checkTotals(t);
      expect(checks.map((c) => c.printed)).toEqual(Object.values(truth.tables[i]!.total.values));
      for (const c of checks) expect([c.column, c.ok, c.difference]).toEqual([c.column, true, 0]);
    });
  });
});
