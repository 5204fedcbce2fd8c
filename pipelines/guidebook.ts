/**
 * 人材施策ガイドブック and guidebooks like it (経済産業局 and others): one support
 * programme per page — title with its ministry （厚労省）, need tag, 1.概要 / 2.内容 /
 * 3.備考, ○問い合わせ先 — behind a ruled table of contents that marks each programme's
 * categories (確保・定着 / 育成 / 生産性向上) with ● and gives its pages.
 *
 * Declarative: the words of the family. The reading, with its patterns, is src/guidebook/.
 */
import { guidebookPipeline, type GuidebookSpec } from "../src/guidebook/index.js";

export const spec: GuidebookSpec = {
  name: "guidebook",
  description: "人材施策ガイドブック: programmes per page, contents with categories, contacts, amounts and dates",
  recognise: [
    ["ガイドブック", 0.2],
    ["人材施策", 0.2],
    ["目次", 0.1],
    ["確保", 0.1],
    ["育成", 0.1],
    ["生産性向上", 0.1],
    ["1.概要", 0.2],
    ["問い合わせ先", 0.1],
    ["知りたい", 0.1],
  ],
  toc: {
    categories: [
      { key: "確保・定着", name: "retention", headers: ["確保定着", "確保・定着", "人材確保・定着"] },
      { key: "育成", name: "development", headers: ["育成", "人材育成"] },
      { key: "生産性向上", name: "productivity", headers: ["生産性向上"] },
    ],
  },
  page: {
    headingNames: ["概要", "内容", "備考", "対象", "要件", "補助率", "助成率", "補助上限", "スケジュール", "申請方法"],
    needEndings: ["知りたい", "したい", "させたい", "育てたい", "呼び込みたい"],
    other: "その他",
  },
  facts: {
    deadlineWords: ["締切", "締め切", "〆切", "必着", "期限", "受付期間", "募集期間", "公募期間", "申請期間", "応募期間", "公募:", "公募："],
  },
  // toc/title also checks each page's need tag (toc/need).
  checks: ["toc/tiling", "toc/title", "page/contact", "count/stated", "date/weekday"],
};

export const guidebook = guidebookPipeline(spec);
