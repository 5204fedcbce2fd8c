/**
 * The guidebook engine: runs a {@link GuidebookSpec} (pipelines/guidebook.ts) over a PDF.
 *
 * Pages stream through once: each is laid out (src/guidebook/page.ts); contents tables
 * become entries (toc.ts); the other pages are kept as layouts. Then every page an entry
 * covers becomes a programme record — title, ministry, sections, contacts, links, amounts,
 * rates and dates — and the checks the spec names run (the registry's, src/checks/). The printed page numbers of the
 * contents are matched to the file's pages by the numbers printed on the pages.
 */
import type { Diagnostic } from "../model/finding.js";
import { union } from "../layout/blocks.js";
import { parseDate } from "../normalize/wareki.js";
import type { Assembler, AssemblyContext, Check, PageAnalysisBase, Pipeline, PipelineResult } from "../pipeline/types.js";
import { DOCUMENT_CHECKS, type DocumentFacts, type DocumentRule, type PageMap } from "../checks/index.js";
import { readContacts } from "./contacts.js";
import { DATE_WORDS, hasDate, scanFacts } from "./facts.js";
import { analysePage, type PageLayout } from "./page.js";
import { recordTables } from "./records.js";
import { fold, type Unit } from "./text.js";
import { readToc } from "./toc.js";
import { scanFacts as findFacts } from "../facts/index.js";
import { patternsOf } from "./patterns.js";
import type { Fact, GuidebookSpec, Programme, TocEntry, UrlRecord } from "./types.js";
import { maxOf, pushAll } from "../bounded.js";
import { phraseRecognition } from "../pipeline/recognition.js";

export type { CategorySpec, ContactRecord, Fact, GuidebookSpec, Programme, TocEntry, UrlRecord } from "./types.js";
export { analysePage, type PageLayout } from "./page.js";
export { readContacts } from "./contacts.js";
export { scanFacts } from "./facts.js";
export { readToc } from "./toc.js";

/** What a page gives the guidebook reader: its layout (title, sections, contacts, tables, links). */
export interface GuidebookPage extends PageAnalysisBase {
  layout: PageLayout;
}

/** The pipeline of a guidebook spec: pages laid out on their own (in any worker), the contents and programmes made at the end. */
export function guidebookPipeline(spec: GuidebookSpec): Pipeline<GuidebookPage> {
  return {
    name: spec.name,
    description: spec.description,
    ...phraseRecognition(spec.recognise, fold),
    analysePage: async (page) => ({ number: page.number, diagnostics: page.diagnostics, layout: analysePage(page, spec) }),
    assembler: (doc) => guidebookAssembler(spec, doc),
  };
}

/**
 * Contents pages become entries as they come; the other pages are kept as layouts (what
 * a programme's record is made of; a guidebook is read whole before its contents can be
 * matched to its pages).
 */
function guidebookAssembler(spec: GuidebookSpec, doc: AssemblyContext): Assembler<GuidebookPage> {
  const diagnostics: Diagnostic[] = [];
  const toc: TocEntry[] = [];
  const tocPages: number[] = [];
  const layouts: PageLayout[] = [];
  let fiscalYear: number | null = null;
  return {
    async add({ diagnostics: found, layout }) {
      pushAll(diagnostics, found);
      const entries = readToc(layout.tables, spec, toc.length + 1);
      if (entries.length > 0) {
        pushAll(toc, entries);
        tocPages.push(layout.page);
        return;
      }
      if (fiscalYear === null && tocPages.length === 0) fiscalYear = asOfFiscalYear(layout);
      layouts.push(layout);
    },
    finish: async () => assembleGuidebook(spec, doc, { diagnostics, toc, tocPages, layouts, fiscalYear }),
  };
}

function assembleGuidebook(
  spec: GuidebookSpec,
  doc: AssemblyContext,
  { diagnostics, toc, tocPages, layouts, fiscalYear }: { diagnostics: Diagnostic[]; toc: TocEntry[]; tocPages: number[]; layouts: PageLayout[]; fiscalYear: number | null },
): PipelineResult {
  const map: PageMap = { offset: pageOffset(layouts), tocEnd: Math.max(0, maxOf(tocPages)), last: doc.pageCount };
  const entryOf = (page: number) => toc.find((e) => page - map.offset >= e.pagesFrom && page - map.offset <= e.pagesTo) ?? null;
  const isProgramme = (l: PageLayout) =>
    toc.length > 0 ? entryOf(l.page) !== null : l.contacts.length > 0 || l.sections.some((s) => s.name !== spec.page.other);
  const programmes = layouts.filter(isProgramme).map((l) => programmeOf(l, entryOf(l.page), spec, fiscalYear));

  if (toc.length === 0) {
    diagnostics.push({
      severity: "warning",
      rule: "guidebook/no-contents",
      message:
        `no table of contents with the columns ${spec.toc.categories.map((c) => c.key).join(" / ")} ${doc.selected ? "on the pages read" : "in the document"}: ` +
        `not a guidebook of this kind, or its contents are not a ruled table; ${programmes.length} page(s) with numbered sections or a 問い合わせ先 block read without it`,
      file: doc.file,
    });
  }

  const needs = new Map(layouts.map((l) => [l.page, l.need]));
  const facts: DocumentFacts = {
    contents: {
      entries: toc,
      map,
      pages: programmes.map((p) => ({ entry: p.entry, page: p.page, box: p.box, title: p.title, need: needs.get(p.page) ?? null, contacts: p.contacts })),
    },
    dates: programmes.flatMap((p) => p.facts),
    texts: layouts.filter(isProgramme).map((l) => ({ page: l.page, units: l.sections.flatMap((s) => s.paragraphs), lines: l.lines })),
  };
  // Each check's findings go with the table they are about.
  const checks: Record<"toc" | "programmes" | "facts", Check[]> = { toc: [], programmes: [], facts: [] };
  for (const rule of spec.checks) pushAll(checks[tableOf(rule)], DOCUMENT_CHECKS[rule](facts));

  return {
    pipeline: spec.name,
    tables: recordTables(spec, { toc, programmes, checks, fiscalYear }),
    diagnostics,
  };
}

