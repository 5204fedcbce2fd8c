/**
 * The spec of a region reader: a family of documents with one record per page (a case
 * sheet per region, a slide per programme), its fields found by their printed labels.
 * A pipelines/<family>.ts file declares one; src/pipeline/region.ts reads pages with it.
 * Types only.
 */
import type { Box } from "../model/page.js";
import type { CheckSpec } from "../checks/index.js";

/**
 * How a field's printed text becomes a value (src/pipeline/regionValues.ts):
 * - text: the lines joined (no space between Japanese lines);
 * - paragraphs: lines joined into paragraphs (a line that stops short of its box ends one);
 * - list: items — bulleted lines, or one item per line (wrapped lines joined), optionally
 *   split at 、; a trailing 等 is taken off the item and kept as a flag;
 * - integer, percent: one number (full/mixed width, office gaps, 人, ％);
 * - amount: yen from a printed amount with its unit (億円, 百万円, 千円);
 * - date: an ISO date with the era kept (R4.1.1, 令和4年1月1日);
 * - region: 「県名＋地域名（構成市町村、…）」 → prefecture, name, municipalities with codes;
 * - phones: every phone number printed;
 * - contacts: offices and phone numbers (a contact badge): { offices, phones };
 * - facts: the amounts, caps and rates printed (補助率 2/3, 上限100万円), as the facts scanner reads them.
 */
export type RegionValueKind = "text" | "paragraphs" | "list" | "integer" | "percent" | "amount" | "date" | "region" | "phones" | "contacts" | "facts";

/**
 * Where a value is, relative to its label:
 * - rest: after the label on the same line; left: before it on the same line;
 * - right: the box (or text) right of the label, in the label's band;
 * - below: under the label in the same box, else the box right under the label's box;
 * - above: the line right over the label in the same box;
 * - label: the label's own text (its first capture group, if it has one);
 * - before: a heading the label ends — the lines right above it in the same size, then the
 *   text left of it (a title over its 予算額 line, or beside it);
 * - under: everything under the label inside its box (without one, its column), boxes within it included (a diagram);
 * - zone: the boxes drawn inside the field's `zone` of the page (a contact badge at the top
 *   right), whatever their text; the label is not needed.
 */
export type RegionPlace = "rest" | "left" | "right" | "below" | "above" | "label" | "before" | "under" | "zone";

export interface RegionListSpec {
  /** A line that starts an item (・, ●, １．); other lines continue the item before. Without it, each line is an item. */
  bullet?: RegExp;
  /** Split items further at these separators outside brackets (e.g. /[、，]/). */
  split?: RegExp;
}

export interface RegionFieldSpec {
  /** English field name (JSON key, CSV header with --header en). */
  name: string;
  /** Japanese column title. */
  title: string;
  /** The printed label. For place "label", its first group (if any) is the value. */
  label: RegExp;
  /** Where to look for the value, in order; the first place with text wins. Default rest, right, below. */
  at?: RegionPlace[];
  kind: RegionValueKind;
  list?: RegionListSpec;
  /** A regular expression the value's text must match; its first group (or whole match) is the value. */
  pick?: RegExp;
  /** Missing → a warning naming it (the record is still made). */
  required?: boolean;
  unit?: string;
  /** For place "zone": the part of the page, as fractions of its width and height (0 = left / top). */
  zone?: { x0: number; x1: number; y0: number; y1: number };
  /** For kind "facts": which kinds of fact to keep. */
  facts?: ("amount" | "cap" | "rate")[];
}

/** A repeated block on a page (e.g. each partner box): found by an anchor line, named by the line above it. */
export interface RegionGroupSpec {
  name: string;
  title: string;
  /** The line that marks each block (e.g. ＜連携できる主な支援＞). */
  anchor: RegExp;
  /** The block's items under the anchor in the same box. */
  list: RegionListSpec;
}

export interface RegionSpec {
  name: string;
  description: string;
  /** Phrases of the family's first pages and their weights (summed, capped at 1). */
  recognise: [string, number][];
  /** A page gives a record only when the labels of all these fields are on it. */
  pageRequires: string[];
  fields: RegionFieldSpec[];
  groups?: RegionGroupSpec[];
  /** Printed words that are no field's label but end a value above them (a tag such as 企業向け). */
  stops?: RegExp[];
  /** The document's date: the latest date printed on its first `pages` pages (a cover's 令和5年12月). */
  documentDate?: { pages: number };
  /** The checks a family asks for, any of the registry's (src/checks/); each finding has the page and the box of the value. */
  checks: CheckSpec[];
  /** Name of the record table (CSV name). */
  table: { name: string; title: string };
}

/** A value with its evidence: where it is printed and as what. */
export interface Sourced<T> {
  value: T;
  /** The printed text the value was read from. */
  raw: string;
  page: number;
  box: Box;
  /** Problems the normalisation had (an unreadable number, a date that is no date). */
  problems?: { severity: "error" | "warning" | "info"; rule: string; message: string }[];
}

export interface ListItem {
  text: string;
  /** The item ended with 等 (taken off the text). */
  etc?: boolean;
}

export interface ListValue {
  items: ListItem[];
  /** Some item ended with 等. */
  etc: boolean;
}

export interface DateField {
  iso: string;
  era?: string;
  eraYear?: number;
}

export interface RegionName {
  prefecture: string | null;
  name: string;
  municipalities: { name: string; code: string | null }[];
}

export interface ContactsValue {
  /** Offices as printed, one a line (enumerators such as （１） taken off). */
  offices: string[];
  phones: string[];
}

export interface FactValue {
  kind: string;
  text: string;
  value: unknown;
}

export interface GroupValue {
  name: string;
  items: ListItem[];
  etc: boolean;
  page: number;
  box: Box;
}

/** One page's record. */
export interface RegionRecord {
  page: number;
  fields: Record<string, Sourced<unknown> | null>;
  groups: Record<string, GroupValue[]>;
}
