/**
 * Facts: the values a reader looks for on any page — money, rates, dates, deadlines,
 * fiscal years, phone numbers, e-mail addresses and URLs — found in the page text,
 * normalised, and located.
 */
import type { Bound, Problem } from "../normalize/types.js";
import type { DateValue } from "../normalize/wareki.js";
import type { Phone } from "../normalize/contact.js";
import type { Box } from "../model/page.js";

export type FactKind =
  | "amount"
  | "cap"
  | "rate"
  | "date"
  | "dateRange"
  | "deadline"
  | "fiscalYear"
  | "phone"
  | "email"
  | "url";

/** What a fact's `detail` may say, by kind; every field is optional. */
export interface FactDetail {
  /** amount, cap: the unit as written ("万円"). */
  unit?: string;
  /** amount, cap, rate: 以上 (gte), 以下 / 以内 (lte), 未満 (lt), 超 (gt). */
  bound?: Bound;
  /** amount, cap: 約 / 概ね. */
  approximate?: boolean;
  /** amount, cap: （税抜） / （税込）. */
  tax?: "excluded" | "included";
  /** rate: a fraction as written (2/3, ３分の１). */
  numerator?: number;
  denominator?: number;
  /** rate: a percentage as written (3.2 for 3.2%). */
  percent?: number;
  /** date, deadline, dateRange: how precise the printed date is. */
  precision?: DateValue["precision"];
  /** date, deadline: the era as written (令和7年 → { name: "令和", year: 7 }). */
  era?: DateValue["era"];
  /** date, deadline: the weekday printed beside the date. */
  weekday?: string;
  /** date, deadline: a time printed after the date (17:00). */
  time?: string;
  /** date: まで / から / 時点 after the date. */
  qualifier?: "until" | "from" | "asOf";
  /** deadline, cap: the word that makes it one (締切, 期限, まで, 上限, 最大 …). */
  label?: string;
  /** fiscalYear: first and last fiscal year (by the calendar year they start in). */
  year?: number;
  lastYear?: number;
  /** phone: as printed, width-folded (03-6634-9307), its kind and 内線. */
  number?: string;
  phoneKind?: Phone["kind"];
  extension?: string;
  /** phone without an area code: the municipality the page names (音威子府村), to look the code up by. */
  municipality?: string;
}

/** A fact found in a piece of text: where in the text, and what it says. */
export interface TextFact {
  kind: FactKind;
  /** UTF-16 offsets into the scanned text: [start, end). */
  start: number;
  end: number;
  /** The text as printed. */
  text: string;
  /**
   * The normalised value: yen (amount, cap, the low end of a range), the rate as a
   * number (2/3 → 0.666…, 3.2% → 0.032), an ISO date ("2025-07-25", "2025-07", "2025",
   * "--12-29" when no year is printed), an ISO interval for a fiscal year
   * ("2025-04-01/2026-03-31"), a phone number's digits, an e-mail address, a URL.
   */
  value: number | string;
  /** The other end of a range: yen (amount, cap), ISO date (dateRange). */
  to?: number | string;
  detail: FactDetail;
  /** Warnings from the normalisers, e.g. a printed weekday that disagrees with the date. */
  problems: Problem[];
}

/** A fact on a page. */
export interface Fact {
  kind: FactKind;
  text: string;
  value: number | string;
  /** The other end of a range (amount range, dateRange). */
  to?: number | string;
  detail: FactDetail;
  page: number;
  /** The union of the boxes of the characters it came from (see extractFacts). */
  box: Box;
  /** The text line it was read from (two lines joined when it goes over a line break). */
  line: string;
  problems: Problem[];
}
