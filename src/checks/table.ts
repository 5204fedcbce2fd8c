/**
 * What every check is run on: a table of records, each with where it and each of its
 * values were printed, and what the table says of itself (its printed total row, its
 * fiscal year, its unit). The table reader and the page-region reader both give their
 * records to the checks in this form, so a check serves every reader.
 */
import type { Box } from "../model/page.js";
import type { Table } from "../table/stitch.js";

/** Where a value was printed. A record read from a page's regions has a page but no box of its own. */
export interface Place {
  page: number;
  box?: Box;
}

/** A record with what the checks need to know about where it came from. */
export interface CheckedRow {
  key: number | string | null;
  record: Record<string, unknown>;
  place: Place;
  /** Where each field's value was printed, by field path. */
  places: Record<string, Place>;
  /** Each field's text as printed, by field path, when the reader keeps it (a region's values, a table's cells). */
  raw?: Record<string, string>;
}

export interface TableFacts {
  name: string;
  rows: CheckedRow[];
  /** The printed total row's values by field path, when the table has one. */
  totals: Map<string, { value: number | null; text: string; place: Place }> | null;
  totalLabel: string | null;
  fiscalYear: { year: number; start: string; end: string } | null;
  /** Yen per printed unit of amounts (1000 for 千円). */
  amountMultiplier: number;
  /** Field path → column title, for messages. */
  titles: Record<string, string>;
  /** Field paths whose values are yen. */
  yenFields: Set<string>;
  /** Fields every record should have (their path and title), for `required`. */
  required?: { name: string; title: string }[];
  /** The document's own date (a cover's 令和5年12月), for `date-not-after-document`. */
  documentDate?: { iso: string } | null;
  /** The table as the table stage read it (cells, header rows, total rows), for the totals rules; the table reader gives it. */
  grid?: Table;
}

export function getPath(record: Record<string, unknown>, path: string): unknown {
  let v: unknown = record;
  for (const part of path.split(".")) v = v === null || typeof v !== "object" ? undefined : (v as Record<string, unknown>)[part];
  return v;
}
