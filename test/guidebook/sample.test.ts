import { beforeAll, describe, expect, test } from "vitest";
import { guidebook } from "../../pipelines/guidebook.js";
import { groupLines } from "../../src/layout/lines.js";
import type { Check, PipelineResult, RecordTable } from "../../src/pipeline/types.js";
import type { Fact, Programme, TocEntry } from "../../src/guidebook/index.js";
import { open, readAll, sample } from "../helpers.js";
import { linksOfPage, pages, sectionsOf, squeeze, tocEntries, truth } from "./truth.js";
import { drive } from "../../src/pipeline/drive.js";

const FILE = sample("guidebook-tohoku-r6.pdf");
let result: PipelineResult;
const table = <R>(name: string) => result.tables.find((t) => t.name === name) as RecordTable<R>;
const programme = (page: number) => table<Programme>("事業").records.find((r) => r.page === page)!;
const allChecks = (): Check[] => result.tables.flatMap((t) => t.checks);

beforeAll(async () => {
  const doc = await open(FILE);
  try {
    result = await drive(guidebook, doc, undefined);
  } finally {
    await doc.close();
  }
});

test("the sample's first pages are recognised as a guidebook of the family", async () => {
  const text = (await readAll(FILE)).slice(0, 3).flatMap((p) => groupLines(p.runs).map((l) => l.text)).join("\n");
  expect(guidebook.recognise(text)).toBeGreaterThanOrEqual(0.8);
});

test("the contents give every entry with chapter, need, programme, categories, pages and case-study mark", () => {
  const got = table<TocEntry>("目次").records.map(({ box: _box, ...r }) => r);
  expect(got).toEqual(tocEntries());
});

describe("programme pages", () => {
  test("one record per content page, each tied to its contents entry", () => {
    const entries = tocEntries();
    const got = table<Programme>("事業").records;
    expect(got.map((r) => r.page)).toEqual(pages.map((p) => p.page));
    for (const r of got) {
      const e = entries.find((x: any) => r.page >= x.pagesFrom && r.page <= x.pagesTo);
      expect({ entry: r.entry, programme: r.programme, need: r.need, categories: r.categories, caseStudy: r.caseStudy }).toEqual({
        entry: e.no, programme: e.programme, need: e.need, categories: e.categories, caseStudy: e.caseStudy,
      });
    }
  });

  test.each(pages.map((p) => [p.page, p] as const))("page %i: title, ministry, need tag and printed page number", (n, p) => {
    const r = programme(n);
    expect({ title: r.title, ministry: r.ministry, printedNeed: r.printedNeed, printedPage: r.printedPage }).toEqual({
      title: p.title, ministry: p.ministry, printedNeed: p.tag, printedPage: Number(p.printed.normalize("NFKC")),
    });
  });

  test.each(pages.map((p) => [p.page, p] as const))("page %i: each section holds its text (spaces and line breaks aside)", (n, p) => {
    const got = Object.fromEntries(Object.entries(programme(n).sections).map(([k, v]) => [k, squeeze(v)]));
    expect(got).toEqual(sectionsOf(p));
  });

  test.each(pages.map((p) => [p.page, p] as const))("page %i: contacts field by field", (n, p) => {
    const got = programme(n).contacts.map(({ page: _p, box: _b, ...c }) => c);
    expect(got).toEqual(p.contact?.contacts ?? []);
  });

  test.each(pages.map((p) => [p.page, p] as const))("page %i: every link with its address and linked words", (n, p) => {
    // The words under a link are found by the width of the characters: a bracket at either end may come or go.
    const norm = (s: string) => squeeze(s).replace(/^[（(「【]+|[）)」】]+$/g, "");
    const key = (l: { url: string; text: string }) => `${l.url} ${norm(l.text)}`;
    expect(programme(n).urls.map(key).sort()).toEqual(linksOfPage(p).map(key).sort());
  });

  test.each(pages.map((p) => [p.page, p] as const))("page %i: every amount, rate and date, normalised", (n, p) => {
    const view = (f: Record<string, any>) => ({
      kind: f.kind, text: f.text,
      value: f.value === undefined || f.value === null ? null : Math.round(f.value * 1e4) / 1e4,
      per: f.per ?? null, cap: f.cap ?? false, bound: f.bound ?? null,
      iso: f.iso ?? null, end: f.end ?? null, deadline: f.deadline ?? null,
      weekday: f.weekday === undefined ? null : typeof f.weekday === "string" ? f.weekday === "ok" : f.weekday.ok,
    });
    const order = (a: { text: string; iso: string | null }, b: typeof a) => a.text.localeCompare(b.text) || String(a.iso).localeCompare(String(b.iso));
    expect(programme(n).facts.map(view).sort(order)).toEqual(p.facts.map(view).sort(order));
  });
});

