/**
 * Programme sheets (経済産業省「令和2年度補正予算の事業概要（PR資料）」and the budget PR sheets
 * of other ministries): one programme per page — its title over 令和N年度（補正）予算額 and the
 * amount, the responsible offices and phones in a badge at the top right, 事業の内容 with
 * 事業目的・概要, 成果目標 and 条件（対象者、対象行為、補助率等） with the scheme's rates and caps.
 * Declarative: labels, where their values are, kinds and checks. The reading is
 * src/pipeline/region.ts. See programme-sheets.md.
 */
import { regionPipeline } from "../src/pipeline/regionPipeline.js";
import type { RegionSpec } from "../src/pipeline/regionSpec.js";
import type { Pipeline } from "../src/pipeline/types.js";

/** 令和2年度補正予算額, 令和３年度予算額, 令和2年度第2次補正予算額, R2補正予算額. */
const BUDGET = /(?:令和|平成|R|H)\s*[0-9０-９元]{1,2}\s*年度\s*(?:第\s*[0-9０-９一二三]\s*次\s*)?(?:補正)?\s*予算(?:案)?額/;

export const spec: RegionSpec = {
  name: "programme-sheets",
  description: "budget PR sheets: one programme per page with its 予算額, offices and phones, purpose, targets and scheme",
  recognise: [
    ["予算の事業概要", 0.3],
    ["PR資料", 0.3],
    ["補正予算", 0.2],
    ["予算額", 0.1],
    ["経済産業省", 0.1],
    ["目次", 0.1],
  ],
  pageRequires: ["budget"],
  table: { name: "programmes", title: "事業" },
  fields: [
    { name: "title", title: "事業名", label: BUDGET, at: ["before"], kind: "text", required: true },
    { name: "budget", title: "予算額", label: BUDGET, at: ["rest", "right"], kind: "amount", unit: "円", pick: /^[^<＜(（※]+/, required: true },
    { name: "budgetNote", title: "予算額（注記）", label: BUDGET, at: ["rest", "right"], kind: "text", pick: /([<＜(（※].+)$/ },
    { name: "contacts", title: "担当（部局・電話）", label: /$^/, at: ["zone"], zone: { x0: 0.55, x1: 1, y0: 0, y1: 0.16 }, kind: "contacts", required: true },
    { name: "purpose", title: "事業目的・概要", label: /^事業目的\s*[・･]\s*概要/, at: ["below", "under"], kind: "paragraphs", list: { bullet: /^[●○◆■・]/ } },
    { name: "targets", title: "成果目標", label: /^成果目標/, at: ["below", "under"], kind: "paragraphs", list: { bullet: /^[●○◆■・]/ } },
    { name: "rate", title: "補助率", label: /補\s*助\s*率\s*[:：]?/, at: ["rest", "right"], kind: "facts", facts: ["rate"] },
    { name: "cap", title: "補助上限額", label: /補助上限額?\s*[:：]?|上限額\s*[:：]?/, at: ["rest", "right"], kind: "facts", facts: ["cap", "amount"] },
    { name: "scheme", title: "条件（補助率・上限等）", label: /^条件\s*[（(]/, at: ["under"], kind: "facts", facts: ["rate", "cap", "amount"] },
  ],
  stops: [/^事業イメージ$/, /^事業の内容$/],
  checks: [{ rule: "required" }, { rule: "positive-integer", fields: ["budget"] }],
};

export const programmeSheets: Pipeline = regionPipeline(spec);