/** The record table a check's findings belong to: the contents' checks to 目次, the dates' to 金額・日付, the rest to 事業. */
function tableOf(rule: DocumentRule): "toc" | "programmes" | "facts" {
  if (rule.startsWith("toc/")) return "toc";
  return rule.startsWith("date/") ? "facts" : "programmes";
}

function programmeOf(l: PageLayout, entry: TocEntry | null, spec: GuidebookSpec, fiscalYear: number | null): Programme {
  const sections: Record<string, string> = {};
  const facts: Fact[] = [];
  const ctx = { page: l.page, fiscalYear, deadline: patternsOf(spec).deadline };
  if (l.title) pushAll(facts, scanFacts(l.title.unit, { ...ctx, label: null }));
  for (const s of l.sections) {
    const text = s.paragraphs.map((p) => p.text).join("\n");
    sections[s.name] = sections[s.name] !== undefined ? `${sections[s.name]}\n${text}` : text;
    s.paragraphs.forEach((p, i) => {
      pushAll(facts, scanFacts(p, { ...ctx, label: dateLabel(s.paragraphs, i) }));
    });
  }
  return {
    page: l.page,
    printedPage: l.printedPage,
    entry: entry?.no ?? null,
    programme: entry?.programme ?? null,
    caseStudy: entry?.caseStudy ?? false,
    title: l.title?.text ?? null,
    ministry: l.title?.ministry ?? null,
    need: entry?.need ?? null,
    printedNeed: l.need?.text ?? null,
    categories: entry?.categories ?? [],
    sections,
    contacts: l.contacts.flatMap((c) => readContacts(c.lines, l.page)),
    urls: urlsOf(l),
    facts,
    box: l.title?.box ?? { x0: 0, y0: 0, x1: l.width, y1: 0 },
  };
}

/**
 * The label a paragraph's dates stand under: the nearest short paragraph above it in its
 * block that speaks of dates (申請受付期間, 実績報告書提出期限), passing over other dates
 * and sub-labels (大規模法人部門) on the way; null when there is none.
 */
function dateLabel(paragraphs: ReadonlyArray<Unit & { block: number }>, i: number): string | null {
  for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
    const q = paragraphs[j]!;
    if (q.block !== paragraphs[i]!.block) return null;
    if ([...q.text].length > 20 || hasDate(q.text)) continue;
    if (DATE_WORDS.test(q.text)) return q.text;
  }
  return null;
}

/** The page's links (a link cut by a line break is one), then web addresses printed without a link. */
function urlsOf(l: PageLayout): UrlRecord[] {
  const out: UrlRecord[] = [];
  for (const link of l.links) {
    const prev = out[out.length - 1];
    if (prev && prev.url === link.url && link.box.y0 - prev.box.y1 < 0.8 * (link.box.y1 - link.box.y0) && link.box.y0 > prev.box.y0) {
      prev.text += link.text;
      prev.box = union(prev.box, link.box);
      continue;
    }
    out.push({ url: link.url, text: link.text, page: l.page, box: link.box });
  }
  for (const line of l.lines) {
    for (const f of findFacts(line.text).filter((x) => x.kind === "url")) {
      const linked = l.links.some((k) => k.url === f.text && k.box.y0 < line.box.y1 && k.box.y1 > line.box.y0);
      if (!linked) out.push({ url: f.text, text: f.text, page: l.page, box: line.box });
    }
  }
  return out;
}

/** pdf page − printed page, as most pages that print their number say (0 when none do). */
function pageOffset(layouts: readonly PageLayout[]): number {
  const counts = new Map<number, number>();
  for (const l of layouts) if (l.printedPage !== null) counts.set(l.page - l.printedPage, (counts.get(l.page - l.printedPage) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The fiscal year of the date a cover states it is as of (２０２４年１０月末時点 → 2024). */
function asOfFiscalYear(l: PageLayout): number | null {
  for (const line of l.lines) {
    const d = parseDate(line.text).value;
    if (d?.qualifier === "asOf" && d.month !== undefined) return d.month >= 4 ? d.year : d.year - 1;
  }
  return null;
}
