/**
 * The one registry of checks: rule id → the function that gives its findings (one
 * finding type, Check in src/model/finding.ts). A spec (pipelines/<family>.ts) names the
 * checks it wants by id, with their options; its reader gives them what they read and
 * runs them from here. The rules by what they read:
 *
 * - a table of records (./table.ts), as the table reader and the page-region reader both
 *   give theirs: CHECKS — row rules (rows.ts: totals, row sums and differences, ratios,
 *   sequences …) and value rules (fields.ts: required, ranges, allowed values …), their
 *   options in specs.ts; and the printed totals of the grid the records were read from
 *   (totals.ts: totals/rows, totals/scope, totals/formula, totals/limit, totals/level,
 *   totals/columns — what `kohyo tables` checks on every table, through totalChecks);
 *   and date/weekday on the dates the records' values print (dates.ts);
 * - a document's own structure (./document.ts): DOCUMENT_CHECKS — its contents' page
 *   ranges and the pages they name (contents.ts), printed weekdays (dates.ts), stated
 *   counts (counts.ts);
 * - a budget's ledger (src/model/ledger.ts): BUDGET_RULES (budget.ts).
 *
 * To add a check: its function to the file of its kind, its id (and options) beside the
 * others of that kind; every spec whose reader gives that input can then name it.
 */
import type { ZodType } from "zod";
import type { Check } from "../model/finding.js";
import { CONTENTS_RULES } from "./contents.js";
import { COUNT_RULES } from "./counts.js";
import { DATE_RULES, TABLE_DATE_RULES } from "./dates.js";
import type { DocumentFacts } from "./document.js";
import { FIELD_RULES } from "./fields.js";
import { ROW_RULES, schemaChecks } from "./rows.js";
import type { CheckSpec } from "./specs.js";
import type { TableFacts } from "./table.js";
import { TOTAL_RULES } from "./totals.js";
import { pushAll } from "../bounded.js";

export type { CheckSpec, DateCheckSpec, FieldCheckSpec, RowCheckSpec, TotalsCheckSpec } from "./specs.js";
export { TOTAL_RULE_IDS, totalChecks, totalFinding, totalMessage, type Term, type TotalCheck, type TotalRule } from "./totals.js";
export { type CheckedRow, getPath, type Place, type TableFacts } from "./table.js";
export { BUDGET_RULES, type BudgetRule, type BudgetSpec, type CheckGroups, ledgerChecks } from "./budget.js";
export type { ContentsEntry, ContentsPage, DatedText, DocumentFacts, PageMap, TextPage } from "./document.js";

type Run = (spec: CheckSpec, facts: TableFacts) => Check[];

/** Every rule over a table of records a spec can name, by its id. */
export const CHECKS: Readonly<Record<CheckSpec["rule"], Run>> = { ...ROW_RULES, ...FIELD_RULES, ...TOTAL_RULES, ...TABLE_DATE_RULES } as Record<CheckSpec["rule"], Run>;

/** Every rule over a document's own structure a spec can name, by its id (no options). */
export const DOCUMENT_CHECKS: Readonly<Record<DocumentRule, (facts: DocumentFacts) => Check[]>> = { ...CONTENTS_RULES, ...DATE_RULES, ...COUNT_RULES };
export type DocumentRule = keyof typeof CONTENTS_RULES | keyof typeof DATE_RULES | keyof typeof COUNT_RULES;

/** The checks a spec names, in its order, on one table; then the record schema, when there is one. */
export function runChecks(specs: readonly CheckSpec[], facts: TableFacts, schema?: ZodType): Check[] {
  const out: Check[] = [];
  for (const spec of specs) pushAll(out, CHECKS[spec.rule](spec, facts));
  if (schema) pushAll(out, schemaChecks(schema, facts));
  return out;
}
