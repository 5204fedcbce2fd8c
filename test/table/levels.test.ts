/**
 * Hierarchies summed per level: 款 → 項 → 目 on samples/budget-r6.pdf, a 歳出予算 in 千円 that
 * shows the levels by label columns (p1), 第N款/項/目 (p2), numbering 1/（１）/① (p3) and
 * indentation (p4). Parents, children and 歳出合計 come from its truth file, written with the
 * PDF by scripts/build-budget.mjs.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { latticeTables } from "../../src/table/lattice.js";
import { stitchTables, type StitchedCell, type Table } from "../../src/table/stitch.js";
import { checkTotals, type TotalCheck } from "../../src/table/totals.js";
import { findTables } from "../../src/table/find.js";
import { corpus, HAVE_CORPUS, open, readSample, sample, squeeze } from "../helpers.js";

interface TruthRow { depth: number; cells: string[]; values: number[] }
interface TruthPage { page: number; levelsBy: string; columns: string[]; rows: TruthRow[]; total: { label: string; values: number[] } }
const truth = JSON.parse(readFileSync(sample("budget-r6.truth.json"), "utf8")) as { pages: TruthPage[] };

async function budget(): Promise<Table[]> {
  const pages = await readSample("budget-r6.pdf");
  return stitchTables(pages.flatMap((p) => latticeTables(p.number, p.rules, p.runs)));
}

const labelOf = (r: TruthRow) => squeeze(r.cells.find((c) => c !== "")!);
/** Each parent's direct children, from the truth's depths. */
function children(rows: TruthRow[], i: number): TruthRow[] {
  const out: TruthRow[] = [];
  for (let j = i + 1; j < rows.length && rows[j]!.depth > rows[i]!.depth; j++) if (rows[j]!.depth === rows[i]!.depth + 1) out.push(rows[j]!);
  return out;
}
const valueColumns = (p: TruthPage) => p.columns.slice(p.columns.length - p.rows[0]!.values.length);
const checksOn = (tables: Table[], page: number) => tables.flatMap(checkTotals).filter((c) => c.page === page);

let tables: Table[];
beforeAll(async () => {
  tables = await budget();
});

describe.each(truth.pages)("page $page, levels shown by $levelsBy", (page) => {
  test("every parent is checked against the sum of its direct children, and holds", () => {
    const expected = page.rows.flatMap((r, i) => {
      const kids = children(page.rows, i);
      if (kids.length === 0) return [];
      return valueColumns(page).map((column, c) => [labelOf(r), r.depth, column, r.values[c], kids.reduce((s, k) => s + k.values[c]!, 0), kids.length]);
    });
    const level = checksOn(tables, page.page).filter((c) => c.rule === "totals/level");
    expect(level.map((c) => [c.label, c.level, c.column, c.printed, c.sum, c.rows])).toEqual(expected);
    expect(level.every((c) => c.ok && c.difference === 0 && c.severity === "info")).toBe(true);
    expect(expected.length).toBeGreaterThanOrEqual(5); // the five 款 at least
  });

  test("歳出合計 is the sum of the top level (款) only, not of every row", () => {
    const top = page.rows.filter((r) => r.depth === 0);
    const totals = checksOn(tables, page.page).filter((c) => c.rule === "totals/rows");
    expect(totals.map((c) => [c.label, c.column, c.printed, c.sum, c.level])).toEqual(
      valueColumns(page).map((column, c) => [page.total.label, column, page.total.values[c], top.reduce((s, r) => s + r.values[c]!, 0), 0]),
    );
    for (const c of totals) expect(c.terms.map((t) => t.label)).toEqual(top.map(labelOf));
    expect(totals.every((c) => c.ok)).toBe(true);
  });
});

/** The cell printing `text` in the row labelled `label` (first match on the page). */
function cellIn(t: Table, page: number, label: string, text: string): StitchedCell {
  const row = t.cells.find((c) => c.page === page && squeeze(c.text) === label)!.row;
  return t.cells.find((c) => c.row === row && c.text === text)!;
}
const onPage = (checks: TotalCheck[], page: number, label: string, column: string) =>
  checks.find((c) => c.page === page && c.label === label && c.column === column && c.rule === "totals/level")!;

test("a 項 mistyped by 600 fails against its 目 and makes its 款 fail too, with printed, sum and difference", async () => {
  const found = await budget();
  const t = found.find((x) => x.pages.includes(2))!;
  // 第2項 徴税費 = 税務総務費 48,905 + 賦課徴収費 15,330 = 64,235, printed as 64,835.
  cellIn(t, 2, "第2項徴税費", "64,235").text = "64,835";
  const checks = checkTotals(t);
  expect(onPage(checks, 2, "第2項徴税費", "本年度予算額")).toMatchObject({ printed: 64835, sum: 64235, difference: 600, ok: false, severity: "error", level: 1 });
  // 第2款 総務費 455,985 now has children 369,602 + 64,835 + 22,148 = 456,585.
  expect(onPage(checks, 2, "第2款総務費", "本年度予算額")).toMatchObject({ printed: 455985, sum: 456585, difference: -600, ok: false, severity: "error", level: 0 });
  expect(checks.filter((c) => !c.ok)).toHaveLength(2);
});

