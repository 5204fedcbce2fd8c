/**
 * 地域雇用活性化推進事業 case sheets (厚生労働省「地域雇用活性化推進事業のご案内【資料編】」and
 * handouts like it): one region per page — heading with 《 過疎等地域 》 or 《 雇用機会不足地域 》,
 * 事業タイトル, 人口 / 人口減少率 / 高齢化率 and the dates they refer to, 地域の現状・課題,
 * 事業の全体像, the A / B / C programme boxes, 雇用創出 target, 重点雇用創出分野 / 重点求職者層,
 * furigana, and the partner boxes ＜連携できる主な支援＞. Declarative: labels, where their
 * values are, kinds and checks. The reading is src/pipeline/region.ts. See case-sheets.md.
 */
import { regionPipeline } from "../src/pipeline/regionPipeline.js";
import type { RegionSpec } from "../src/pipeline/regionSpec.js";
import type { Pipeline } from "../src/pipeline/types.js";

const REGION_TYPES = ["過疎等地域", "雇用機会不足地域"];
const BULLET = /^[・･●○◆■□]\s*|^[0-9０-９]{1,2}[.．、](?![0-9０-９])\s*/;

export const spec: RegionSpec = {
  name: "case-sheets",
  description: "地域雇用活性化推進事業 case sheets: one region per page with its statistics, programme and partners",
  recognise: [
    ["地域雇用活性化推進事業", 0.5],
    ["資料編", 0.1],
    ["地域雇用", 0.1],
    ["厚生労働省", 0.1],
    ["過疎等地域", 0.1],
    ["雇用機会不足地域", 0.1],
  ],
  pageRequires: ["regionType", "population", "target"],
  table: { name: "regions", title: "地域雇用活性化推進事業 実施地域" },
  documentDate: { pages: 1 },
  fields: [
    { name: "regionType", title: "地域の類型", label: /《\s*(過疎等地域|雇用機会不足地域)\s*》/, at: ["label"], kind: "text", required: true },
    { name: "region", title: "地域", label: /《\s*(?:過疎等地域|雇用機会不足地域)\s*》/, at: ["left"], kind: "region", required: true },
    { name: "reading", title: "地域（よみ）", label: /^《\s*[^《》]*?(?:市|町|村|区|地域|島)\s*》$/, at: ["above"], kind: "text", pick: /^([\u3041-\u309f\u30fc、，,\s]+)$/ },
    { name: "title", title: "事業タイトル", label: /^事業タイトル/, kind: "text", required: true },
    { name: "population", title: "人口", label: /人口\s*[(（]\s*※\s*1\s*[)）]/, kind: "integer", unit: "人", required: true },
    { name: "declineRate", title: "人口減少率", label: /人口減少率\s*[(（]\s*※\s*2\s*[)）]/, kind: "percent", unit: "%", required: true },
    { name: "agingRate", title: "高齢化率", label: /高齢化率\s*[(（]\s*※\s*1\s*[)）]/, kind: "percent", unit: "%", required: true },
    { name: "statsDate", title: "人口等の時点（※1）", label: /※\s*1\s*[:：]/, at: ["rest"], kind: "date", required: true },
    { name: "declineBase", title: "人口減少率の基準時点（※2）", label: /※\s*2\s*[:：]/, at: ["rest"], kind: "date", required: true },
    { name: "nationalAverage", title: "人口減少率の全国平均", label: /全国平均は/, at: ["rest"], kind: "percent", unit: "%" },
    { name: "target", title: "雇用創出 目標数（3年度計）", label: /雇用創出\s*[（(]\s*目標数/, at: ["rest", "below", "right"], kind: "integer", unit: "人", required: true },
    { name: "sectors", title: "重点雇用創出分野", label: /【\s*重点雇用創出分野\s*】/, at: ["rest", "below"], kind: "list", list: { split: /[、，]/ }, required: true },
    { name: "jobseekers", title: "重点求職者層", label: /【\s*重点求職者層\s*】/, at: ["rest", "below"], kind: "list", list: { split: /[、，]/ }, required: true },
    { name: "employers", title: "Ａ 事業所の魅力向上、事業拡大の取組", label: /^[ＡA]\s*事業所の魅力向上/, at: ["below"], kind: "list" },
    { name: "accompanied", title: "Ａ 伴走型支援", label: /^《\s*伴走型支援\s*》$/, at: ["below"], kind: "list" },
    { name: "training", title: "Ｂ 人材育成の取組", label: /^[ＢB]\s*人材育成の取組/, at: ["below"], kind: "list" },
    { name: "placement", title: "Ｃ 就職促進の取組", label: /^[ＣC]\s*就職促進の取組/, at: ["below"], kind: "list" },
    { name: "situation", title: "地域の現状・課題", label: /^地域の現状・課題$/, at: ["below"], kind: "list", list: { bullet: BULLET } },
    { name: "overview", title: "事業の全体像", label: /^事業の全体像$/, at: ["below"], kind: "paragraphs", list: { bullet: /^[・･●○◆■□]/ } },
  ],
  stops: [/^企業向け$/, /^求職者向け$/, /^マッチング[！!]$/],
  groups: [{ name: "partners", title: "連携できる主な支援", anchor: /^＜\s*連携できる主な支援\s*＞$/, list: { bullet: /^[・･]\s*/ } }],
  checks: [
    { rule: "required" },
    { rule: "range", fields: ["declineRate", "agingRate", "nationalAverage"], min: 0, max: 100 },
    { rule: "positive-integer", fields: ["population", "target"] },
    { rule: "date-not-after-document", fields: ["statsDate", "declineBase"] },
    { rule: "one-of", field: "regionType", values: REGION_TYPES },
    { rule: "municipality", field: "region" },
  ],
};

export const caseSheets: Pipeline = regionPipeline(spec);
