/**
 * `kohyo extract` (the real program) on the budget-book samples built from a spreadsheet by
 * scripts/build-budget-book.mjs: every expected value comes from the build's data
 * (samples/budget-r6-book.truth.json), never from kohyo. The CSVs are what users load: the
 * long 節 table with its 目 context, 目, 説明, 第1表 and 計, described by datapackage.json.
 */
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { kohyo, parseCsv, sample } from "../helpers.js";

interface Moku { no: number; name: string; now: number; before: number; diff: number; sources: (number | null)[] | null; items: [number, string, number][]; notes: [number, string, number | null][] }
interface Kou { no: number; name: string; total: { now: number; before: number; diff: number; sources: (number | null)[] | null }; moku: Moku[] }
interface Side { side: string; total: { label: string; amount: number }; kan: { no: number; name: string; amount: number; kou: Kou[] }[] }
interface Truth {
  document: { fiscalYear: number };
  layouts: Record<string, { pages: number; mistype: { side: string; kan: number; kou: number; moku: number; printed: string } | null; where: { side: string; kan: number; kou: number; moku: number; page: number; sheet?: number }[] }>;
  sides: Side[];
}
const truth: Truth = JSON.parse(readFileSync(sample("budget-r6-book.truth.json"), "utf8"));
const K = 1000;

/** A CSV file's rows as records by header. */
function csv(file: string): Record<string, string>[] {
  const rows = parseCsv(readFileSync(file, "utf8"));
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}
const yen = (k: number | null) => (k === null ? "" : String(k * K));

/** Each 目 of the truth with its side, 款 and 項. */
const mokus = () => truth.sides.flatMap((s) => s.kan.flatMap((k) => k.kou.flatMap((q) => q.moku.map((m) => ({ s, k, q, m })))));

function extract(file: string): { code: number | null; dir: string; out: string } {
  const out = mkdtempSync(join(tmpdir(), "kohyo-budget-book-"));
  const r = kohyo("extract", sample(file), "-o", out);
  return { code: r.code, dir: join(out, file.replace(/\.pdf$/, "")), out: r.out + r.err };
}

const LAYOUTS = [
  ["budget-r6-book.pdf", "目, 節 and 説明 on one page", false],
  ["budget-r6-book-a3.pdf", "A3 sheets of two pages side by side", false],
  ["budget-r6-book-facing.pdf", "目 on the left page, its 節 and 説明 on the page facing it", false],
  ["budget-r6-book-nested.pdf", "款, 項 and 目 as nested rows of one 科目 column, each with its amounts", true],
] as const;