test("a wrong parent is still reported where only indentation shows the levels", async () => {
  const found = await budget();
  const t = found.find((x) => x.pages.includes(4))!;
  // 社会福祉費 (前年度) = 305,118 + 198,230 = 503,348, printed as 530,348.
  cellIn(t, 4, "社会福祉費", "503,348").text = "530,348";
  const check = onPage(checkTotals(t), 4, "社会福祉費", "前年度予算額");
  expect(check).toMatchObject({ printed: 530348, sum: 503348, difference: 27000, ok: false, severity: "error", level: 1 });
  expect(check.terms.map((x) => [x.label, x.value])).toEqual([["社会福祉総務費", 305118], ["老人福祉費", 198230]]);
});

/** A one-page table of label | amount rows, as latticeTables would give it. */
function listTable(rows: [string, string][]): Table {
  const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
  const cell = (row: number, col: number, text: string): StitchedCell => ({ row, col, rowSpan: 1, colSpan: 1, text, lines: [text], box, page: 1 });
  return {
    id: "t1", pages: [1], rows: rows.length + 1, cols: 2, headerRows: 1, columns: [["項目"], ["回数"]],
    cells: [cell(0, 0, "項目"), cell(0, 1, "回数"), ...rows.flatMap(([a, b], i) => [cell(i + 1, 0, a), cell(i + 1, 1, b)])],
  };
}

test("a numbered list whose sub-items are not parts of their item is not read as a hierarchy", () => {
  // Items 1, 2 with (1), (2) under each: the numbers under an item do not add up to it.
  const t = listTable([["1　研修会", "12"], ["（１）初級", "30"], ["（２）上級", "25"], ["2　相談会", "8"], ["（１）対面", "40"], ["（２）オンライン", "50"]]);
  expect(checkTotals(t)).toEqual([]);
});

test("a numbered list that adds up by level is checked, and its 合計 sums the items only", () => {
  const t = listTable([["1　研修会", "55"], ["（１）初級", "30"], ["（２）上級", "25"], ["2　相談会", "90"], ["（１）対面", "40"], ["（２）オンライン", "50"], ["合計", "145"]]);
  const checks = checkTotals(t);
  expect(checks.map((c) => [c.rule, c.label, c.printed, c.sum, c.ok])).toEqual([
    ["totals/level", "1研修会", 55, 55, true],
    ["totals/level", "2相談会", 90, 90, true],
    ["totals/rows", "合計", 145, 145, true],
  ]);
});

test("items numbered with the number glued to their name (1普通債, 3その他) are levels; a count glued to its counter (4月) is not", () => {
  const t = listTable([["1普通債", "55"], ["（１）総務", "30"], ["（２）民生", "25"], ["3その他", "90"], ["（１）減収補てん", "40"], ["（２）臨時財政対策", "50"], ["合計", "145"]]);
  expect(checkTotals(t).map((c) => [c.rule, c.label, c.printed, c.sum, c.ok])).toEqual([
    ["totals/level", "1普通債", 55, 55, true],
    ["totals/level", "3その他", 90, 90, true],
    ["totals/rows", "合計", 145, 145, true],
  ]);
  // Months are not numbering: 合計 is every row.
  const months = listTable([["4月", "10"], ["5月", "20"], ["合計", "30"]]);
  expect(checkTotals(months).map((c) => [c.rule, c.label, c.printed, c.sum, c.ok])).toEqual([["totals/rows", "合計", 30, 30, true]]);
});

test("an amount that prints the unit the others leave to the table (17,335,066千円 over 416,453) is read in that unit", () => {
  const t = listTable([["1普通債", "55千円"], ["（１）総務", "30"], ["（２）民生", "25"], ["合計", "55"]]);
  expect(checkTotals(t).map((c) => [c.rule, c.label, c.printed, c.sum, c.ok])).toEqual([
    ["totals/level", "1普通債", 55, 55, true],
    ["totals/rows", "合計", 55, 55, true],
  ]);
  // Two different units in one column: each read as printed, in yen.
  const mixed = listTable([["国", "3億円"], ["県", "5,000万円"], ["合計", "350,000,000"]]);
  expect(checkTotals(mixed).map((c) => [c.label, c.printed, c.sum, c.ok])).toEqual([["合計", 350000000, 350000000, true]]);
});

test.skipIf(!HAVE_CORPUS)("corpus 26 p.142 (地方債 現在高): 1 普通債, 2 災害復旧債, 3 その他 each the sum of its (1)…, 合計 the sum of the three — every check holds as printed", async () => {
  const doc = await open(corpus("26_nankoku-city_R8_ippan-kaikei_yosansho.pdf"));
  const found = [];
  try {
    for await (const p of doc.pages([142])) found.push(...findTables(p));
  } finally {
    await doc.close();
  }
  const checks = stitchTables(found).flatMap((t) => checkTotals(t));
  expect(checks.filter((c) => !c.ok)).toEqual([]);
  // As printed: 合計 24,198,121 = 17,335,066 (its first row prints 千円) + 24,770 + 6,838,285.
  expect(checks.filter((c) => c.label === "合計").map((c) => [c.printed, c.sum])[0]).toEqual([24198121, 24198121]);
  expect(checks.filter((c) => c.rule === "totals/level").map((c) => c.label)).toEqual([...Array(5).fill("1普通債"), ...Array(4).fill("2災害復旧債"), ...Array(4).fill("3その他")]);
});
