/**
 * Checks of each record's values: required fields, ranges, whole numbers, allowed
 * values, dates not after the document's, municipalities with a code. Unlike the row
 * rules, each value checked gives a finding of its own, passing or not, at the value's
 * place (its page and box) and with its text as printed.
 */
import type { Check } from "../model/finding.js";
import type { FieldCheckSpec, FieldRule } from "./specs.js";
import type { CheckedRow, TableFacts } from "./table.js";

type FieldFn<R extends FieldRule> = (spec: Extract<FieldCheckSpec, { rule: R }>, facts: TableFacts) => Check[];

/** A field's value, when the record has one (a value is present when its place is known). */
const valueOf = (r: CheckedRow, name: string): { value: unknown; raw: string } | null =>
  name in r.places ? { value: r.record[name], raw: r.raw?.[name] ?? String(r.record[name]) } : null;
/** Where a finding about a record's field is: the record's page, the value's box. */
const at = (r: CheckedRow, name: string | null) => ({ page: r.place.page, ...(name !== null && r.places[name]?.box ? { box: r.places[name]!.box } : {}), ...(r.key !== null ? { record: r.key } : {}) });
const titleOf = (facts: TableFacts, name: string) => facts.titles[name] ?? name;

/** The rules over each record's values, by their id. */
export const FIELD_RULES: { [R in FieldRule]: FieldFn<R> } = {
  required: (_spec, facts) => {
    const out: Check[] = [];
    for (const r of facts.rows) {
      for (const f of facts.required ?? []) {
        const ok = r.record[f.name] != null;
        out.push({ rule: "region/required", ok, severity: "warning", message: ok ? `${f.title} is printed` : `page ${r.place.page}: ${f.title} (${f.name}) not found`, column: f.name, ...at(r, null) });
      }
    }
    return out;
  },

  range: (spec, facts) =>
    facts.rows.flatMap((r) =>
      spec.fields.flatMap((name) => {
        const s = valueOf(r, name);
        if (typeof s?.value !== "number") return [];
        const ok = s.value >= spec.min && s.value <= spec.max;
        const title = titleOf(facts, name);
        return [{ rule: "region/range", ok, severity: "error", message: ok ? `${title} ${s.value} within ${spec.min}–${spec.max}` : `page ${r.place.page}: ${title} ${s.value} (${s.raw}) is outside ${spec.min}–${spec.max}`, column: name, printed: s.raw, ...at(r, name) }];
      }),
    ),

  "positive-integer": (spec, facts) =>
    facts.rows.flatMap((r) =>
      spec.fields.flatMap((name) => {
        const s = valueOf(r, name);
        if (s == null) return [];
        const ok = typeof s.value === "number" && Number.isInteger(s.value) && s.value > 0;
        const title = titleOf(facts, name);
        return [{ rule: "region/positive-integer", ok, severity: "error", message: ok ? `${title} ${s.value}` : `page ${r.place.page}: ${title} "${s.raw}" is not a positive whole number`, column: name, printed: s.raw, ...at(r, name) }];
      }),
    ),

  "date-not-after-document": (spec, facts) => {
    const documentDate = facts.documentDate ?? null;
    return facts.rows.flatMap((r) =>
      spec.fields.flatMap((name) => {
        const s = valueOf(r, name) as { value: { iso: string }; raw: string } | null;
        if (s == null) return [];
        const ok = documentDate === null || s.value.iso.slice(0, documentDate.iso.length) <= documentDate.iso;
        const title = titleOf(facts, name);
        return [{ rule: "region/date-after-document", ok, severity: "error", message: ok ? `${title} ${s.value.iso}` : `page ${r.place.page}: ${title} ${s.raw} (${s.value.iso}) is after the document's date ${documentDate!.iso}`, column: name, printed: s.raw, ...at(r, name) }];
      }),
    );
  },

  "one-of": (spec, facts) =>
    facts.rows.flatMap((r) => {
      const s = valueOf(r, spec.field);
      if (s == null) return [];
      const ok = spec.values.includes(String(s.value));
      const title = titleOf(facts, spec.field);
      return [{ rule: "region/one-of", ok, severity: "error", message: ok ? `${title} ${s.value}` : `page ${r.place.page}: ${title} "${s.raw}" is not one of ${spec.values.join(", ")}`, column: spec.field, printed: s.raw, ...at(r, spec.field) }];
    }),

  municipality: (spec, facts) =>
    facts.rows.flatMap((r) => {
      const s = valueOf(r, spec.field) as { value: { municipalities: { name: string; code: string | null }[] }; raw: string } | null;
      if (s == null) return [];
      const out: Check[] = [];
      if (s.value.municipalities.length === 0) {
        out.push({ rule: "region/municipality", ok: false, severity: "warning", message: `page ${r.place.page}: no municipality named in "${s.raw}"`, column: spec.field, printed: s.raw, ...at(r, spec.field) });
      }
      for (const m of s.value.municipalities) {
        const ok = m.code !== null;
        out.push({ rule: "region/municipality", ok, severity: "warning", message: ok ? `${m.name} ${m.code}` : `page ${r.place.page}: ${m.name} is not in the code list (全国地方公共団体コード)`, column: spec.field, printed: m.name, ...at(r, spec.field) });
      }
      return out;
    }),
};