describe.each(LAYOUTS)("kohyo extract on the sample book %s (%s)", (pdf, _what, nested) => {
  let run: ReturnType<typeof extract>;
  beforeAll(() => {
    run = extract(pdf);
  }, 60_000);
  const file = (name: string) => join(run.dir, name);

  test("is recognised and every check passes, each with something checked", () => {
    expect(run.out).toContain("budget-book");
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(file("report.json"), "utf8"));
    const checks = report.tables.flatMap((t: { checks: { rule: string; ok: boolean; message: string }[] }) => t.checks);
    expect(checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect([...new Set(checks.map((c: { rule: string }) => c.rule))].sort()).toEqual([
      "budget/balance", "budget/details", "budget/difference", "budget/first-table", "budget/grand-total", "budget/items", "budget/levels", "budget/sources",
    ]);
    for (const c of checks) expect(c.message).not.toMatch(/\(0 checked\)/);
  });

  test("every 目 as printed: 款, 項, 目 numbers and names, 本年度, 前年度, 比較, 財源 (blank = none), page", () => {
    const where = truth.layouts[pdf]!.where;
    const got = csv(file("目.csv")).map((r) => [r["歳入歳出"], r["款番号"], r["款"], r["項番号"], r["項"], r["目番号"], r["目"], r["本年度（円）"], r["前年度（円）"], r["比較（円）"], r["国県支出金（円）"], r["地方債（円）"], r["その他（円）"], r["一般財源（円）"], r["ページ"]]);
    const want = mokus().map(({ s, k, q, m }) => [
      s.side, String(k.no), k.name, String(q.no), q.name, String(m.no), m.name, yen(m.now), yen(m.before), yen(m.diff),
      ...(m.sources ?? [null, null, null, null]).map(yen),
      // The PDF page: on A3 sheets the sheet carrying the printed page.
      String(((w) => w.sheet ?? w.page)(where.find((w) => w.side === s.side && w.kan === k.no && w.kou === q.no && w.moku === m.no)!)),
    ]);
    expect(got).toEqual(want);
  });

  test("the long 節 table: one row per 節 with its 款, 項, 目 and the 目's amount", () => {
    const got = csv(file("節.csv")).map((r) => [r["歳入歳出"], r["款"], r["項"], r["目番号"], r["目"], r["目本年度（円）"], r["節番号"], r["節"], r["節金額（円）"]]);
    const want = mokus().flatMap(({ s, k, q, m }) => m.items.map(([no, name, amount]) => [s.side, k.name, q.name, String(m.no), m.name, yen(m.now), String(no), name, yen(amount)]));
    expect(got).toEqual(want);
  });

  test("説明 lines with their level and amount", () => {
    const got = csv(file("説明.csv")).map((r) => [r["歳入歳出"], r["項"], r["目"], Number(r["階層"]), r["説明"], r["金額（円）"]]);
    const want = mokus().flatMap(({ s, q, m }) => m.notes.map(([level, text, amount]) => [s.side, q.name, m.name, level, text, yen(amount)]));
    expect(got).toEqual(want);
  });

  test("第1表: every 款 and 項 of both sides; 計 of every 項 and the two totals as printed", () => {
    const first = csv(file("第1表.csv")).map((r) => [r["歳入歳出"], r["階層"], r["款番号"], r["款"], r["項番号"], r["項"], r["本年度（円）"], r["単位"]]);
    const want = truth.sides.flatMap((s) => s.kan.flatMap((k) => [
      [s.side, "1", String(k.no), k.name, "", "", yen(k.amount), "千円"],
      ...k.kou.map((q) => [s.side, "2", String(k.no), k.name, String(q.no), q.name, yen(q.total.now), "千円"]),
    ]));
    expect(first).toEqual(want);
    const totals = csv(file("計.csv")).map((r) => [r["表"], r["歳入歳出"], r["款番号"], r["項番号"], r["行"], r["本年度（円）"], r["前年度（円）"], r["比較（円）"], r["国県支出金（円）"], r["地方債（円）"], r["その他（円）"], r["一般財源（円）"]]);
    const none = ["", "", "", "", "", ""];
    // The 項's total: its 計 row, or in a nested 科目 column the 項 row itself.
    expect(totals).toEqual([
      ...truth.sides.map((s) => ["第1表", s.side, "", "", s.total.label, yen(s.total.amount), ...none]),
      ...truth.sides.flatMap((s) => s.kan.flatMap((k) => k.kou.map((q) => ["事項別明細書", s.side, String(k.no), String(q.no), nested ? `${q.no}項${q.name}` : "計", yen(q.total.now), yen(q.total.before), yen(q.total.diff), ...(q.total.sources ?? [null, null, null, null]).map(yen)]))),
    ]);
  });

  test.runIf(nested)("the 款 rows of the nested column, with their amounts, as 総括 rows", () => {
    const rows = csv(file("総括.csv")).map((r) => [r["歳入歳出"], r["款番号"], r["款"], r["本年度（円）"]]);
    expect(rows).toEqual(truth.sides.flatMap((s) => s.kan.map((k) => [s.side, String(k.no), k.name, yen(k.amount)])));
  });

  test("every row of every table names the fiscal year and the municipality", () => {
    for (const name of ["第1表.csv", "目.csv", "節.csv", "説明.csv", "計.csv"]) {
      const rows = csv(file(name));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect([r["年度"], r["団体名"]]).toEqual([String(truth.document.fiscalYear), "みなみ村"]);
      // みなみ村 is made up: no 全国地方公共団体コード, the column is there and blank.
      expect(Object.keys(rows[0]!)).toContain("全国地方公共団体コード");
    }
  });

  test("datapackage.json is a valid tabular data package of the CSVs: fields in header order, every value of its type", () => {
    const dp = JSON.parse(readFileSync(file("datapackage.json"), "utf8"));
    expect(dp.profile).toBe("tabular-data-package");
    expect(dp.name).toMatch(/^[a-z0-9._-]+$/);
    expect(new Set(dp.resources.map((r: { name: string }) => r.name)).size).toBe(dp.resources.length);
    expect(dp.resources.map((r: { path: string }) => r.path).sort()).toEqual(["第1表.csv", "目.csv", "節.csv", "説明.csv", "計.csv", ...(nested ? ["総括.csv"] : [])].sort());
    for (const res of dp.resources) {
      expect(res.name).toMatch(/^[a-z0-9._-]+$/);
      expect(existsSync(file(res.path))).toBe(true);
      const header = readFileSync(file(res.path), "utf8").split("\n")[0]!.split(",");
      const fields: { name: string; type: string }[] = res.schema.fields;
      expect(fields.map((f) => f.name)).toEqual(header);
      for (const k of [res.schema.primaryKey ?? []].flat()) expect(header).toContain(k);
      const missing = new Set(res.schema.missingValues ?? [""]);
      for (const row of csv(file(res.path))) {
        for (const f of fields) {
          const v = row[f.name]!;
          if (missing.has(v)) continue;
          if (f.type === "integer") expect(v, `${res.path} ${f.name}`).toMatch(/^-?\d+$/);
          else if (f.type === "number") expect(Number.isFinite(Number(v)), `${res.path} ${f.name} ${v}`).toBe(true);
          else expect(f.type).toBe("string");
        }
      }
    }
  });

  test("the long table alone gives each 目's total: Σ 節金額 = 目本年度 for every 目 with 節", () => {
    const by = new Map<string, { now: number; sum: number }>();
    for (const r of csv(file("節.csv"))) {
      const k = [r["歳入歳出"], r["款番号"], r["項番号"], r["目番号"]].join("|");
      const e = by.get(k) ?? { now: Number(r["目本年度（円）"]), sum: 0 };
      e.sum += Number(r["節金額（円）"]);
      by.set(k, e);
    }
    expect(by.size).toBe(mokus().filter(({ m }) => m.items.length > 0).length);
    for (const [k, e] of by) expect([k, e.sum]).toEqual([k, e.now]);
  });
});

