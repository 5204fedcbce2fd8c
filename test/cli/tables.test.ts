/** `kohyo tables` through the real program (dist/src/cli.js). */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { corpus, HAVE_CORPUS, kohyo, parseCsv, ROOT, sample } from "../helpers.js";


test("tables --format json gives the documented JSON: two tables with data rows, cells and totals", () => {
  const r = kohyo("tables", sample("tokyo-plan-r5-a3-mincho.pdf"));
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(doc.tables.map((t: { id: string; pages: number[] }) => [t.id, t.pages])).toEqual([
    ["p001-t01", [1, 2, 3]],
    ["p004-t01", [4]],
  ]);
  const [general] = doc.tables;
  // seed 000: 28 rows and the 合計 row; 中央区's row as printed.
  expect(general.rows).toHaveLength(29);
  expect(general.rows[0].slice(0, 2)).toEqual(["1", "中央区"]);
  expect(general.rows[0].slice(5, 11)).toEqual(["11,433", "5,717", "20", "20", "－", "令和5年4月1日"]);
  expect(general.columns[7]).toEqual(["目標(労働力確保)", "雇用・就業者数"]);
  expect(general.totals.map((c: { printed: number; ok: boolean }) => [c.printed, c.ok])).toEqual([
    [477289, true],
    [238647, true],
    [1239, true],
    [493, true],
    [93, true],
  ]);
  const merged = general.cells.find((c: { text: string }) => c.text === "15,876");
  expect(merged).toMatchObject({ rowSpan: 3, colSpan: 1, page: 1 });
});

test("tables --format csv writes one CSV per table with the column paths as header", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-tables-"));
  const r = kohyo("tables", sample("tokyo-plan-r5-b4-merged.pdf"), "--format", "csv", "-o", out);
  expect(r.code).toBe(0);
  // Rows parsed as CSV: a cell printed on several lines keeps its line breaks.
  const csv = parseCsv(readFileSync(join(out, "tokyo-plan-r5-b4-merged", "p001-t01.csv"), "utf8").trimEnd()).map((row) => row.join(","));
  expect(csv[0]).toMatch(/^整理番号,実施区市町村名,事業名,.*,目標\(労働力確保\) \/ 雇用・就業者数,/);
  expect(csv).toHaveLength(1 + 29);
  // 葛飾区 19–21: the merged amount, cut by the page break in this rendering, sits on row 19.
  expect(csv[19]).toMatch(/^19,葛飾区,.*,152,348,76,174,74,35,－,令和5年4月1日,/s);
  expect(readFileSync(join(out, "tokyo-plan-r5-b4-merged", "p004-t01.csv"), "utf8")).toMatch(/"47,693","47,693",75,28,0/);
});

test("tables on a bad file exits with its input code; --format must be json or csv", () => {
  expect(kohyo("tables", join(ROOT, "nope.pdf")).code).toBe(3);
  expect(kohyo("tables", sample("text-layer-traps.pdf"), "--format", "xml").code).toBe(64);
});

test.skipIf(!HAVE_CORPUS)("tables on a truncated file is damaged (5) even when only some pages are asked for", () => {
  // Corpus 14 without its last 600 bytes: pdf.js still opens it, but the %%EOF is gone.
  const dir = mkdtempSync(join(tmpdir(), "kohyo-tables-cut-"));
  const cut = join(dir, "cut.pdf");
  const full = readFileSync(corpus("14_mhlw_online-shinryo-iryokikan_kyoto_R2-04-26.pdf"));
  writeFileSync(cut, full.subarray(0, full.length - 600));
  for (const args of [[], ["--pages", "1"]]) {
    const r = kohyo("tables", cut, ...args);
    expect(r.code).toBe(5);
    expect(r.err.trim().split("\n").pop()).toMatch(/cut\.pdf: truncated/);
  }
});

test.skipIf(!HAVE_CORPUS)("tables on corpus 05 pp. 15–16: one expense table whose formula subtotals are checked, rule and formula given", () => {
  const r = kohyo("tables", corpus("05_jizokuka-hojokin_kisairei_kappou_keihi-meisai.pdf"), "--pages", "15-16");
  expect(r.code).toBe(0);
  const [expense] = JSON.parse(r.out).tables;
  expect(expense.pages).toEqual([15, 16]);
  const e = expense.totals.find((c: { formula?: string }) => c.formula === "(e) = (a)+(c)");
  // (e) 3,180,000 on p16 = (a) 2,430,000 + (c) 750,000, as printed.
  expect(e).toMatchObject({ label: "（５）補助対象経費合計（a）＋（c）", page: 16, column: "補助対象経費（税抜・税込）", printed: 3180000, sum: 3180000, difference: 0, rows: 2, ok: true, rule: "totals/formula" });
  expect(e.terms).toEqual([{ row: 13, label: "(a)", value: 2430000 }, { row: 15, label: "(c)", value: 750000 }]);
});

test("tables on the budget sample: parents per level and 歳出合計 over the 款 all pass", () => {
  const r = kohyo("tables", sample("budget-r6.pdf"));
  expect(r.code).toBe(0);
  const checks = JSON.parse(r.out).tables.flatMap((t: { totals: { rule: string; ok: boolean }[] }) => t.totals);
  // 5 款 on p1 (one amount column); 5 款 and 8 項 on p2 and p3, 5 款 and 5 項 with 目 on p4 (three columns).
  expect(checks.filter((c: { rule: string }) => c.rule === "totals/level")).toHaveLength(5 + 3 * (13 + 13 + 10));
  expect(checks.filter((c: { rule: string }) => c.rule === "totals/rows")).toHaveLength(1 + 3 * 3);
  expect(checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
});

test.skipIf(!HAVE_CORPUS)("tables and facts -o DIR on a truncated file leave nothing behind, though they write as they read", () => {
  // Corpus 14 without its last 600 bytes: its pages read (tables complete, facts found) before the file is judged truncated.
  const dir = mkdtempSync(join(tmpdir(), "kohyo-tables-cut-out-"));
  const cut = join(dir, "cut.pdf");
  const full = readFileSync(corpus("14_mhlw_online-shinryo-iryokikan_kyoto_R2-04-26.pdf"));
  writeFileSync(cut, full.subarray(0, full.length - 600));
  for (const command of ["tables", "facts"]) {
    for (const format of ["json", "csv"]) {
      const out = join(dir, `${command}-${format}`);
      const r = kohyo(command, cut, "--format", format, "-o", out);
      expect(r.code).toBe(5);
      expect(r.out).toBe("");
      expect(existsSync(join(out, "cut"))).toBe(false);
    }
  }
});
