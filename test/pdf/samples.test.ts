/**
 * The Tokyo plan samples against samples/tokyo-plan-r5.truth.json — the data file the
 * spreadsheets were generated from, so expected strings, page layout and row placement
 * come from the source, not from kohyo.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { groupLines } from "../../src/layout/lines.js";
import type { Page } from "../../src/model/page.js";
import { readSample, sample, squeeze } from "../helpers.js";

interface Row { no: number; cells: Record<string, string | null> }
interface Table { name: string; title: string; columns: { key: string }[]; rows: Row[]; total: { cells: Record<string, string | null> } }
interface Layout { page: number; table: string; title: boolean; header: boolean; rows: [number, number]; total: boolean; notes: boolean }
interface CutGroup { table: string; municipality: string; columns: string[]; rows: number[]; textVisibleOnPage: number; clippedCopyOnPages: number[] }
interface Rendering { file: string; pages: number; pageLayout: Layout[]; cutGroups?: CutGroup[]; cellBorders?: boolean }
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as {
  tables: Table[];
  renderings: Rendering[];
};

const tableByName = (name: string) => truth.tables.find((t) => t.name === name)!;
const lastLine = (s: string | null | undefined) => (s ?? "").split("\n").pop()!;

describe.each(truth.renderings)("sample $file", (rendering) => {
  let pages: Page[];
  beforeAll(async () => {
    pages = await readSample(rendering.file);
  });
  const linesOf = (n: number) => groupLines(pages[n - 1]!.runs).map((l) => squeeze(l.text));
  // A cell's lines are drawn one after another, so a soft-wrapped cell text is contiguous
  // in drawing order even where it is split over two lines.
  const drawn = (n: number) => squeeze(pages[n - 1]!.runs.map((r) => r.text).join(""));
  const has = (n: number, s: string) => linesOf(n).some((l) => l.includes(squeeze(s))) || drawn(n).includes(squeeze(s));

  test("has the page count of its rendering", () => {
    expect(pages).toHaveLength(rendering.pages);
    for (const p of pages) {
      expect(p.width).toBeGreaterThan(p.height); // landscape
      expect(p.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    }
  });

  test("title and header print exactly on the pages the layout says", () => {
    for (const l of rendering.pageLayout) {
      const t = tableByName(l.table);
      expect(has(l.page, t.title), `title on page ${l.page}`).toBe(l.title);
      expect(has(l.page, "補助金申請額") || has(l.page, "事業額"), `header on page ${l.page}`).toBe(l.header);
    }
  });

  test("each row's number, start date and phone are on its page", () => {
    for (const l of rendering.pageLayout) {
      const t = tableByName(l.table);
      const runs = new Set(pages[l.page - 1]!.runs.map((r) => squeeze(r.text)));
      for (const row of t.rows.filter((r) => r.no >= l.rows[0] && r.no <= l.rows[1])) {
        expect(runs.has(String(row.no)), `row ${row.no} on page ${l.page}`).toBe(true);
        expect(has(l.page, row.cells.startDate!), `${row.cells.startDate} of row ${row.no}`).toBe(true);
        expect(has(l.page, lastLine(row.cells.contact)), `contact of row ${row.no}`).toBe(true);
      }
    }
  });

  test("each description is on its own page and on no other", () => {
    const OPENING = 12;
    const everything = truth.tables.flatMap((t) => t.rows.map((r) => ({ t, r, text: squeeze(Object.values(r.cells).join("")) })));
    for (const { t, r: row } of everything) {
      const opening = squeeze(row.cells.description!).slice(0, OPENING);
      // Only openings that no other row contains say where a row is.
      if (everything.filter((e) => e.text.includes(opening)).length > 1) continue;
      const where = pages.filter((p) => drawn(p.number).includes(opening)).map((p) => p.number);
      const expected = rendering.pageLayout
        .filter((l) => l.table === t.name && row.no >= l.rows[0] && row.no <= l.rows[1])
        .map((l) => l.page);
      expect(where, `${t.name} row ${row.no}`).toEqual(expected);
    }
  });

  test("合計 values print on the table's last page", () => {
    for (const l of rendering.pageLayout.filter((l) => l.total)) {
      const runs = pages[l.page - 1]!.runs.map((r) => r.text);
      for (const v of Object.values(tableByName(l.table).total.cells)) if (v) expect(runs, `${v} on page ${l.page}`).toContain(v);
    }
  });

  test.skipIf(rendering.cellBorders === false)("the ruled grid is found: a vertical rule per column edge, a horizontal rule per row edge", () => {
    for (const l of rendering.pageLayout) {
      const t = tableByName(l.table);
      const rules = pages[l.page - 1]!.rules;
      const xs = new Set(rules.filter((r) => r.axis === "v" && r.end - r.start > 20).map((r) => Math.round(r.pos)));
      const ys = new Set(rules.filter((r) => r.axis === "h" && r.end - r.start > 20).map((r) => Math.round(r.pos)));
      expect(xs.size, `vertical rules on page ${l.page}`).toBeGreaterThanOrEqual(t.columns.length + 1);
      const rows = l.rows[1] - l.rows[0] + 1;
      expect(ys.size, `horizontal rules on page ${l.page}`).toBeGreaterThanOrEqual(rows + 1 + (l.header ? 2 : 0) + (l.total ? 1 : 0));
    }
  });

  test.skipIf(rendering.cellBorders !== false)("printed without cell borders: no ruling line on any page", () => {
    for (const p of pages) expect(p.rules, `rules on page ${p.number}`).toEqual([]);
  });

  test.skipIf(!rendering.cutGroups?.length)("a merged cell cut by a page break is read where it shows, not from its clipped copy", () => {
    for (const cut of rendering.cutGroups!) {
      const first = tableByName(cut.table).rows.find((r) => r.no === cut.rows[0])!;
      for (const column of cut.columns) {
        const text = first.cells[column]!;
        const count = (n: number) => pages[n - 1]!.runs.filter((r) => r.text === text).length;
        expect(count(cut.textVisibleOnPage), `${text} on page ${cut.textVisibleOnPage}`).toBeGreaterThan(0);
        for (const n of cut.clippedCopyOnPages) {
          // The municipality name also prints in visible cells of that page; amounts do not.
          if (column !== "municipality") expect(count(n), `clipped ${text} on page ${n}`).toBe(0);
          expect(pages[n - 1]!.diagnostics.map((d) => d.rule)).toContain("pdf/hidden-text");
        }
      }
    }
  });

  test("no text run crosses a vertical ruling line (cells that nearly touch stay apart)", () => {
    for (const p of pages) {
      const v = p.rules.filter((r) => r.axis === "v");
      for (const run of p.runs.filter((r) => !r.vertical)) {
        const cy = (run.box.y0 + run.box.y1) / 2;
        const crossing = v.find((r) => r.pos > run.box.x0 + 1 && r.pos < run.box.x1 - 1 && r.start < cy && r.end > cy);
        expect(crossing, `"${run.text}" on page ${p.number} crosses x=${crossing?.pos}`).toBeUndefined();
      }
    }
  });

  test("text is clean: no radicals, no half-width kana, no doubled runs", () => {
    for (const p of pages) {
      for (const r of p.runs) expect(r.text).not.toMatch(/[\u2E80-\u2FDF\uFF61-\uFF9F\u0000-\u001F]/u);
    }
  });
});
