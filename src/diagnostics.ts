import type { Box } from "./pdf/types.js";

/** How bad a finding is. `error` fails a check; `warning` and `info` never do. */
export type Severity = "error" | "warning" | "info";

/**
 * A finding that knows where it is: the rule that produced it (`pdf/page-no-text`,
 * `totals/column-sum`), a message for people, and the place in the PDF.
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable id of the check or stage, `stage/what`. */
  rule: string;
  message: string;
  file?: string;
  /** 1-based page number. */
  page?: number;
  box?: Box;
  row?: number;
  column?: string;
  actual?: unknown;
  expected?: unknown;
}
