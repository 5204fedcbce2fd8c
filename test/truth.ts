/**
 * kohyo scored on the hand-read corpus truth (../shared/corpus/truth.json, and
 * test/table/truth-extra.json with values read here from the rendered pages): cells by
 * row label and column header, printed totals with a passing check, facts, row counts —
 * by the matching rule of src/table/match.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractFacts } from "../src/facts/extract.js";
import type { Fact } from "../src/facts/types.js";
import { findTables } from "../src/table/find.js";
import { comparable, findsCell, findsTotal, gridOf, score, type GridTable, type PrintedTotal, type Score } from "../src/table/match.js";
import { stitchTables } from "../src/table/stitch.js";
import { checkTotals } from "../src/table/totals.js";
import { ocrReader } from "../src/ocr/index.js";
import { openPdf, type PictureReader } from "../src/pdf/load.js";
import { corpus, CORPUS, ROOT } from "./helpers.js";

export interface TruthItem {
  file: string;
  page: number;
  kind: string;
  [field: string]: unknown;
}

export function truthItems(): TruthItem[] {
  const shared = JSON.parse(readFileSync(join(CORPUS, "truth.json"), "utf8")).items as TruthItem[];
  const extra = JSON.parse(readFileSync(join(ROOT, "test/table/truth-extra.json"), "utf8")).items as TruthItem[];
  return [...shared, ...extra];
}

/** What kohyo reads of one file: its tables as grids, its total checks, its facts. */
export interface Reading {
  grids: GridTable[];
  totals: PrintedTotal[];
  facts: Fact[];
  /** Data rows per page, per table. */
  rowCounts: Map<number, number[]>;
}

/**
 * What kohyo reads of a file. Scanned pages are read by OCR (as `--ocr auto` does) when
 * they are among `scans`, the pages the truth names: OCR takes seconds a page, and a scan's
 * other pages then read as pages without text.
 */
export async function readFile(name: string, scans: ReadonlySet<number> = new Set()): Promise<Reading> {
  const reader = scans.size ? ocrReader("auto", 1) : undefined;
  const pictures: PictureReader | undefined = reader && { ...reader, wants: (page, text) => (scans.has(page.number) ? reader.wants(page, text) : null) };
  const opened = await openPdf(corpus(name), pictures ? { pictures } : {});
  if (!opened.ok) throw new Error(`expected ${name} to open: ${opened.error.message}`);
  const doc = opened.doc;
  const found = [];
  const facts: Fact[] = [];
  try {
    for await (const p of doc.pages()) {
      found.push(...findTables(p));
      facts.push(...extractFacts(p));
    }
  } finally {
    await doc.close();
    await reader?.close();
  }
  const tables = stitchTables(found);
  const grids = tables.map(gridOf);
  const rowCounts = new Map<number, number[]>();
  for (const g of grids) {
    const byPage = new Map<number, number>();
    for (const r of g.rows) byPage.set(r.page, (byPage.get(r.page) ?? 0) + 1);
    for (const [p, n] of byPage) rowCounts.set(p, [...(rowCounts.get(p) ?? []), n]);
  }
  return { grids, totals: tables.flatMap(checkTotals), facts, rowCounts };
}

const digits = (s: string) => comparable(s).replace(/[^\d]/gu, "");

/** Is a fact item (contact, amount, date, case) found among the page's facts? */
function findsFact(facts: readonly Fact[], item: TruthItem): boolean {
  const on = facts.filter((f) => f.page === item.page);
  const phone = (p: unknown) => on.some((f) => f.kind === "phone" && digits(String(f.value)) === digits(String(p)));
  const yen = (y: unknown) => on.some((f) => (f.kind === "amount" || f.kind === "cap") && f.value === y);
  switch (item.kind) {
    case "contact":
      return phone(item.phone);
    case "amount":
      return yen(item.yen);
    case "date":
      return on.some((f) => (f.kind === "date" || f.kind === "deadline") && f.value === item.iso);
    case "case":
      return phone(item.phone) && yen(item.budget_yen);
    default:
      return false;
  }
}

export interface CorpusScore {
  cells: Score;
  totals: Score;
  facts: Score;
  rowcounts: Score;
}

export async function scoreCorpus(items: readonly TruthItem[] = truthItems()): Promise<CorpusScore> {
  const readings = new Map<string, Reading>();
  const read = items.filter((i) => i.kind !== "note" && i.kind !== "text");
  for (const file of new Set(read.map((i) => i.file))) {
    readings.set(file, await readFile(file, new Set(read.filter((i) => i.file === file).map((i) => i.page))));
  }
  const of = (i: TruthItem) => readings.get(i.file)!;
  const name = (i: TruthItem) =>
    `${i.file.slice(0, 2)} p.${i.page} ${i.kind} ${[i.rowKey, i.column, i.label, i.value ?? i.values ?? i.phone ?? i.yen ?? i.iso].filter((x) => x !== undefined).map((x) => JSON.stringify(x)).join(" ")}`;
  const kinds = (...k: string[]) => items.filter((i) => k.includes(i.kind));
  return {
    cells: score(kinds("cell"), (i) => findsCell(of(i).grids, i as never), name),
    totals: score(kinds("total"), (i) => findsTotal(of(i).totals, i as never), name),
    facts: score(kinds("contact", "amount", "date", "case"), (i) => findsFact(of(i).facts, i), name),
    rowcounts: score(kinds("rowcount"), (i) => (of(i).rowCounts.get(i.page) ?? []).includes(i.value as number), name),
  };
}

export const percent = (s: Score) => (s.total ? (100 * s.found) / s.total : 100).toFixed(1);
