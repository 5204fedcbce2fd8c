/**
 * What a guidebook family declares (pipelines/<family>.ts) and what the engine reads from it.
 *
 * A guidebook (ガイドブック) lists support programmes one per page (or a few pages),
 * behind a table of contents that says which need each programme serves and which of a
 * few categories it belongs to. The spec holds only words and patterns; the reading is in
 * src/guidebook/.
 */
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
    /** A cell marking a category: ●. */
    mark: RegExp;
    /** A programme cell that is a case study, not a programme: ＞(株)ヤマキイチ商店. */
    caseStudy: RegExp;
    /** The page cell: "6", "23-30"; groups 1 and 2 are the first and last page. */
    pages: RegExp;
    /** The chapter heading in a table's header row: "1 人材課題への対応"; groups: number, name. */
    chapter: RegExp;
  };
  page: {
    /** A bracketed ministry at the title's end: （厚労省）, 【厚生労働省】; group 1 is the ministry. */
    ministry: RegExp;
    /** A section heading line: "1.概要"; groups: number, name. */
    heading: RegExp;
    /** Section names a heading may have besides short ones (longer names must be listed). */
    headingNames: string[];
    /** The need tag printed above a title: 「…を知りたい」. */
    need: RegExp;
    /** Where a contact block starts: ○問い合わせ先. */
    contact: RegExp;
    /** Where a contact line names a label before its phone or mail: ℡, TEL, 専用回線 … (group 1 is kept as the note when not a plain phone sign). */
    phoneLabel: RegExp;
    mailLabel: RegExp;
    urlLabel: RegExp;
    /** Opening hours, with or without a label: 受付時間：平日9:30～12:00; group 1 is the hours. */
    hours: RegExp;
    /** A contact line that starts with a label of its own (an item, an audience): (a)～(c), ＊, 助成金について. */
    contactLead: RegExp;
    /** Between two contacts on one line: 022-221-4907（直通）もしくは 最寄りのJETRO, 最寄りのセンター または 独立行政法人…. */
    alternative: RegExp;
    /** The name of text on a page outside any numbered section. */
    other: string;
  };
  facts: {
    /** Words that make a day a deadline when they stand by it: 締切, 必着, 受付期間 … */
    deadline: RegExp;
  };
  counts: {
    /** A stated count closing a list: 介護、…、木材産業（16分野）; group 1 is the number, group 2 the counter. */
    closing: RegExp;
    /** A stated count of the items that follow: 下記3コース; group 1 is the number, group 2 the counter. */
    following: RegExp;
  };
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
