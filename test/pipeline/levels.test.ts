/**
 * A table spec with `levels` and no key: every record gets its place (`row`), its depth
 * (`level`) and its parent's place, whether the hierarchy is printed by label columns
 * (款 | 項, p.1), by units (第1款 / 第1項, p.2), by numbering (1 / （１）, p.3) or by
 * indentation (p.4). Expected depths from samples/budget-r6.truth.json (the spreadsheet's data).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { z } from "zod";
import { drive } from "../../src/pipeline/drive.js";
import { tablePipeline } from "../../src/pipeline/engine.js";
import type { FieldSpec, TablePipelineSpec } from "../../src/pipeline/spec.js";
import { openPdf, type PdfDocument } from "../../src/pdf/load.js";
import { sample } from "../helpers.js";

interface TruthPage { page: number; rows: { depth: number; cells: string[] }[] }
const truth = JSON.parse(readFileSync(sample("budget-r6.truth.json"), "utf8")).pages as TruthPage[];

const spec = (fields: FieldSpec[]): TablePipelineSpec => ({
  name: "budget-levels",
  description: "budget-r6 (test spec)",
  recognise: { title: [], header: [] },
  tables: [{ id: "t", name: "予算", title: ["歳入歳出予算", "事項別明細書"] }],
  levels: true,
  fields,
  totalRow: ["歳出合計"],
  record: z.object({}).passthrough(),
  checks: [],
});
const DAICHOU = spec([
  { path: "kan", title: "款", headers: ["款"], kind: "text" },
  { path: "kou", title: "項", headers: ["項"], kind: "text" },
  { path: "amount", title: "金額", headers: ["金額"], kind: "amount", required: true },
]);
const DETAIL = spec([
  { path: "subject", title: "科目", headers: ["科目"], kind: "text", required: true },
  { path: "current", title: "本年度予算額", headers: ["本年度予算額"], kind: "amount", required: true },
]);

let doc: PdfDocument;
beforeAll(async () => {
  const opened = await openPdf(sample("budget-r6.pdf"));
  if (!opened.ok) throw opened.error;
  doc = opened.doc;
});
afterAll(() => doc.close());

/** Each row's parent in the truth: the place (1-based) of the nearest row above one level up. */
function parents(rows: TruthPage["rows"]): (number | null)[] {
  return rows.map((r, i) => {
    for (let j = i - 1; j >= 0; j--) if (rows[j]!.depth === r.depth - 1) return j + 1;
    return null;
  });
}

test.each([
  [1, "label columns 款 | 項", DAICHOU],
  [2, "units 第1款 / 第1項", DETAIL],
  [3, "numbering 1 / （１）", DETAIL],
  [4, "indentation", DETAIL],
] as const)("page %i (%s): each record's row, level and parent are the spreadsheet's", async (page, _how, s) => {
  const rows = truth.find((p) => p.page === page)!.rows;
  const table = (await drive(tablePipeline(s), doc, [page])).tables[0]!;
  expect(table.primaryKey).toEqual(["row"]);
  expect(table.records.map((r) => [r.row, r.level, r.parent])).toEqual(rows.map((r, i) => [i + 1, r.depth, parents(rows)[i]]));
  expect(table.columns.map((c) => c.name).slice(-7)).toEqual(["level", "parent", "provenance.page", "provenance.box.x0", "provenance.box.y0", "provenance.box.x1", "provenance.box.y1"]);
});
