/**
 * `kohyo tables` output a person can use, through the real CLI: tables named by page
 * (p004-t01.csv), an index tables.csv, the total checks in totals.csv, --numbers, a
 * multi-line cell's lines kept; and pipes: `-` reads stdin, several files to stdout are
 * JSON Lines, `-o -` writes one table's CSV to stdout. Expected values are the samples'
 * source data (samples/*.truth.json).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { kohyo, parseCsv, ROOT, sample } from "../helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "kohyo-tables-"));

/** kohyo with bytes on stdin. */
function piped(input: Buffer, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), ...args], { input, cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("--format csv: p001-t01.csv … named by first page, tables.csv indexes them, totals.csv holds every total checked", () => {
  const out = tmp();
  const r = kohyo("tables", sample("budget-r6.pdf"), "--format", "csv", "-o", out);
  expect(r.code).toBe(0);
  const dir = join(out, "budget-r6");
  // One table a page on the sample's four pages (budget-r6.fods: 第1表 and three 事項別明細 pages).
  expect(readdirSync(dir).sort()).toEqual(["p001-t01.csv", "p002-t01.csv", "p003-t01.csv", "p004-t01.csv", "tables.csv", "totals.csv"]);
  const index = parseCsv(readFileSync(join(dir, "tables.csv"), "utf8"));
  expect(index[0]).toEqual(["id", "pages", "rows", "columns", "totals_ok", "totals_failed"]);
  expect(index.slice(1).map((row) => [row[0], row[1]])).toEqual([["p001-t01", "1"], ["p002-t01", "2"], ["p003-t01", "3"], ["p004-t01", "4"]]);
  for (const row of index.slice(1)) {
    // rows = the table file's lines after its header; every total holds (the sample's sums are right).
    expect(Number(row[2])).toBe(parseCsv(readFileSync(join(dir, `${row[0]}.csv`), "utf8")).length - 1);
    expect(Number(row[4])).toBeGreaterThan(0);
    expect(row[5]).toBe("0");
  }
  const totals = parseCsv(readFileSync(join(dir, "totals.csv"), "utf8"));
  expect(totals[0]!.slice(0, 8)).toEqual(["table", "page", "row", "label", "column", "printed", "sum", "difference"]);
  expect(totals.length - 1).toBe(index.slice(1).reduce((n, row) => n + Number(row[4]) + Number(row[5]), 0));
  // budget-r6.truth.json: 1 議会費 62,418 on page 1.
  expect(totals).toContainEqual(expect.arrayContaining(["p001-t01", "1", "62418", "62418", "0", "true"]));
});

test("--numbers writes a cell that prints one number as that number; without it the printed text stays", () => {
  const plain = kohyo("tables", sample("budget-r6.pdf"), "--pages", "2", "--format", "csv", "-o", "-");
  const numbers = kohyo("tables", sample("budget-r6.pdf"), "--pages", "2", "--format", "csv", "-o", "-", "--numbers");
  expect(plain.code).toBe(0);
  expect(numbers.code).toBe(0);
  // budget-r6.truth.json, page 2: 第1款 議会費 62,418 61,950 468.
  expect(parseCsv(plain.out)).toContainEqual(["第1款　議会費", "62,418", "61,950", "468"]);
  expect(parseCsv(numbers.out)).toContainEqual(["第1款　議会費", "62418", "61950", "468"]);
  const json = JSON.parse(kohyo("tables", sample("budget-r6.pdf"), "--pages", "2", "--numbers").out);
  expect(json.tables[0].rows).toContainEqual(["第1款　議会費", 62418, 61950, 468]);
});

test("a cell printed on three lines keeps its line breaks (CSV and JSON)", () => {
  // samples/tokyo-plan-r5.truth.json, record 28: contact 企画調整室 / 04992-5-0204 / （内線216）, three lines in one cell.
  const csv = kohyo("tables", sample("tokyo-plan-r5-a4.pdf"), "--pages", "3", "--format", "csv", "-o", "-");
  expect(parseCsv(csv.out).flat()).toContain("企画調整室\n04992-5-0204\n（内線216）");
  const json = JSON.parse(kohyo("tables", sample("tokyo-plan-r5-a4.pdf"), "--pages", "3").out);
  expect(json.tables[0].cells.map((c: { text: string }) => c.text)).toContain("企画調整室\n04992-5-0204\n（内線216）");
});

test("- reads the PDF from stdin: the same tables as from the file, named -", () => {
  const bytes = readFileSync(sample("budget-r6.pdf"));
  const fromStdin = piped(bytes, "tables", "-", "--pages", "1");
  const fromFile = kohyo("tables", sample("budget-r6.pdf"), "--pages", "1");
  expect(fromStdin.code).toBe(0);
  const a = JSON.parse(fromStdin.out);
  const b = JSON.parse(fromFile.out);
  expect(a.file).toBe("-");
  expect(a.sha256).toBe(b.sha256);
  expect(a.tables).toEqual(b.tables);
  const facts = piped(bytes, "facts", "-", "--format", "csv", "-o", "-");
  expect(facts.code).toBe(0);
  expect(facts.out.split("\n")[0]).toBe("page,kind,text,value,to,x0,y0,x1,y1,detail,line,problems");
  const out = tmp();
  expect(piped(bytes, "tables", "-", "--format", "csv", "-o", out).code).toBe(0);
  expect(readdirSync(join(out, "stdin"))).toContain("p001-t01.csv");
  expect(piped(Buffer.from("hello"), "tables", "-")).toMatchObject({ code: 4, err: "kohyo: -: not a PDF (no %PDF- header)\n" });
});

test("several files to stdout are JSON Lines: one object a line, in the files' order", () => {
  for (const command of ["tables", "facts"]) {
    const r = kohyo(command, sample("budget-r6.pdf"), sample("tokyo-plan-r5-a4.pdf"), "--pages", "1");
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l).file)).toEqual([sample("budget-r6.pdf"), sample("tokyo-plan-r5-a4.pdf")]);
  }
});

test("-o - writes one table's CSV to stdout; with several tables it names them and asks for --table, exit 64", () => {
  const many = kohyo("tables", sample("budget-r6.pdf"), "--format", "csv", "-o", "-");
  expect(many.code).toBe(64);
  expect(many.out).toBe("");
  expect(many.err).toContain("4 tables: CSV on stdout takes one; name it with --table ID (p001-t01, p002-t01, p003-t01, p004-t01)");
  const one = kohyo("tables", sample("budget-r6.pdf"), "--format", "csv", "-o", "-", "--table", "p003-t01", "--bom");
  expect(one.code).toBe(0);
  expect(one.out.charCodeAt(0)).toBe(0xfeff);
  expect(parseCsv(one.out.slice(1))[0]).toEqual(["科目", "本年度予算額", "前年度予算額", "比較"]);
});

test("what a killed run left half written in a file's output folder (*.partial) is gone after the next run, JSON and CSV", () => {
  for (const format of ["json", "csv"]) {
    const out = tmp();
    const dir = join(out, "tokyo-plan-r5-a4");
    mkdirSync(dir);
    for (const name of ["tables.json.partial", "p001-t01.csv.partial", "p009-t09.csv.partial"]) writeFileSync(join(dir, name), "half");
    const r = kohyo("tables", sample("tokyo-plan-r5-a4.pdf"), "--format", format, "-o", out);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(dir).filter((n) => n.endsWith(".partial"))).toEqual([]);
    expect(readdirSync(dir)).toContain(format === "json" ? "tables.json" : "p001-t01.csv");
  }
});
