/**
 * One cell → one field value, by the field's kind, with the normaliser's problems.
 * Pure: the engine decides which cell a field reads and what a merged cell means.
 */
import { parseAmount } from "../normalize/amounts.js";
import { parseContact } from "../normalize/contact.js";
import { lookupMunicipality } from "../normalize/municipality.js";
import { parseNumber } from "../normalize/numbers.js";
import type { Problem } from "../normalize/types.js";
import { parseDate } from "../normalize/wareki.js";
import { stripSpaces as squeeze } from "../normalize/width.js";
import type { FieldSpec } from "./spec.js";

export interface ReadContext {
  /** The table's yen unit for bare amounts (千円 from （単位：千円、人）). */
  amountUnit: string | undefined;
  /** The fiscal year of the table's title, for year-less dates. */
  fiscalYear: number | null;
}

export interface Municipal {
  name: string;
  code: string | null;
}

export interface ContactValue {
  departments: string[];
  phone: string | null;
  extension: string | null;
  note: string | null;
}

export interface ReadValue {
  value: unknown;
  problems: Problem[];
}

/** The value of `field` in a cell whose printed lines are `lines` (empty for an empty cell). */
export function readCell(field: FieldSpec, lines: readonly string[], text: string, ctx: ReadContext): ReadValue {
  const empty = squeeze(text) === "";
  switch (field.kind) {
    case "text":
      return { value: empty ? null : text.trim(), problems: [] };
    case "enum": {
      if (empty) return { value: null, problems: [] };
      const value = squeeze(text);
      const known = field.values ?? [];
      return known.includes(value)
        ? { value, problems: [] }
        : { value, problems: [{ severity: "error", rule: "value/not-allowed", message: `"${value}" is not one of ${known.join(", ")}` }] };
    }
    case "integer":
    case "count": {
      if (empty) return { value: null, problems: [] };
      const n = parseNumber(text);
      const problems = [...n.problems];
      if (n.value !== null && !Number.isInteger(n.value)) {
        problems.push({ severity: "error", rule: "value/not-integer", message: `"${text}" is not a whole number` });
      }
      if (n.value === null && !n.none && !problems.some((p) => p.severity === "error")) {
        problems.push({ severity: "error", rule: "value/unreadable", message: `no number in "${text}"` });
      }
      return { value: n.value, problems };
    }
    case "amount": {
      if (empty) return { value: null, problems: [] };
      const a = parseAmount(text, ctx.amountUnit === undefined ? {} : { unit: ctx.amountUnit });
      return { value: a.value, problems: a.problems };
    }
    case "date": {
      if (empty) return { value: null, problems: [] };
      const d = parseDate(text, ctx.fiscalYear === null ? {} : { context: { fiscalYear: ctx.fiscalYear } });
      return { value: d.value?.iso ?? null, problems: d.problems };
    }
    case "municipality": {
      if (empty) return { value: null, problems: [] };
      const name = squeeze(text);
      const m = lookupMunicipality(name, field.prefecture === undefined ? {} : { prefecture: field.prefecture });
      const value: Municipal = { name, code: m.value?.code ?? null };
      return { value, problems: m.problems };
    }
    case "contact": {
      const c = parseContact(lines.join("\n"));
      const phone = c.value?.phones[0];
      const value: ContactValue = {
        departments: c.value?.departments.map((d) => d.name) ?? [],
        phone: phone?.number ?? null,
        extension: phone?.extension ?? null,
        note: phone?.label ?? null,
      };
      return { value, problems: c.problems };
    }
  }
}