test("each amount, rate and date is boxed where it is printed: inside the run that prints it", async () => {
  const runs = (await readAll(FILE)).map((p) => p.runs);
  const fold = (s: string) => squeeze(s.normalize("NFKC"));
  let boxed = 0;
  for (const f of table<Fact>("金額・日付").records) {
    const home = runs[f.page - 1]!.filter((r) => fold(r.text).includes(fold(f.text)));
    if (home.length === 0) continue; // printed across a line break
    const within = home.some((r) => f.box.x0 >= r.box.x0 - 1 && f.box.x1 <= r.box.x1 + 1 && f.box.y0 >= r.box.y0 - 1 && f.box.y1 <= r.box.y1 + 1);
    expect(within, `${f.text} on page ${f.page}`).toBe(true);
    boxed++;
  }
  expect(boxed).toBeGreaterThan(40);
});

describe("checks", () => {
  const view = (c: Check) => ({ rule: c.rule, page: c.page, severity: c.severity, printed: c.printed ?? null });

  test("the seeded inconsistencies are exactly the failing checks", () => {
    const expected = truth.findings.map((f: any) => ({ rule: f.rule, page: f.page, severity: f.severity, printed: f.printed ?? null }));
    const order = (a: ReturnType<typeof view>, b: typeof a) => a.rule.localeCompare(b.rule) || a.page! - b.page! || String(a.printed).localeCompare(String(b.printed));
    expect(allChecks().filter((c) => !c.ok).map(view).sort(order)).toEqual(expected.sort(order));
  });

  test("a title that differs from the contents is reported with both texts", () => {
    const c = allChecks().find((x) => x.rule === "toc/title" && x.page === 10)!;
    expect(c.message).toContain("高度外国人材活躍推進ポータル");
    expect(c.message).toContain("高度外国人活躍推進ポータル");
    expect(c.box).toEqual(programme(10).box);
  });

  test("a wrong weekday names the printed and the true weekday, with the date's box", () => {
    const c = allChecks().find((x) => x.rule === "date/weekday" && !x.ok)!;
    expect(c.message).toMatch(/\(月\).*水曜日.*\(金\).*日曜日/);
    expect(c.page).toBe(20);
    expect(c.box).toEqual(table<Fact>("金額・日付").records.find((f) => f.page === 20 && f.text === c.printed)!.box);
  });

  test("the contents' ranges tile the content pages: one passing check per entry and one for the end", () => {
    const tiling = allChecks().filter((c) => c.rule === "toc/tiling");
    expect(tiling).toHaveLength(tocEntries().length + 1);
    expect(tiling.every((c) => c.ok)).toBe(true);
  });

  test("stated counts are checked against the items listed: （16分野） and 下記3コース hold", () => {
    const counts = allChecks().filter((c) => c.rule === "count/stated");
    expect(counts.map((c) => [c.page, c.printed, c.sum, c.ok])).toEqual([
      [12, 16, 16, true],
      [28, 3, 3, true],
    ]);
  });

  test("every programme that is not a case study gets a contact check; case studies none", () => {
    const contact = allChecks().filter((c) => c.rule === "page/contact");
    expect(contact.map((c) => c.record)).toEqual(tocEntries().filter((e: any) => !e.caseStudy).map((e: any) => e.no));
  });
});

test("every table flattens to CSV columns: plain values only, unique keys", () => {
  for (const t of result.tables) {
    expect(new Set(t.columns.map((c) => c.name)).size).toBe(t.columns.length);
    const keys = new Set<string>();
    for (const r of t.records) {
      for (const c of t.columns) expect(["string", "number", "boolean"]).toContain(c.value(r) === null ? "string" : typeof c.value(r));
      keys.add(JSON.stringify(t.primaryKey.map((k) => t.columns.find((c) => c.name === k)!.value(r))));
    }
    expect(keys.size, t.name).toBe(t.records.length);
  }
  expect(result.tables.map((t) => [t.name, t.records.length])).toEqual([
    ["目次", tocEntries().length],
    ["事業", pages.length],
    ["問い合わせ先", pages.reduce((n, p) => n + (p.contact?.contacts.length ?? 0), 0)],
    ["金額・日付", pages.reduce((n, p) => n + p.facts.length, 0)],
    ["リンク", pages.reduce((n, p) => n + linksOfPage(p).length, 0)],
  ]);
});
