/**
 * A table spec names the totals rules `kohyo tables` runs (totals/rows …) by id, from the
 * one registry (src/checks/), and gets a finding for each printed total. Expected values
 * from samples/tokyo-plan-r5.truth.json (the data file the plan samples were printed
 * from): 一般事業 合計 477,289 / 238,647 / 1,239 / 493 / 93 on page 3, モデル事業 47,693 /
 * 47,693 / 75 / 28 / 0 on page 4; in the mistyped rendering 一般事業's row 3 事業額 is printed
 * 19,897 for 18,997, so the column sums to 478,189 against the printed 477,289 (−900).
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { z } from "zod";
import { CHECKS, runChecks, type TableFacts } from "../../src/checks/index.js";
import { openPdf } from "../../src/pdf/load.js";
import { drive } from "../../src/pipeline/drive.js";
import { tablePipeline } from "../../src/pipeline/engine.js";
import type { TablePipelineSpec } from "../../src/pipeline/spec.js";
import type { PipelineResult } from "../../src/pipeline/types.js";
import { spec as plan } from "../../pipelines/tokyo-jinzai-plan.js";
import { sample } from "../helpers.js";

interface TruthTable { name: string; columns: { key: string; header: string[] }[]; total: { values: Record<string, number> } }
interface Rendering { file: string; mistyped?: { table: string; column: string; total: { printed: number; sum: number; difference: number } }; pageLayout: { page: number; table: string; total: boolean }[] }
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as { tables: TruthTable[]; renderings: Rendering[] };

/** The plan's spec with only totals rules: what it names and nothing else. */
const totalsOnly: TablePipelineSpec = { ...plan, record: z.any(), checks: [{ rule: "totals/rows" }, { rule: "totals/limit" }] };

async function run(file: string): Promise<PipelineResult> {
  const opened = await openPdf(sample(file));
  if (!opened.ok) throw opened.error;
  try {
    return await drive(tablePipeline(totalsOnly), opened.doc);
  } finally {
    await opened.doc.close();
  }
}

const totalPage = (r: Rendering, table: string) => r.pageLayout.find((l) => l.table === table && l.total)!.page;
/** A column's header levels, brackets compared at one width (the grid keeps them as the page prints them: 目標(労働力確保), 目標（処遇改善事業）). */
const fold = (s: string | undefined) => s?.normalize("NFKC");
const columnOf = (t: TruthTable, key: string) => fold(t.columns.find((c) => c.key === key)!.header.join(" / "));

test("every totals rule is in the registry under its id", () => {
  for (const rule of ["totals/rows", "totals/scope", "totals/formula", "totals/limit", "totals/level", "totals/columns"] as const) expect(typeof CHECKS[rule]).toBe("function");
});

test("a spec naming totals/rows gets one passing finding per printed 合計 of each table, with the printed value, page and column", async () => {
  const rendering = truth.renderings.find((r) => r.file === "tokyo-plan-r5-a4.pdf")!;
  const result = await run(rendering.file);
  expect(result.tables.map((t) => t.name)).toEqual(truth.tables.map((t) => t.name));
  for (const tt of truth.tables) {
    const checks = result.tables.find((t) => t.name === tt.name)!.checks.filter((c) => c.rule === "totals/rows");
    expect(checks.map((c) => [fold(c.column), c.printed, c.sum, c.difference, c.ok, c.severity, c.page, c.table])).toEqual(
      Object.entries(tt.total.values).map(([key, v]) => [columnOf(tt, key), v, v, 0, true, "error", totalPage(rendering, tt.name), tt.name]),
    );
    for (const c of checks) expect(c.message).toMatch(new RegExp(`^${tt.name}: 合計 of .+ prints [\\d,]+, the \\d+ rows it closes sum to [\\d,]+: holds$`));
  }
});

test("a totals rule the table prints no total for is one warning, not a pass", async () => {
  const result = await run("tokyo-plan-r5-a4.pdf");
  for (const t of result.tables) {
    expect(t.checks.filter((c) => c.rule === "totals/limit").map((c) => [c.ok, c.severity, c.message])).toEqual([
      [false, "warning", `${t.name}: totals/limit not checked: the table prints no total this rule checks`],
    ]);
  }
});

test("the mistyped amount fails the 合計 of its column alone, with the truth's printed value, sum, difference and page", async () => {
  const rendering = truth.renderings.find((r) => r.mistyped)!;
  const typo = rendering.mistyped!;
  const tt = truth.tables.find((t) => t.name === typo.table)!;
  const result = await run(rendering.file);
  const failing = result.tables.flatMap((t) => t.checks.filter((c) => c.rule.startsWith("totals/") && !c.ok && c.severity === "error"));
  expect(failing.map((c) => [c.table, fold(c.column), c.printed, c.sum, c.difference, c.page])).toEqual([
    [tt.name, columnOf(tt, typo.column), typo.total.printed, typo.total.sum, typo.total.difference, totalPage(rendering, tt.name)],
  ]);
  expect(failing[0]!.message).toContain("does not hold (difference -900)");
});

test("records read without a grid (the page-region reader's) get a warning that the totals rule could not run", () => {
  const facts: TableFacts = { name: "事例", rows: [], totals: null, totalLabel: null, fiscalYear: null, amountMultiplier: 1, titles: {}, yenFields: new Set() };
  expect(runChecks([{ rule: "totals/level" }], facts).map((c) => [c.rule, c.ok, c.severity])).toEqual([["totals/level", false, "warning"]]);
});
