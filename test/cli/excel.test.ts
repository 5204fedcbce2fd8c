/**
 * --excel: CSVs a person opens in Excel by double-click show what the PDF printed. Excel
 * reads 012068 as the number 12068, 1-2 as 2 January and =… as a formula; kohyo writes
 * those cells as ="…" and leaves numbers, amounts and ISO dates to Excel. Expected values
 * are the case-sheet sample's source data (samples/case-sheets-r5.truth.json).
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { forExcel } from "../../src/output/csv.js";
import { kohyo, parseCsv, ROOT, sample } from "../helpers.js";

const truth = JSON.parse(readFileSync(join(ROOT, "samples/case-sheets-r5.truth.json"), "utf8"));

describe("forExcel: only what Excel would alter becomes =\"…\"", () => {
  test.each([
    ["012068", '="012068"'], // a municipality code: leading zero
    ["0335011662", '="0335011662"'], // a phone without separators
    ["1234567890123456", '="1234567890123456"'], // past Excel's fifteen digits
    ["1-2", '="1-2"'], // Excel: 2 January
    ["4/1", '="4/1"'],
    ["=SUM(A1:A9)", '="=SUM(A1:A9)"'], // a formula from a PDF never runs
    ["+81-3-1234-5678", '="+81-3-1234-5678"'],
    ["-foo", '="-foo"'],
    ['say "a"', 'say "a"'],
    ['=a"b', '="=a""b"'], // quotes doubled inside the formula
  ])("%s → %s", (cell, written) => expect(forExcel(cell)).toBe(written));
  test.each([["163110"], ["6.54"], ["-1,234"], ["2022-01-01"], ["03-3501-1662"], ["032131／035246"], ["釧路市"], [""]])("%s stays as it is", (cell) => {
    expect(forExcel(cell)).toBe(cell);
  });
  test("numbers, booleans and empty values", () => {
    expect(forExcel(12068)).toBe(12068);
    expect(forExcel(false)).toBe(false);
    expect(forExcel(null)).toBe("");
  });
});

test("extract --excel: a BOM, the codes as =\"012068\", the numbers as numbers; the package says csv: excel", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-excel-"));
  expect(kohyo("extract", sample("case-sheets-r5.pdf"), "-o", out, "--excel").code).toBe(0);
  const dir = join(out, "case-sheets-r5");
  const bytes = readFileSync(join(dir, "regions.csv"));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [head, ...rows] = parseCsv(bytes.toString("utf8").slice(1));
  const code = head!.indexOf("地域（全国地方公共団体コード）");
  const population = head!.indexOf("人口");
  const kushiro = truth.cases[0];
  const row = rows.find((r) => r.includes(kushiro.municipalities[0].name))!;
  expect(row[code]).toBe(`="${kushiro.municipalities[0].code}"`);
  expect(row[population]).toBe(String(kushiro.population.value));
  // Several codes joined with ／ are text to Excel already.
  const ninohe = truth.cases[2];
  expect(rows.find((r) => r.includes(ninohe.region))![code]).toBe(ninohe.municipalities.map((m: { code: string }) => m.code).join("／"));
  expect(JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8")).kohyo.csv).toBe("excel");
  // Without --excel the same cell is the plain code.
  const plain = mkdtempSync(join(tmpdir(), "kohyo-excel-"));
  expect(kohyo("extract", sample("case-sheets-r5.pdf"), "-o", plain).code).toBe(0);
  const [h2, ...r2] = parseCsv(readFileSync(join(plain, "case-sheets-r5", "regions.csv"), "utf8"));
  expect(r2.find((r) => r.includes(kushiro.municipalities[0].name))![h2!.indexOf("地域（全国地方公共団体コード）")]).toBe(kushiro.municipalities[0].code);
});

test("tables --excel and facts --excel: every CSV starts with the BOM", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-excel-"));
  expect(kohyo("tables", sample("budget-r6.pdf"), "--pages", "1", "--format", "csv", "--excel", "-o", out).code).toBe(0);
  expect(kohyo("facts", sample("guidebook-tohoku-r6.pdf"), "--pages", "5", "--format", "csv", "--excel", "-o", out).code).toBe(0);
  const csvs = [...readdirSync(join(out, "budget-r6")).map((f) => join(out, "budget-r6", f)), join(out, "guidebook-tohoku-r6", "facts.csv")];
  for (const f of csvs) expect([...readFileSync(f).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});
