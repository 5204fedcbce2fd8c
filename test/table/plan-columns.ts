/**
 * The column paths of the Tokyo plan's two tables as the samples print them, read by hand
 * from the truth's printed header rows (整\n理\n番\n号, 事 業 名, 事　　業　　内　　容\n( 3 0 0 字 以 内 ）,
 * 目標\n(労働力確保) over 雇用・\n就業者数 …), letter-spacing taken out.
 */
const general = [
  ["整理番号"], ["実施区市町村名"], ["事業名"], ["事業内容(300字以内）"], ["事業分類"], ["事業額"], ["補助金申請額"],
  ["目標(労働力確保)", "雇用・就業者数"], ["目標(労働力確保)", "人材獲得事業所数"], ["目標（処遇改善事業）", "支援事業所数"],
  ["事業開始（予定）月"], ["問合せ先"],
];
const model = [...general.slice(0, 2), ["テーマ"], ...general.slice(2)];

/** 一般事業, then モデル事業. */
export const PLAN_COLUMNS = [general, model];
