/**
 * 東京都地域人材確保総合支援事業 計画書 — the yearly plan of the municipalities' projects
 * (一般事業 and モデル事業), printed from a spreadsheet form.
 *
 * Declarative only: how to recognise the document, which tables it has, which header
 * names map to which record fields (and their types), how rows group, and which checks
 * apply. The reading is done by the table-pipeline engine (src/pipeline/).
 */
import { createRequire } from "node:module";
import type { ZodType } from "zod";
import { tablePipeline } from "../src/pipeline/engine.js";
import type { TablePipelineSpec } from "../src/pipeline/spec.js";

/**
 * One record; `tablePipeline` validates every record against it. Made on first use, with
 * zod loaded then (synchronously, its CommonJS build): every thread that runs a pipeline
 * loads this module — the ones reading budget books' pages too — and loading zod takes
 * ~0.1 s of CPU that only a document of this family needs.
 */
let schema: ZodType | undefined;
function recordSchema(): ZodType {
  if (schema) return schema;
  const { z } = createRequire(import.meta.url)("zod") as typeof import("zod");
  const dept = z.string().min(1);
  schema = z.object({
    no: z.number().int().positive(),
    municipality: z.object({ name: z.string().min(1), code: z.string().regex(/^\d{6}$/).nullable() }),
    theme: z.string().min(1).nullable(),
    projectName: z.string().min(1),
    description: z.string().min(1),
    targetGroups: z.array(z.string()),
    category: z.enum(["労働力確保事業", "処遇改善事業"]),
    amountYen: z.number().int().nonnegative().nullable(),
    subsidyYen: z.number().int().nonnegative().nullable(),
    amountGroup: z.number().int().positive(),
    targets: z.object({
      employed: z.number().int().nonnegative().nullable(),
      firmsAcquired: z.number().int().nonnegative().nullable(),
      firmsSupported: z.number().int().nonnegative().nullable(),
    }),
    startDate: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).nullable(),
    contact: z.object({
      departments: z.array(dept),
      phone: z.string().nullable(),
      extension: z.string().nullable(),
      note: z.string().nullable(),
    }),
  });
  return schema;
}

export const spec: TablePipelineSpec = {
  name: "tokyo-jinzai-plan",
  description: "東京都地域人材確保総合支援事業 計画書（区市町村・一般事業 / モデル事業）",
  recognise: {
    // Words of the title and of the header row; the score is the share found on the first pages.
    title: ["地域人材確保総合支援事業", "計画書"],
    header: ["整理番号", "実施区市町村名", "事業名", "事業内容", "事業分類", "事業額", "補助金申請額", "問合せ先"],
  },
  tables: [
    // A table is named by its title line; when no title is printed, by a column only it has.
    { id: "model", name: "モデル事業", title: ["モデル事業"], columns: ["テーマ"] },
    { id: "general", name: "一般事業", title: ["一般事業"] },
  ],
  key: "no",
  fields: [
    { path: "no", title: "整理番号", headers: ["整理番号", "番号", "No"], kind: "integer", required: true },
    { path: "municipality", title: "実施区市町村名", headers: ["実施区市町村名", "区市町村名", "実施主体"], kind: "municipality", prefecture: "東京都", required: true },
    { path: "theme", title: "テーマ", headers: ["テーマ"], kind: "text" },
    { path: "projectName", title: "事業名", headers: ["事業名"], kind: "text", required: true },
    { path: "description", title: "事業内容", headers: ["事業内容"], kind: "text", required: true },
    { path: "category", title: "事業分類", headers: ["事業分類"], kind: "enum", values: ["労働力確保事業", "処遇改善事業"], required: true },
    // A merged amount cell is one value for its group of rows: on the group's first row.
    { path: "amountYen", title: "事業額", headers: ["事業額"], kind: "amount", group: "amountGroup", required: true },
    { path: "subsidyYen", title: "補助金申請額", headers: ["補助金申請額", "補助金額"], kind: "amount", group: "amountGroup", required: true },
    { path: "targets.employed", title: "目標（労働力確保）雇用・就業者数", headers: [["労働力確保", "雇用・就業者数"], "雇用・就業者数"], kind: "count", unit: "人" },
    { path: "targets.firmsAcquired", title: "目標（労働力確保）人材獲得事業所数", headers: [["労働力確保", "人材獲得事業所数"], "人材獲得事業所数"], kind: "count", unit: "事業所" },
    { path: "targets.firmsSupported", title: "目標（処遇改善事業）支援事業所数", headers: [["処遇改善", "支援事業所数"], "支援事業所数"], kind: "count", unit: "事業所" },
    { path: "startDate", title: "事業開始（予定）日", headers: ["事業開始"], kind: "date" },
    { path: "contact", title: "問合せ先", headers: ["問合せ先", "問い合わせ先", "担当"], kind: "contact" },
  ],
  derived: [{ path: "targetGroups", title: "対象", from: "description", kind: "targetGroups" }],
  totalRow: ["合計", "総計"],
  get record() {
    return recordSchema();
  },
  checks: [
    { rule: "total/sum", fields: ["amountYen", "subsidyYen", "targets.employed", "targets.firmsAcquired", "targets.firmsSupported"] },
    { rule: "not-greater", field: "subsidyYen", than: "amountYen" },
    {
      rule: "ratio",
      field: "subsidyYen",
      of: "amountYen",
      rounding: "ceil",
      ratio: { 一般事業: [1, 2], モデル事業: [10, 10] },
    },
    { rule: "sequence", field: "no" },
    {
      rule: "exclusive",
      field: "category",
      cases: {
        処遇改善事業: { present: ["targets.firmsSupported"], absent: ["targets.employed", "targets.firmsAcquired"] },
        労働力確保事業: { present: ["targets.employed", "targets.firmsAcquired"], absent: ["targets.firmsSupported"] },
      },
    },
    { rule: "in-fiscal-year", field: "startDate" },
    { rule: "municipality-code", field: "municipality" },
  ],
};

export const tokyoJinzaiPlan = tablePipeline(spec);
