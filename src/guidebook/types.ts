/**
 * What a guidebook family declares (pipelines/<family>.ts) and what the engine reads from it.
 *
 * A guidebook (ガイドブック) lists support programmes one per page (or a few pages),
 * behind a table of contents that says which need each programme serves and which of a
 * few categories it belongs to. The spec holds only words; the reading, with its patterns
 * (patterns.ts), is in src/guidebook/.
 */
import type { DocumentRule } from "../checks/index.js";
import type { Box } from "../model/page.js";

/** One category column of the table of contents, e.g. 確保・定着. */
export interface CategorySpec {
  /** The category as records name it: "確保・定着". */
  key: string;
  /** English column name for the CSV: "retention". */
  name: string;
  /** Header texts of its TOC column, compared without spaces, line breaks or ・ ("確保定着"). */
  headers: string[];
}

export interface GuidebookSpec {
  name: string;
  description: string;
  /** Phrases of the cover and contents, each with how much it says the document is one of the family. */
  recognise: ReadonlyArray<readonly [phrase: string, weight: number]>;
  toc: {
    categories: CategorySpec[];
  };
  page: {
    /** Section names a heading may have besides short ones (longer names must be listed). */
    headingNames: string[];
    /** How the need tag printed above a title ends: 知りたい (「…を知りたい」, a ！ after it allowed). */
    needEndings: string[];
    /** The name of text on a page outside any numbered section. */
    other: string;
  };
  facts: {
    /** Words that make a day a deadline when they stand by it: 締切, 必着, 受付期間 … */
    deadlineWords: string[];
  };
  /** The checks to run, by their id in the registry (src/checks/), in this order. */
  checks: DocumentRule[];
}

/** One line of the table of contents. */
export interface TocEntry {
  /** 1-based, in the order the contents list them. */
  no: number;
  chapterNo: number | null;
  chapter: string;
  need: string;
  /** The programme as the contents print it, without the case-study mark. */
  programme: string;
  /** The category keys marked for it. */
  categories: string[];
  /** Printed page numbers. */
  pagesFrom: number;
  pagesTo: number;
  caseStudy: boolean;
  /** The contents page and the box of the programme's cell. */
  page: number;
  box: Box;
}

/** One contact of a 問い合わせ先 block. */
export interface ContactRecord {
  organisation: string | null;
  phone: string | null;
  extension: string | null;
  /** What qualifies it: 直通, 専用回線, (a)～(c), 全企業／中堅企業向け, ＜仙台校＞. */
  note: string | null;
  email: string | null;
  hours: string | null;
  url: string | null;
  page: number;
  box: Box;
}

/** A web address of a page: a link annotation, or an address printed as text. */
export interface UrlRecord {
  url: string;
  /** The linked words (the address itself when it is printed). */
  text: string;
  page: number;
  box: Box;
}

/** An amount, rate or date printed on a page, normalised. */
export interface Fact {
  kind: "amount" | "rate" | "date";
  /** As printed. */
  text: string;
  /** Yen for an amount, a share (0.75 for 75％) for a rate. */
  value?: number | null;
  per?: string;
  cap?: boolean;
  bound?: string;
  /** ISO date, month, year or fiscal-year interval; `end` for a range. */
  iso?: string;
  end?: string;
  precision?: string;
  /** The day that is a deadline (the end of an application period, a 締切 or まで date). */
  deadline?: string | null;
  /** Printed weekdays and the true ones, for dates that print them. */
  weekday?: { printed: string[]; actual: string[]; ok: boolean };
  page: number;
  box: Box;
}

/** One programme page. */
export interface Programme {
  page: number;
  printedPage: number | null;
  /** The TOC entry the page belongs to (its `no`), null when no entry covers it. */
  entry: number | null;
  /** The programme as the contents name it. */
  programme: string | null;
  caseStudy: boolean;
  /** The page's title without its ministry suffix; null when the page prints none. */
  title: string | null;
  ministry: string | null;
  /** The need of its TOC entry, and the need tag the page prints. */
  need: string | null;
  printedNeed: string | null;
  categories: string[];
  /** Text by section name (概要, 内容, 備考 …); text outside any section under the spec's `other`. */
  sections: Record<string, string>;
  contacts: ContactRecord[];
  urls: UrlRecord[];
  facts: Fact[];
  /** The title's box (the page's top when there is no title). */
  box: Box;
}
