/**
 * Checks over a table's rows: printed totals, row sums and differences, ratios,
 * sequences, field rules, the record schema. A rule that holds everywhere gives one
 * passing check (so the report lists every check made); each place where it does not
 * hold gives one failing check with its page and box.
 */
import type { ZodType } from "zod";
import type { Check, Severity } from "../model/finding.js";
import type { RowCheckSpec as CheckSpec, RowRule } from "./specs.js";
import { type CheckedRow, getPath, type Place, type TableFacts } from "./table.js";
import { pushAll } from "../bounded.js";

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? "none" : n.toLocaleString("en-US"));

type CheckFn<R extends CheckSpec["rule"]> = (spec: Extract<CheckSpec, { rule: R }>, facts: TableFacts) => Check[];

/** The rules over a table's rows, by their id. */
export const ROW_RULES: { [R in RowRule]: CheckFn<R> } = {
  "total/sum": (spec, facts) => {
    if (!facts.totals) {
      return [{ rule: "total/sum", ok: false, severity: "warning", message: `${facts.name}: no total row (合計) printed; the columns could not be checked` }];
    }
    return spec.fields.map((path) => {
      const title = facts.titles[path] ?? path;
      const printed = facts.totals!.get(path);
      const values = facts.rows.map((r) => num(getPath(r.record, path)));
      const sum = values.reduce<number>((s, v) => s + (v ?? 0), 0);
      if (!printed || printed.value === null) {
        return { rule: "total/sum", ok: false, severity: "warning", column: title, sum, message: `${facts.name}: ${facts.totalLabel} prints no value for ${title}` };
      }
      const difference = printed.value - sum;
      const ok = difference === 0;
      const unit = facts.yenFields.has(path) ? " yen" : "";
      return {
        rule: "total/sum",
        ok,
        severity: "error" as Severity,
        column: title,
        printed: printed.value,
        sum,
        difference,
        page: printed.place.page,
        box: printed.place.box,
        message: ok
          ? `${facts.name}: ${title} sums to the printed ${facts.totalLabel} ${fmt(sum)}${unit} (${values.filter((v) => v !== null).length} values)`
          : `${facts.name}: ${facts.totalLabel} of ${title} prints ${printed.text} = ${fmt(printed.value)}${unit}, the rows sum to ${fmt(sum)}${unit} (difference ${fmt(difference)})`,
      };
    });
  },

  "not-greater": (spec, facts) => {
    const [f, t] = [facts.titles[spec.field] ?? spec.field, facts.titles[spec.than] ?? spec.than];
    const out: Check[] = [];
    for (const r of facts.rows) {
      const a = num(getPath(r.record, spec.field));
      const b = num(getPath(r.record, spec.than));
      if (a !== null && b !== null && a > b) {
        out.push(failAt("not-greater", "error", r, spec.field, f, `${facts.name} ${r.key}: ${f} ${fmt(a)} is more than ${t} ${fmt(b)}`, { printed: a }));
      }
    }
    return orPass(out, "not-greater", `${facts.name}: ${f} ≤ ${t} on every row`);
  },

  "row/difference": (spec, facts) => {
    const [f, a, b] = [spec.field, spec.minuend, spec.subtrahend].map((x) => facts.titles[x] ?? x) as [string, string, string];
    const out: Check[] = [];
    let checked = 0;
    for (const r of facts.rows) {
      const value = num(getPath(r.record, spec.field));
      const minuend = num(getPath(r.record, spec.minuend));
      const subtrahend = num(getPath(r.record, spec.subtrahend));
      if (value === null || minuend === null || subtrahend === null) continue;
      checked++;
      const expected = minuend - subtrahend;
      if (value !== expected) {
        const message = `${facts.name} ${r.key}: ${f} prints ${fmt(value)}, ${a} − ${b} is ${fmt(minuend)} − ${fmt(subtrahend)} = ${fmt(expected)} (difference ${fmt(value - expected)})`;
        out.push(failAt("row/difference", "error", r, spec.field, f, message, { printed: value, sum: expected, difference: value - expected }));
      }
    }
    return orPass(out, "row/difference", `${facts.name}: ${f} = ${a} − ${b} on every row (${checked} rows)`);
  },

  "row/sum": (spec, facts) => {
    const f = facts.titles[spec.field] ?? spec.field;
    const parts = spec.of.map((x) => facts.titles[x] ?? x).join(" + ");
    const out: Check[] = [];
    let checked = 0;
    for (const r of facts.rows) {
      const value = num(getPath(r.record, spec.field));
      if (value === null) continue;
      const values = spec.of.map((x) => num(getPath(r.record, x)));
      if (values.every((v) => v === null)) continue;
      checked++;
      const sum = values.reduce<number>((t, v) => t + (v ?? 0), 0);
      if (value !== sum) {
        const message = `${facts.name} ${r.key}: ${f} prints ${fmt(value)}, ${parts} sum to ${fmt(sum)} (difference ${fmt(value - sum)})`;
        out.push(failAt("row/sum", "error", r, spec.field, f, message, { printed: value, sum, difference: value - sum }));
      }
    }
    return orPass(out, "row/sum", `${facts.name}: ${f} = ${parts} on every row (${checked} rows)`);
  },

  ratio: (spec, facts) => {
    const ratio = spec.ratio[facts.name];
    if (!ratio) return [];
    const [n, d] = ratio;
    const round = Math[spec.rounding];
    const m = facts.yenFields.has(spec.field) ? facts.amountMultiplier : 1;
    const [f, o] = [facts.titles[spec.field] ?? spec.field, facts.titles[spec.of] ?? spec.of];
    const out: Check[] = [];
    for (const r of facts.rows) {
      const value = num(getPath(r.record, spec.field));
      const base = num(getPath(r.record, spec.of));
      if (value === null || base === null) continue;
      // Rounded in the printed unit (千円), as the form is filled in.
      const expected = round(((base / m) * n) / d) * m;
      if (expected !== value) {
        const message = `${facts.name} ${r.key}: ${f} ${fmt(value)} is not ${n}/${d} of ${o} ${fmt(base)} (${spec.rounding}: ${fmt(expected)})`;
        out.push(failAt("ratio", "warning", r, spec.field, f, message, { printed: value, sum: expected, difference: value - expected }));
      }
    }
    return orPass(out, "ratio", `${facts.name}: ${f} = ${n}/${d} × ${o} (rounded ${spec.rounding === "ceil" ? "up" : spec.rounding}) on every row`, "warning");
  },

  sequence: (spec, facts) => {
    const title = facts.titles[spec.field] ?? spec.field;
    const out: Check[] = [];
    let previous = 0;
    for (const r of facts.rows) {
      const k = num(getPath(r.record, spec.field));
      if (k !== previous + 1) {
        const message = `${facts.name}: after ${previous} comes ${k ?? "no number"}, expected ${previous + 1} (${title} runs 1…n without gaps or repeats)`;
        out.push(failAt("sequence", "error", r, spec.field, title, message, { printed: k, sum: previous + 1 }));
      }
      previous = k ?? previous + 1;
    }
    return orPass(out, "sequence", `${facts.name}: ${title} runs 1…${facts.rows.length}`);
  },

  exclusive: (spec, facts) => {
    const title = facts.titles[spec.field] ?? spec.field;
    const out: Check[] = [];
    for (const r of facts.rows) {
      const v = getPath(r.record, spec.field);
      const rule = typeof v === "string" ? spec.cases[v] : undefined;
      if (!rule) continue;
      const filled = (p: string) => getPath(r.record, p) !== null && getPath(r.record, p) !== undefined;
      const problems: string[] = [];
      if (!rule.present.some(filled)) problems.push(`none of ${rule.present.map((p) => facts.titles[p] ?? p).join(" / ")} is filled`);
      const extra = rule.absent.filter(filled);
      if (extra.length) problems.push(`${extra.map((p) => facts.titles[p] ?? p).join(" / ")} should be －`);
      if (problems.length) out.push(failAt("exclusive", "error", r, spec.field, title, `${facts.name} ${r.key}: a ${v} row: ${problems.join("; ")}`));
    }
    return orPass(out, "exclusive", `${facts.name}: every row carries the targets of its ${title}`);
  },

  "in-fiscal-year": (spec, facts) => {
    const fy = facts.fiscalYear;
    const title = facts.titles[spec.field] ?? spec.field;
    if (!fy) return [{ rule: "in-fiscal-year", ok: false, severity: "warning", column: title, message: `${facts.name}: the title names no fiscal year (年度) to check ${title} against` }];
    const out: Check[] = [];
    for (const r of facts.rows) {
      const v = getPath(r.record, spec.field);
      if (typeof v !== "string") continue;
      // A month-precision date ("2023-04") is inside when its month is.
      const inside = v >= fy.start.slice(0, v.length) && v <= fy.end.slice(0, v.length);
      if (!inside) {
        const message = `${facts.name} ${r.key}: ${title} ${v} is outside fiscal year ${fy.year} (${fy.start} – ${fy.end})`;
        out.push(failAt("in-fiscal-year", "error", r, spec.field, title, message, { printed: v }));
      }
    }
    return orPass(out, "in-fiscal-year", `${facts.name}: every ${title} falls in fiscal year ${fy.year} (${fy.start} – ${fy.end})`);
  },

  "municipality-code": (spec, facts) => {
    const title = facts.titles[spec.field] ?? spec.field;
    const out: Check[] = [];
    for (const r of facts.rows) {
      const m = getPath(r.record, spec.field) as { name?: string; code?: string | null } | null;
      if (m?.code) continue;
      const message = `${facts.name} ${r.key}: ${title} "${m?.name ?? ""}" does not resolve to a municipality code`;
      out.push(failAt("municipality-code", "error", r, spec.field, title, message, { printed: m?.name ?? null }));
    }
    return orPass(out, "municipality-code", `${facts.name}: every ${title} resolves to a 全国地方公共団体コード`);
  },
};

