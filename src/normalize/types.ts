/**
 * Shared result types for the normalisers in `src/normalize/`.
 *
 * Every normaliser is a pure function that never throws: it returns the value
 * it could read (or `null`), the raw text exactly as given, and the problems
 * it found on the way.
 */

import type { Finding, Severity } from "../model/finding.js";

export type { Severity };

/**
 * One finding about a raw value, e.g.
 * `{ severity: "warning", rule: "date/weekday-mismatch", message: "…" }`.
 * Rule ids are `area/what` (`number/…`, `amount/…`, `date/…`,
 * `fiscal-year/…`, `municipality/…`, `contact/…`, `org/…`).
 */
export type Problem = Pick<Finding, "severity" | "rule" | "message">;

/** The common shape of every normaliser's result. */
export interface Normalized<T> {
  /** The normalised value, or `null` when there is none or it could not be read. */
  value: T | null;
  /** The input text, unchanged. */
  raw: string;
  problems: Problem[];
}

/** A bound written after a number: 以上 (gte), 以下 / 以内 (lte), 未満 (lt), 超 (gt). */
export type Bound = "gte" | "lte" | "lt" | "gt";
