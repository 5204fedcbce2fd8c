/**
 * What the checks of a document against itself read: its table of contents and the
 * pages the contents name, the dates it prints with their weekdays, and its text page by
 * page. A reader gives what it has found of these; each check reads its part.
 */
import type { Box } from "../model/page.js";

/** One line of a table of contents: a part of the document and its printed pages. */
export interface ContentsEntry {
  /** 1-based, in the order the contents list them. */
  no: number;
  /** The part as the contents name it, its need (the group it is listed under) and chapter. */
  programme: string;
  need: string;
  chapter: string;
  /** A case study, which needs no 問い合わせ先. */
  caseStudy: boolean;
  pagesFrom: number;
  pagesTo: number;
  /** The contents page and the box of the entry's cell. */
  page: number;
  box: Box;
}

/** Where the contents' printed page numbers are in the file: pdf page = printed + offset. */
export interface PageMap {
  offset: number;
  /** The last contents page (pdf numbering) and the document's last page. */
  tocEnd: number;
  last: number;
}

/** A page a contents entry covers, as printed: its title, need tag and 問い合わせ先 blocks. */
export interface ContentsPage {
  /** The entry's `no`; null when no entry covers the page. */
  entry: number | null;
  page: number;
  /** The title's box (the page's top when there is no title). */
  box: Box;
  title: string | null;
  need: { text: string; box: Box } | null;
  contacts: { box: Box }[];
}

/** A date as printed, with the weekdays printed beside it and the true ones. */
export interface DatedText {
  text: string;
  page: number;
  box: Box;
  weekday?: { printed: string[]; actual: string[] };
}

/** A page's text: its paragraphs (each with the boxes of its parts) and its lines. */
export interface TextPage {
  page: number;
  units: ReadonlyArray<{ text: string; parts: ReadonlyArray<{ box: Box }> }>;
  lines: ReadonlyArray<{ text: string; box: Box }>;
}

export interface DocumentFacts {
  contents: { entries: readonly ContentsEntry[]; map: PageMap; pages: readonly ContentsPage[] };
  dates: readonly DatedText[];
  texts: readonly TextPage[];
}