/** Every record against the record schema (its failures, or one passing check). */
export function schemaChecks(schema: ZodType, facts: TableFacts): Check[] {
  const out: Check[] = [];
  for (const r of facts.rows) {
    const result = schema.safeParse(r.record);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      out.push(failAt("schema", "error", r, path, facts.titles[path] ?? path, `${facts.name} ${r.key}: ${path}: ${issue.message}`));
    }
  }
  return orPass(out, "schema", `${facts.name}: all ${facts.rows.length} records pass the schema`);
}

/** A failing check about one row's field, placed at the cell that printed it. */
export function failAt(
  rule: string,
  severity: Severity,
  r: CheckedRow,
  path: string,
  column: string,
  message: string,
  values: Pick<Check, "printed" | "sum" | "difference"> = {},
): Check {
  return { rule, ok: false, severity, column, record: r.key ?? undefined, ...values, ...at(r, path), message };
}

/** The failures found, or one passing check that says the rule held everywhere. */
export function orPass(failures: Check[], rule: string, message: string, severity: Severity = "error"): Check[] {
  return failures.length ? failures : [pass(rule, message, severity)];
}

function pass(rule: string, message: string, severity: Severity = "error"): Check {
  return { rule, ok: true, severity, message };
}

/** The page and box of a row's field (its cell), or of the row. */
function at(r: CheckedRow, path: string): Place {
  const top = path.split(".")[0]!;
  return r.places[path] ?? r.places[top] ?? r.place;
}
