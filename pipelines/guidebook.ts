/**
 * 人材施策ガイドブック and guidebooks like it (経済産業局 and others): one support
 * programme per page — title with its ministry （厚労省）, need tag, 1.概要 / 2.内容 /
 * 3.備考, ○問い合わせ先 — behind a ruled table of contents that marks each programme's
 * categories (確保・定着 / 育成 / 生産性向上) with ● and gives its pages.
 *
 * Declarative: the words and patterns of the family. The reading is src/guidebook/.
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
    mark: /[●○◎◯〇✓✔]/,
    caseStudy: /^[＞>]\s*/,
    pages: /^(\d{1,3})(?:[-‐－―~〜～](\d{1,3}))?$/,
    chapter: /^([0-9０-９]{1,2})\s*(.+)$/s,
  },
  page: {
    ministry: /[（(【]([^（）()【】]{0,12}(?:省|庁|府|機構|IPA)(?:・[^（）()【】]{1,8})?)[）)】]/,
    heading: /^([0-9０-９]{1,2})[.．]\s*(\S.*)$/,
    headingNames: ["概要", "内容", "備考", "対象", "要件", "補助率", "助成率", "補助上限", "スケジュール", "申請方法"],
    need: /(?:知りたい|したい|させたい|育てたい|呼び込みたい)[！!]?$/,
    contact: /^[○●◯〇◆■□・]?\s*(?:お|本事業に関する)?問い?合わ?せ先(?:[（(][^）)]{3,}[）)])?\s*[:：]?\s*/,
    phoneLabel: /(℡|TEL|Tel|tel|電話番号|電話|ナビダイヤル|フリーダイヤル|専用回線|直通|代表|FAX|Fax)\s*[:：]?\s*$/,
    mailLabel: /(?:E-?MAIL|E-?mail|MAIL|Mail|メール)\s*[:：]?\s*$/,
    urlLabel: /(?:事務局)?(?:HP|ホームページ|URL|Web|WEB|サイト)\s*[:：]?\s*$/,
    hours: /(?:受付|対応|開庁)?(?:[/／]回答)?時間\s*[:：]?\s*(.+)$/,
    contactLead: /^(?:[＊*・■◆●]|([(（][A-Za-zＡ-Ｚａ-ｚ0-9０-９]{1,2}[)）](?:\s*[～〜~\-－]\s*[(（][A-Za-zＡ-Ｚａ-ｚ0-9０-９]{1,2}[)）])?|[^\s(（]{1,12}について))\s*/,
    alternative: /(?:^|\s)(?:もしくは|または|又は|或いは)\s+/,
    other: "その他",
  },
  facts: {
    deadline: /締切|締め切|〆切|必着|期限|受付期間|募集期間|公募期間|申請期間|応募期間|公募[:：]/,
  },
  counts: {
    closing: /\((\d{1,3})(分野|項目|業種|職種|類型|区分|コース|言語|か国|カ国)\)/,
    following: /(?:下記|以下の|次の)(\d{1,3})(コース|分野|項目|類型|区分|種類|つ)/,
  },
};

export const guidebook = guidebookPipeline(spec);
