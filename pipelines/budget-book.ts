/**
 * 予算書・予算に関する説明書 — a municipality's budget book (当初予算 or 補正予算):
 * 第1表 歳入歳出予算 (款, 項, 金額), 事項別明細書 総括 (款: 本年度, 前年度, 比較) and
 * 歳入 / 歳出 明細 (目 with 本年度, 前年度, 比較 and 財源内訳; 節 区分 and 金額; 説明).
 *
 * Declarative only: the family's words, the header aliases of each column, the level
 * names, total labels and the checks to run. The reading is the ledger reader
 * (src/pipeline/ledger.ts), the checks the registry's (src/checks/budget.ts). See budget-book.md.
 */
import { ledgerPipeline } from "../src/pipeline/ledger.js";
import type { LedgerSpec } from "../src/pipeline/ledgerSpec.js";

export const spec: LedgerSpec = {
  name: "budget-book",
  description: "予算書・予算に関する説明書 (当初・補正): 第1表, 総括, 歳入・歳出 事項別明細 (款/項/目/節, 財源, 説明)",
  // A book's first pages: its title (…一般会計予算), a contents page or 第1表, the 明細's title.
  recognise: [
    ["予算", 0.15],
    ["予算書", 0.3],
    ["一般会計", 0.1],
    ["特別会計", 0.1],
    ["歳入歳出予算", 0.2],
    ["事項別明細書", 0.3],
    ["予算に関する説明書", 0.3],
    ["第1表", 0.15],
    // The level words: a national budget's summary (no 款/項 tables) stays below the bar.
    ["款", 0.1],
    ["項", 0.1],
  ],
  levels: ["款", "項", "目", "節"],
  sides: ["歳入", "歳出"],
  // Tried in this order; a column serves one role: the 財源 columns first (their header
  // starts with 本年度予算額の財源内訳), then 節 (its 金額), then the amounts.
  columns: [
    { role: "source1", title: "国県支出金", headers: [["財源", "国県支出金"], ["財源", "国庫支出金"], "国県支出金"] },
    { role: "source2", title: "地方債", headers: [["財源", "地方債"], "地方債"] },
    { role: "source3", title: "その他", headers: [["財源", "その他"]] },
    { role: "source4", title: "一般財源", headers: ["一般財源"] },
    { role: "item", title: "節", headers: [["節", "区分"], ["節", "名称"], ["節", "節"], "節"] },
    { role: "itemAmount", title: "節 金額", headers: [["節", "金額"]] },
    { role: "notes", title: "説明", headers: ["説明"] },
    { role: "label", title: "科目", headers: ["科目", "款項目"] },
    { role: "level3", title: "目", headers: ["目"] },
    { role: "level2", title: "項", headers: ["項"] },
    { role: "level1", title: "款", headers: ["款"] },
    { role: "before", title: "前年度", headers: ["前年度", "補正前"] },
    { role: "diff", title: "比較", headers: ["比較", "補正額", "増減"] },
    { role: "now", title: "本年度", headers: ["本年度", "予算額", "金額", "計"] },
  ],
  sources: ["国県支出金", "地方債", "その他", "一般財源"],
  subtotal: ["計", "項計", "小計"],
  grandTotal: ["歳入合計", "歳出合計", "合計", "総計"],
  defaultUnit: "千円",
  noteMarkers: [["○", "◯", "〇", "●", "◎"], ["・", "･"]],
  supplementary: "補正",
  amendments: { sections: ["追加", "変更", "廃止"], sides: [["補正前", "変更前"], ["補正後", "変更後"]] },
  titleWords: ["一般会計", "特別会計", "予算"],
  schedules: [
    {
      // Printed in a 補正予算 only (第2表 繰越明許費補正): a 事業 of a 款 and 項 and its 金額.
      id: "carry-over",
      name: "繰越明許費",
      columns: [
        { field: "project", title: "事業名", headers: ["事業名"] },
        { field: "kan", title: "款", headers: ["款"] },
        { field: "kou", title: "項", headers: ["項"] },
        { field: "amount", title: "金額", headers: ["金額"] },
      ],
      amount: "amount",
    },
    {
      id: "debt-burden",
      name: "債務負担行為",
      columns: [
        { field: "item", title: "事項", headers: ["事項"] },
        { field: "period", title: "期間", headers: ["期間"] },
        { field: "limit", title: "限度額", headers: ["限度額"] },
      ],
      amount: "limit",
    },
    {
      id: "local-bonds",
      name: "地方債",
      columns: [
        { field: "purpose", title: "起債の目的", headers: ["起債の目的", "目的"] },
        { field: "limit", title: "限度額", headers: ["限度額"] },
        { field: "method", title: "起債の方法", headers: ["起債の方法"] },
        { field: "rate", title: "利率", headers: ["利率"] },
        { field: "redemption", title: "償還の方法", headers: ["償還の方法"] },
      ],
      amount: "limit",
      // Borrowing is revenue: the 合計 of 地方債 is 第1表's 市債 (県債, 町債, 村債).
      revenue: "債",
    },
  ],
  checks: [
    "budget/schedule-total",
    "budget/schedule-revenue",
    "budget/difference",
    "budget/sources",
    "budget/items",
    "budget/details",
    "budget/levels",
    "budget/grand-total",
    "budget/balance",
    "budget/first-table",
  ],
};

export const budgetBook = ledgerPipeline(spec);
