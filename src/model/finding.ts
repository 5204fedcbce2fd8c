import type { Box } from "./page.js";

/** How bad a finding is. `error` fails a check; `warning` and `info` never do. */
export type Severity = "error" | "warning" | "info";

/**
 * What every check and diagnostic of kohyo says: the rule that produced it
 * (`pdf/page-no-text`, `totals/rows`, `date/weekday-mismatch`), how bad it is, a
 * message for people, and as much of the place as is known — page and box in the PDF,
 * the table, row and column — with what was found (`actual`) against what was
 * expected. A check also says whether it passed (`ok`); a passing check keeps the
 * severity it would fail with. The richer results (a printed total with its terms, a
 * record table's check with its record) are this type with fields of their own.
 */
export interface Finding {
  severity: Severity;
  /** Stable id of the check or stage, `area/what`. */
  rule: string;
  message: string;
  /** For a check: whether it passed. Absent on a diagnostic, which is never "passed". */
  ok?: boolean;
  file?: string;
  /** 1-based page number. */
  page?: number;
  box?: Box;
  /** The table the finding is about (its name or id). */
  table?: string;
  row?: number;
  column?: string;
  actual?: unknown;
  expected?: unknown;
}

/** A finding about the document or one of its pages (a stage's, not a check's): no `ok`. */
export type Diagnostic = Finding;

/**
 * One check of the document against itself (a printed total, a rule, a schema): a
 * finding that always says whether it passed, with the printed value, what the rows
 * sum to and the record it is about under the names report.json has always used.
 */
export interface Check extends Finding {
  /** Stable rule id, e.g. "total/sum", "subsidy/ratio", "no/sequence", "toc/tiling". */
  rule: string;
  ok: boolean;
  printed?: number | string | null;
  sum?: number | null;
  difference?: number | null;
  /** The record the check is about (its key, e.g. 整理番号), when there is one. */
  record?: number | string;
  page?: number;
  box?: Box;
}
