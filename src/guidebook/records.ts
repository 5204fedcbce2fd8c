/**
 * The guidebook's record tables and their flat CSV columns: 目次 (contents entries),
 * 事業 (programme pages), 問い合わせ先 (contacts), 金額・日付 (amounts, rates, dates) and
 * リンク (web addresses). Nested data (sections, contacts …) stays in the records; the
 * CSVs get one row per contact, fact and link, each with its page and box.
 */
import type { Box } from "../model/page.js";
import type { Check, Column, RecordTable } from "../pipeline/types.js";
import type { ContactRecord, Fact, GuidebookSpec, Programme, TocEntry, UrlRecord } from "./types.js";

type Row<T> = T & { entry: number | null; title: string | null; no: number };

const str = <R>(name: string, title: string, value: (r: R) => string | null, description?: string): Column<R> => ({
  name, title, type: "string", value, ...(description ? { description } : {}),
});
const int = <R>(name: string, title: string, value: (r: R) => number | null): Column<R> => ({ name, title, type: "integer", value });
const boxColumns = <R extends { box: Box }>(): Column<R>[] =>
  (["x0", "y0", "x1", "y1"] as const).map((k) => ({
    name: k, title: k, type: "number" as const, unit: "pt", value: (r: R) => r.box[k],
    description: "box on the page in points, origin at the top left",
  }));

interface Tables {
  toc: TocEntry[];
  programmes: Programme[];
  checks: { toc: Check[]; programmes: Check[]; facts: Check[] };
  fiscalYear: number | null;
}

