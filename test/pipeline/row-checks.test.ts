/**
 * Row checks any table spec can declare: row/difference (比較 = 本年度 − 前年度) and
 * row/sum (Σ 財源 = 本年度). Expected values from samples/budget-r6.truth.json (the
 * sample's spreadsheet data) and from rows written here.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { z } from "zod";
import { type CheckedRow, runChecks, type TableFacts } from "../../src/checks/index.js";
import { drive } from "../../src/pipeline/drive.js";
import { tablePipeline } from "../../src/pipeline/engine.js";
import type { TablePipelineSpec } from "../../src/pipeline/spec.js";
import { openPdf } from "../../src/pdf/load.js";
import { sample } from "../helpers.js";

const detail: TablePipelineSpec = {
  name: "budget-detail",
  description: "歳出予算事項別明細書 (test spec)",
  recognise: { title: ["事項別明細書"], header: ["科目", "本年度予算額"] },
  tables: [{ id: "detail", name: "事項別明細", title: ["事項別明細書"] }],
  key: "subject",
  fields: [
    { path: "subject", title: "科目", headers: ["科目"], kind: "text", required: true },
    { path: "current", title: "本年度予算額", headers: ["本年度予算額"], kind: "amount", required: true },
    { path: "previous", title: "前年度予算額", headers: ["前年度予算額"], kind: "amount" },
    { path: "change", title: "比較", headers: ["比較"], kind: "amount" },
  ],
  totalRow: ["歳出合計"],
  record: z.object({ subject: z.string(), current: z.number().nullable(), previous: z.number().nullable(), change: z.number().nullable() }),
  checks: [{ rule: "row/difference", field: "change", minuend: "current", subtrahend: "previous" }],
};

test("比較 = 本年度 − 前年度 holds on every row of the sample's 事項別明細 (27 rows, as the spreadsheet computed them)", async () => {
  const truth = JSON.parse(readFileSync(sample("budget-r6.truth.json"), "utf8")).pages.find((p: { page: number }) => p.page === 2);
  const opened = await openPdf(sample("budget-r6.pdf"));
  if (!opened.ok) throw opened.error;
  try {
    const result = await drive(tablePipeline(detail), opened.doc, [2]);
    const table = result.tables[0]!;
    expect(table.records).toHaveLength(truth.rows.length);
    const checks = table.checks.filter((c) => c.rule === "row/difference");
    expect(checks.map((c) => [c.ok, c.message])).toEqual([[true, `事項別明細: 比較 = 本年度予算額 − 前年度予算額 on every row (${truth.rows.length} rows)`]]);
  } finally {
    await opened.doc.close();
  }
});

/** Rows as the checks see them: values by field, each printed at a place of its own. */
function facts(rows: Array<[string, Record<string, number | null>]>): TableFacts {
  const place = (i: number) => ({ page: 3, box: { x0: 100, y0: 100 + 20 * i, x1: 500, y1: 118 + 20 * i } });
  const checked: CheckedRow[] = rows.map(([key, record], i) => ({
    key,
    record,
    place: place(i),
    places: Object.fromEntries(Object.keys(record).map((f) => [f, place(i)])),
  }));
  return {
    name: "歳出", rows: checked, totals: null, totalLabel: null, fiscalYear: null, amountMultiplier: 1000,
    titles: { current: "本年度", previous: "前年度", change: "比較", national: "国県支出金", bonds: "地方債", other: "その他", general: "一般財源" },
    yenFields: new Set(),
  };
}
const ANY = z.any();

test("one mistyped 比較 fails row/difference on its row alone, with the printed value, the expected one and its page and box", () => {
  const out = runChecks([{ rule: "row/difference", field: "change", minuend: "current", subtrahend: "previous" }], facts([
    ["1 議会費", { current: 62418, previous: 61950, change: 468 }],
    ["2 総務費", { current: 455985, previous: 440120, change: 15856 }],
    ["3 民生費", { current: 803951, previous: 790000, change: 13951 }],
  ]), ANY).filter((c) => c.rule === "row/difference");
  expect(out).toHaveLength(1);
  expect(out[0]).toMatchObject({ ok: false, severity: "error", record: "2 総務費", column: "比較", printed: 15856, sum: 15865, difference: -9, page: 3, box: { y0: 120 } });
});

test("Σ 財源 = 本年度: a blank 財源 cell is none, not the value above it; a row whose 財源 are all blank is not checked", () => {
  const spec = [{ rule: "row/sum" as const, field: "current", of: ["national", "bonds", "other", "general"] }];
  const ok = runChecks(spec, facts([
    ["1 社会福祉総務費", { current: 120000, national: 30000, bonds: null, other: null, general: 90000 }],
    ["2 老人福祉費", { current: 80000, national: null, bonds: null, other: 5000, general: 75000 }],
    ["3 予備費", { current: 10000, national: null, bonds: null, other: null, general: null }],
  ]), ANY).filter((c) => c.rule === "row/sum");
  expect(ok.map((c) => [c.ok, c.message])).toEqual([[true, "歳出: 本年度 = 国県支出金 + 地方債 + その他 + 一般財源 on every row (2 rows)"]]);
  const bad = runChecks(spec, facts([
    ["1 社会福祉総務費", { current: 120000, national: 30000, bonds: null, other: null, general: 90000 }],
    ["2 老人福祉費", { current: 80000, national: null, bonds: null, other: 5000, general: 57000 }],
  ]), ANY).filter((c) => c.rule === "row/sum");
  expect(bad).toMatchObject([{ ok: false, record: "2 老人福祉費", printed: 80000, sum: 62000, difference: 18000 }]);
});

test("a spec may name any check of the registry: a value rule (range) runs on a table reader's rows, one finding a value, at its cell", () => {
  const out = runChecks([{ rule: "range", fields: ["change"], min: 0, max: 20000 }], facts([
    ["1 議会費", { current: 62418, previous: 61950, change: 468 }],
    ["2 総務費", { current: 455985, previous: 420120, change: 35865 }],
  ]));
  expect(out).toMatchObject([
    { rule: "region/range", ok: true, record: "1 議会費", column: "change", page: 3, box: { y0: 100 } },
    { rule: "region/range", ok: false, record: "2 総務費", column: "change", printed: "35865", page: 3, box: { y0: 120 } },
  ]);
});