describe("a mistyped copy fails exactly the checks its one changed amount touches", () => {
  test("目 本年度 mistyped (285,230 printed as 285,320): 比較, Σ 財源, Σ 節 and the 項's 計 fail there, nothing else", () => {
    const run = extract("budget-r6-book-mistyped.pdf");
    expect(run.code).toBe(1);
    const layout = truth.layouts["budget-r6-book-mistyped.pdf"]!;
    const m = layout.mistype!;
    const page = layout.where.find((w) => w.side === m.side && w.kan === m.kan && w.kou === m.kou && w.moku === m.moku)!.page;
    const report = JSON.parse(readFileSync(join(run.dir, "report.json"), "utf8"));
    const checks: { rule: string; ok: boolean; page?: number; message: string; printed: number }[] = report.tables.flatMap((t: { checks: unknown[] }) => t.checks);
    const failed = checks.filter((c) => !c.ok);
    // Which rules: from the book's arithmetic. 比較 = 本年度 − 前年度 on the 目; Σ 財源 and Σ 節
    // = the 目's 本年度; Σ 目 = the 項's 計 in 本年度. 第1表 = 明細 compares the printed 計.
    expect(failed.map((c) => c.rule).sort()).toEqual(["budget/details", "budget/difference", "budget/items", "budget/sources"]);
    for (const c of failed) expect(c.page).toBe(page);
    for (const c of failed.filter((c) => c.rule === "budget/items" || c.rule === "budget/sources")) expect(c.printed).toBe(Number(m.printed.replace(/,/g, "")) * K);
    // The rules it does not touch still pass (each rule gives one passing check per table it holds).
    for (const rule of ["budget/balance", "budget/first-table", "budget/grand-total", "budget/levels"]) expect(checks.some((c) => c.rule === rule && c.ok)).toBe(true);
  });
});