export function recordTables(spec: GuidebookSpec, t: Tables): RecordTable<any>[] {
  const sectionNames = ["概要", "内容", "備考"];
  const rows = <T extends { page: number }>(pick: (p: Programme) => T[]): Array<Row<T>> =>
    t.programmes.flatMap((p) => pick(p).map((x, i) => ({ ...x, entry: p.entry, title: p.title, no: i + 1 })));
  const contacts = rows<ContactRecord>((p) => p.contacts);
  const facts = rows<Fact>((p) => p.facts);
  const links = rows<UrlRecord>((p) => p.urls);
  const pagesOf = (xs: Array<{ page: number }>) => [...new Set(xs.map((x) => x.page))].sort((a, b) => a - b);
  const common = { fiscalYear: t.fiscalYear, unit: null };

  const toc: RecordTable<TocEntry> = {
    name: "目次", title: "目次", ...common, pages: pagesOf(t.toc), records: t.toc, checks: t.checks.toc, primaryKey: ["no"],
    columns: [
      int("no", "番号", (r) => r.no),
      int("chapter_no", "章番号", (r) => r.chapterNo),
      str("chapter", "章", (r) => r.chapter),
      str("need", "ニーズ", (r) => r.need),
      str("programme", "施策", (r) => r.programme),
      { name: "case_study", title: "事例", type: "boolean", value: (r) => r.caseStudy },
      ...spec.toc.categories.map((c): Column<TocEntry> => ({ name: c.name, title: c.key, type: "boolean", value: (r) => r.categories.includes(c.key) })),
      int("pages_from", "ページ（始）", (r) => r.pagesFrom),
      int("pages_to", "ページ（終）", (r) => r.pagesTo),
      int("page", "目次ページ", (r) => r.page),
    ],
  };
  const programmes: RecordTable<Programme> = {
    name: "事業", title: "事業", ...common, pages: pagesOf(t.programmes), records: t.programmes, checks: t.checks.programmes, primaryKey: ["page"],
    columns: [
      int("page", "ページ", (r) => r.page),
      int("printed_page", "印刷ページ", (r) => r.printedPage),
      int("entry", "目次番号", (r) => r.entry),
      str("title", "事業名", (r) => r.title),
      str("ministry", "所管", (r) => r.ministry),
      str("programme", "目次の施策名", (r) => r.programme),
      { name: "case_study", title: "事例", type: "boolean", value: (r) => r.caseStudy },
      str("need", "ニーズ", (r) => r.need),
      str("printed_need", "ページのニーズ", (r) => r.printedNeed),
      str("categories", "区分", (r) => r.categories.join("／")),
      ...sectionNames.map((s, i) => str<Programme>(["overview", "content", "remarks"][i]!, s, (r) => r.sections[s] ?? null)),
      str("other", spec.page.other, (r) => Object.entries(r.sections).filter(([k]) => !sectionNames.includes(k)).map(([k, v]) => (k === spec.page.other ? v : `${k}: ${v}`)).join("\n") || null,
        "text under other headings (as 「name: text」) and outside any section"),
      int("contacts", "問い合わせ先数", (r) => r.contacts.length),
      str("phones", "電話", (r) => r.contacts.map((c) => c.phone).filter((x) => x !== null).join(" / ") || null),
      int("urls", "リンク数", (r) => r.urls.length),
      int("facts", "金額・日付数", (r) => r.facts.length),
    ],
  };
  const head = <R extends { page: number; entry: number | null; title: string | null; no: number }>(): Column<R>[] => [
    int("page", "ページ", (r) => r.page),
    int("no", "番号", (r) => r.no),
    int("entry", "目次番号", (r) => r.entry),
    str("title", "事業名", (r) => r.title),
  ];
  const contactTable: RecordTable<Row<ContactRecord>> = {
    name: "問い合わせ先", title: "問い合わせ先", ...common, pages: pagesOf(contacts), records: contacts, checks: [], primaryKey: ["page", "no"],
    columns: [
      ...head<Row<ContactRecord>>(),
      str("organisation", "組織", (r) => r.organisation),
      str("phone", "電話", (r) => r.phone),
      str("extension", "内線", (r) => r.extension),
      str("note", "備考", (r) => r.note),
      str("email", "メール", (r) => r.email),
      str("hours", "受付時間", (r) => r.hours),
      str("url", "URL", (r) => r.url),
      ...boxColumns<Row<ContactRecord>>(),
    ],
  };
  const factTable: RecordTable<Row<Fact>> = {
    name: "金額・日付", title: "金額・率・日付", ...common, pages: pagesOf(facts), records: facts, checks: t.checks.facts, primaryKey: ["page", "no"],
    columns: [
      ...head<Row<Fact>>(),
      str("kind", "種類", (r) => r.kind, "amount (円), rate (share: 0.75 for 75％) or date"),
      str("text", "表記", (r) => r.text),
      { name: "value", title: "値", type: "number", value: (r) => r.value ?? null, description: "yen for an amount, a share for a rate" },
      str("per", "単位当たり", (r) => r.per ?? null),
      { name: "cap", title: "上限", type: "boolean", value: (r) => (r.kind === "amount" ? r.cap === true : null) },
      str("bound", "範囲", (r) => r.bound ?? null, "gte 以上, lte 以下・以内, lt 未満, gt 超"),
      str("iso", "日付", (r) => r.iso ?? null, "ISO 8601 day, month, year, or fiscal-year interval"),
      str("end", "終了日", (r) => r.end ?? null),
      str("deadline", "締切", (r) => r.deadline ?? null),
      { name: "weekday_ok", title: "曜日一致", type: "boolean", value: (r) => (r.weekday ? r.weekday.ok : null) },
      ...boxColumns<Row<Fact>>(),
    ],
  };
  const linkTable: RecordTable<Row<UrlRecord>> = {
    name: "リンク", title: "リンク", ...common, pages: pagesOf(links), records: links, checks: [], primaryKey: ["page", "no"],
    columns: [...head<Row<UrlRecord>>(), str("url", "URL", (r) => r.url), str("text", "リンク文字列", (r) => r.text), ...boxColumns<Row<UrlRecord>>()],
  };
  return [toc, programmes, contactTable, factTable, linkTable];
}
