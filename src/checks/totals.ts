/**
 * The printed totals' rules in the registry: totals/rows, totals/scope, totals/formula,
 * totals/limit, totals/level and totals/columns, read off a table as the table stage
 * gives it (its grid: cells, header rows, columns). What each rule holds, and how a
 * total's rows, formula or limit are found, is src/table/totals.ts (checkTotals); here
 * they are named by id and run:
 *
 * - `kohyo tables` and the review page run every one of them on every table (totalChecks);
 * - a spec names the ones it wants (`checks: [{ rule: "totals/rows" }]`); its table
 *   reader gives the grid its records were read from (TableFacts.grid), and each printed
 *   total of that rule becomes one finding, passing or not, at the total's page and box.
 */
import type { Check } from "../model/finding.js";
import type { Table } from "../table/stitch.js";
import { checkTotals, type TotalCheck, type TotalRule } from "../table/totals.js";
import type { TableFacts } from "./table.js";

export type { Term, TotalCheck, TotalRule } from "../table/totals.js";

/** Every totals rule, as `kohyo tables` runs them. */
export const TOTAL_RULE_IDS: readonly TotalRule[] = ["totals/rows", "totals/scope", "totals/formula", "totals/limit", "totals/level", "totals/columns"];

/** A table's printed totals checked by the rules given (all by default), in the order of their rows. */
export function totalChecks(table: Table, rules: readonly TotalRule[] = TOTAL_RULE_IDS): TotalCheck[] {
  const all = checkTotals(table);
  return TOTAL_RULE_IDS.every((r) => rules.includes(r)) ? all : all.filter((c) => rules.includes(c.rule));
}

const en = (n: number) => n.toLocaleString("en");

/** What a printed total's check says, for people: `p003-t01: 合計 of 事業額 prints 477,289, the 19 rows it closes sum to 477,289: holds`. */
export function totalMessage(table: string, c: TotalCheck): string {
  const how = c.formula ? `${c.formula} gives` : `the ${c.rows} rows it closes sum to`;
  const verdict = c.ok ? "holds" : `does not hold (difference ${en(c.difference)})`;
  return `${table}: ${c.label} of ${c.column || "the column"} prints ${en(c.printed)}, ${how} ${en(c.sum)}: ${verdict}`;
}

/**
 * A printed total's check as a finding of a record table (report.json's checks). A
 * passing one keeps the severity it would fail with, as every Check does (tables.json's
 * totals say "info" there): error.
 */
export function totalFinding(table: string, c: TotalCheck): Check {
  return {
    rule: c.rule,
    ok: c.ok,
    severity: c.ok ? "error" : c.severity,
    message: totalMessage(table, c),
    table,
    column: c.column,
    printed: c.printed,
    sum: c.sum,
    difference: c.difference,
    page: c.page,
    box: c.box,
  };
}

/**
 * A totals rule named by a spec, on one table of records: a finding for each printed
 * total of that rule; a warning when the table prints none (or its reader gives no grid).
 */
function totalsRule(rule: TotalRule) {
  return (_spec: { rule: TotalRule }, facts: TableFacts): Check[] => {
    const checks = facts.grid ? totalChecks(facts.grid, [rule]) : [];
    if (checks.length) return checks.map((c) => totalFinding(facts.name, c));
    const why = facts.grid ? "prints no total this rule checks" : "was not read as a grid of cells (only a table reader gives one)";
    return [{ rule, ok: false, severity: "warning", table: facts.name, message: `${facts.name}: ${rule} not checked: the table ${why}` }];
  };
}

/** The totals rules by their id. */
export const TOTAL_RULES = Object.fromEntries(TOTAL_RULE_IDS.map((r) => [r, totalsRule(r)])) as { [R in TotalRule]: ReturnType<typeof totalsRule> };
