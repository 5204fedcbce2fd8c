/**
 * Corpus 19 (経済産業省 令和2年度補正予算 PR資料, 44 pages, Distiller, rotated pages, Kangxi radicals):
 * one record per programme page — 37 of them: the cover, the two contents pages and the four
 * section dividers give none. Truth (test/pipeline/programme-sheets.truth.json) was read from the
 * rendered pages: every title and 予算額, and the phones of every contact badge.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { spec } from "../../pipelines/programme-sheets.js";
import { openPdf } from "../../src/pdf/load.js";
import { regionColumns, regionPipeline } from "../../src/pipeline/regionPipeline.js";
import type { ContactsValue, FactValue, RegionRecord } from "../../src/pipeline/regionSpec.js";
import { drive } from "../../src/pipeline/drive.js";

const truth = JSON.parse(readFileSync(join(import.meta.dirname, "programme-sheets.truth.json"), "utf8"));
const FILE = join(import.meta.dirname, "../..", truth.file);
const fold = (s: string) => s.normalize("NFKC").replace(/[\s\u3000]+/g, "").replace(/[･・]/g, "・");
type Fields = { offices?: string[]; officesNote?: string; purpose: string; targets: string | null; schemeRates: string[]; rate?: string; cap?: number };
type Page = { page: number; title: string; budget: { printed: string; yen: number }; phones: string[]; textLayer?: string; fields?: Fields };

let records: RegionRecord[] = [];
const present = existsSync(FILE);
beforeAll(async () => {
  if (!present) return;
  const opened = await openPdf(FILE);
  if (!opened.ok) throw new Error(opened.error.message);
  records = (await drive(regionPipeline(spec), opened.doc)).tables[0]!.records as RegionRecord[];
});
const rec = (p: number) => records.find((r) => r.page === p);

describe.skipIf(!present)("corpus 19: programme sheets", () => {
  test("one record per programme page; cover, contents and section dividers give none", () => {
    expect(records.map((r) => r.page)).toEqual(truth.pages.map((p: Page) => p.page));
  });
  const pages: [number, Page][] = truth.pages.map((p: Page) => [p.page, p]);
  test.each(pages)("p%i: title and 予算額 as printed", (page, t) => {
    const r = rec(page)!;
    expect(fold(String(r.fields.title?.value))).toBe(fold(t.title));
    expect(r.fields.budget?.value).toBe(t.budget.yen);
  });
  const phones = (page: number) => (rec(page)!.fields.contacts?.value as ContactsValue | undefined)?.phones ?? [];
  test.each(pages.filter(([, t]) => !t.textLayer))("p%i: the phones of the contact badge, as printed (03ー3501ー1662 read as 03-3501-1662)", (page, t) => {
    expect(phones(page)).toEqual(t.phones);
  });
  // The text layer of these pages holds an older badge's offices and phones, which the page
  // paints over with the new badge: left out, as the reader sees the page.
  test.each(pages.filter(([, t]) => t.textLayer))("p%i: phones the badge paints over are left out, the phones it shows are read", (page, t) => {
    expect(phones(page)).toEqual(t.phones);
  });

  // The corpus truth (shared/corpus/truth.json, kind "case"): the office next to the first phone.
  const CORPUS_TRUTH = join(import.meta.dirname, "../../../shared/corpus/truth.json");
  const corpusCases = (existsSync(CORPUS_TRUTH) ? (JSON.parse(readFileSync(CORPUS_TRUTH, "utf8")).items as any[]) : [])
    .filter((i) => i.kind === "case" && i.file === "19_meti_R2-hosei_PR-shiryo_44p.pdf")
    .map((i): [number, any] => [i.page, i]);
  // p25: its note says "three contacts in the badge"; the rendered badge shows two (the third, 03-3501-1836,
  // is an older badge's, painted over) — the office and phone it names are the first shown.
  test.each(corpusCases)("p%i: the office and phone the corpus truth names come first in the badge", (page, c) => {
    const v = rec(page)!.fields.contacts!.value as ContactsValue;
    expect(fold(v.offices[0]!)).toBe(fold(c.contact));
    expect(v.phones[0]).toBe(c.phone);
    expect(rec(page)!.fields.budget!.value).toBe(c.budget_yen);
  });

  // What follows the amount on its band, read from the rendered pages (pdftoppm -r 40/60, the top band of
  // pp.5–44): pp.11–13 print a note, p40 one in small type after the amount; no other page prints one —
  // p36's contact badge, higher up at the right, is none.
  const BUDGET_NOTES: Record<number, string> = { 11: "＜うち財務省計上5,421.0億円＞", 12: "（財務省計上）", 13: "＜うち財務省計上1兆2,062億円＞", 40: "※うち、22.0億円は内閣官房計上" };
  test.each(pages)("p%i: the note after the 予算額, only where one is printed", (page) => {
    const note = rec(page)!.fields.budgetNote;
    if (BUDGET_NOTES[page]) expect(fold(String(note?.value))).toBe(fold(BUDGET_NOTES[page]));
    else expect(note).toBeNull();
  });

  test("the CSV columns hold text, never an object: p33's offices and phone as its badge prints them, its scheme's rate", () => {
    const columns = regionColumns(spec);
    for (const r of records) for (const c of columns) expect(["string", "number", "boolean", "null"], `p${r.page} ${c.name}`).toContain(c.value(r) === null ? "null" : typeof c.value(r));
    const cell = (name: string) => columns.find((c) => c.name === name)!.value(rec(33)!);
    expect(fold(String(cell("contacts.offices")))).toBe(fold("商務情報政策局 コンテンツ産業課"));
    expect(cell("contacts.phones")).toBe("03-3501-9537");
    expect(String(cell("scheme"))).toContain("1/2");
  });

  const noted: [number, Fields][] = truth.pages.filter((p: Page) => p.fields?.officesNote).map((p: Page) => [p.page, p.fields!]);
  test.each(noted)("p%i: a line printed under the badge (outside its rounded shape) is not one of its offices", (page, t) => {
    expect((rec(page)!.fields.contacts!.value as ContactsValue).offices.map(fold)).toEqual(t.offices!.map(fold));
  });
  // A third of the pages, field by field.
  const detailed: [number, Fields][] = truth.pages.filter((p: Page) => p.fields).map((p: Page) => [p.page, p.fields!]);
  test.each(detailed)("p%i: offices, 事業目的・概要, 成果目標, the scheme's rates, 補助率 and 上限 as printed", (page, t) => {
    const f = rec(page)!.fields;
    if (t.offices && !t.officesNote) expect((f.contacts!.value as ContactsValue).offices.map(fold)).toEqual(t.offices.map(fold));
    expect(fold((f.purpose!.value as string[]).join(""))).toMatch(new RegExp(`^${escape(fold(t.purpose))}`));
    if (t.targets === null) expect(f.targets).toBeNull();
    else expect(fold((f.targets!.value as string[]).join(""))).toMatch(new RegExp(`^${escape(fold(t.targets))}`));
    const fractions = ((f.scheme?.value as FactValue[] | undefined) ?? []).filter((x) => x.kind === "rate" && /[/／]|分の/.test(x.text)).map((x) => fold(x.text).replace("／", "/"));
    expect([...new Set(fractions)]).toEqual(t.schemeRates);
    if (t.rate) expect((f.rate!.value as FactValue[]).map((x) => fold(x.text))).toContain(fold(t.rate));
    if (t.cap) expect((f.cap!.value as FactValue[]).map((x) => x.value)).toContain(t.cap);
  });
});
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
