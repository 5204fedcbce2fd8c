/**
 * A region spec (pipelines/<family>.ts) as a pipeline: pages stream through the region
 * reader one at a time (src/pipeline/region.ts); each page of the family gives one record;
 * the document's date comes from its first pages; then the spec's checks run on every
 * record, each finding with the page and box of the value it is about.
 */
import { readDate } from "./regionValues.js";
import { type PageBoxes, pageBoxes, readRegionPage } from "./region.js";
import type { ContactsValue, DateField, FactValue, GroupValue, ListValue, RegionName, RegionRecord, RegionSpec, Sourced } from "./regionSpec.js";
import type { Assembler, Check, Column, FieldType, PageAnalysisBase, Pipeline, RecordTable } from "./types.js";
import type { Diagnostic } from "../model/finding.js";
import type { Page } from "../model/page.js";
import { phraseRecognition } from "./recognition.js";
import { type CheckedRow, runChecks, type TableFacts } from "../checks/index.js";

const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** The latest date printed on a page (a cover's 令和5年12月), or null. */
export function latestDate(page: Page, boxes: PageBoxes = pageBoxes(page)): DateField | null {
  let best: DateField | null = null;
  for (const line of boxes.lines) {
    const d = readDate(line.text).value;
    if (d && (!best || d.iso > best.iso)) best = d;
  }
  return best;
}

/** The flat record of the CSV: one column per field (lists joined by ／), then the page. */
export function regionColumns(spec: RegionSpec): Column<RegionRecord>[] {
  const v = (r: RegionRecord, name: string) => r.fields[name]?.value;
  const cols: Column<RegionRecord>[] = [];
  for (const f of spec.fields) {
    switch (f.kind) {
      case "region":
        cols.push(
          { name: `${f.name}.prefecture`, title: `${f.title}（都道府県）`, type: "string", value: (r) => (v(r, f.name) as RegionName | undefined)?.prefecture ?? null },
          { name: `${f.name}.name`, title: f.title, type: "string", value: (r) => (v(r, f.name) as RegionName | undefined)?.name ?? null },
          { name: `${f.name}.municipalities`, title: `${f.title}（構成市町村）`, type: "string", description: "member municipalities, separated by ／", value: (r) => (v(r, f.name) as RegionName | undefined)?.municipalities.map((m) => m.name).join("／") || null },
          { name: `${f.name}.codes`, title: `${f.title}（全国地方公共団体コード）`, type: "string", description: "全国地方公共団体コード of the members, separated by ／", value: (r) => (v(r, f.name) as RegionName | undefined)?.municipalities.map((m) => m.code ?? "").join("／") || null },
        );
        break;
      case "date":
        cols.push(
          { name: f.name, title: f.title, type: "date", description: "ISO 8601 (西暦)", value: (r) => (v(r, f.name) as DateField | undefined)?.iso ?? null },
          { name: `${f.name}.wareki`, title: `${f.title}（和暦）`, type: "string", value: (r) => r.fields[f.name]?.raw ?? null },
        );
        break;
      case "list":
        cols.push(
          { name: f.name, title: f.title, type: "string", description: "items separated by ／", value: (r) => (v(r, f.name) as ListValue | undefined)?.items.map((i) => i.text).join("／") || null },
          { name: `${f.name}.etc`, title: `${f.title}（等）`, type: "boolean", description: "the list ends with 等 (more than listed)", value: (r) => (v(r, f.name) as ListValue | undefined)?.etc ?? null },
        );
        break;
      case "contacts":
        cols.push(
          { name: `${f.name}.offices`, title: `${f.title}（部局）`, type: "string", description: "offices as printed, separated by ／", value: (r) => (v(r, f.name) as ContactsValue | undefined)?.offices.join("／") || null },
          { name: `${f.name}.phones`, title: `${f.title}（電話）`, type: "string", description: "phone numbers as printed, separated by ／", value: (r) => (v(r, f.name) as ContactsValue | undefined)?.phones.join("／") || null },
        );
        break;
      case "facts":
        cols.push({ name: f.name, title: f.title, type: "string", description: "the amounts, caps and rates as printed, separated by ／", value: (r) => ((v(r, f.name) as FactValue[] | undefined) ?? []).map((x) => x.text).join("／") || null });
        break;
      case "paragraphs":
      case "phones":
        cols.push({ name: f.name, title: f.title, type: "string", description: "separated by ／", value: (r) => ((v(r, f.name) as string[] | undefined) ?? []).join("／") || null });
        break;
      default: {
        const type: FieldType = f.kind === "integer" || f.kind === "amount" ? "integer" : f.kind === "percent" ? "number" : "string";
        cols.push({ name: f.name, title: f.title, type, ...(f.unit ? { unit: f.unit } : {}), value: (r) => (v(r, f.name) as string | number | undefined) ?? null });
      }
    }
  }
  for (const g of spec.groups ?? []) {
    cols.push({
      name: g.name, title: g.title, type: "string", description: "name: items separated by ／; blocks separated by ；",
      value: (r) => (r.groups[g.name] ?? []).map((x: GroupValue) => `${x.name}: ${x.items.map((i) => i.text).join("／")}${x.etc ? " 等" : ""}`).join("；") || null,
    });
  }
  cols.push({ name: "page", title: "ページ", type: "integer", description: "page of the PDF", value: (r) => r.page });
  return cols;
}

/**
 * The spec's checks (the registry's, src/checks/) on the records, listed record by record,
 * each record's in the spec's order, then the values that would not normalise.
 */
export function regionChecks(spec: RegionSpec, records: readonly RegionRecord[], documentDate: DateField | null): Check[] {
  const titles = Object.fromEntries(spec.fields.map((f) => [f.name, f.title]));
  const rows: CheckedRow[] = records.map((r) => {
    const present = Object.entries(r.fields).filter((e): e is [string, Sourced<unknown>] => e[1] != null);
    return {
      key: r.page,
      record: Object.fromEntries(Object.entries(r.fields).map(([name, s]) => [name, s?.value ?? null])),
      place: { page: r.page },
      places: Object.fromEntries(present.map(([name, s]) => [name, { page: s.page, box: s.box }])),
      raw: Object.fromEntries(present.map(([name, s]) => [name, s.raw])),
    };
  });
  const facts: TableFacts = {
    name: spec.table.name,
    rows,
    totals: null,
    totalLabel: null,
    fiscalYear: null,
    amountMultiplier: 1,
    titles,
    yenFields: new Set(spec.fields.filter((f) => f.kind === "amount").map((f) => f.name)),
    required: spec.fields.filter((f) => f.required).map((f) => ({ name: f.name, title: f.title })),
    documentDate,
  };
  const out = runChecks(spec.checks, facts);
  // A value that would not normalise (an unreadable number or date) is a finding of its own.
  for (const r of records) {
    for (const [name, s] of Object.entries(r.fields)) {
      for (const p of s?.problems ?? []) {
        if (p.severity === "info") continue;
        out.push({ rule: p.rule, ok: false, severity: p.severity, message: `page ${r.page}: ${titles[name] ?? name}: ${p.message}`, column: name, printed: s!.raw, page: r.page, box: s!.box, record: r.page });
      }
    }
  }
  // Record by record (a stable sort keeps each record's findings in the order made).
  const order = (c: Check) => (typeof c.record === "number" ? c.record : Infinity);
  return out.sort((a, b) => order(a) - order(b));
}

/** What a page gives the region reader: its record, if it is a page of the family, and the latest date printed on it. */
export interface RegionPage extends PageAnalysisBase {
  record: RegionRecord | null;
  /** Only when the spec takes the document's date from its first pages. */
  date: DateField | null;
}

export function analyseRegionPage(spec: RegionSpec, page: Page): RegionPage {
  const boxes = pageBoxes(page);
  return { number: page.number, diagnostics: page.diagnostics, record: readRegionPage(spec, page, boxes), date: spec.documentDate ? latestDate(page, boxes) : null };
}

/** One record per page of the family; the document's date from the first pages; the checks at the end. */
function regionAssembler(spec: RegionSpec): Assembler<RegionPage> {
  const records: RegionRecord[] = [];
  let documentDate: DateField | null = null;
  let seen = 0;
  return {
    async add(a) {
      seen++;
      if (spec.documentDate && seen <= spec.documentDate.pages && a.date && (!documentDate || a.date.iso > documentDate.iso)) documentDate = a.date;
      if (a.record) records.push(a.record);
    },
    async finish() {
      const diagnostics: Diagnostic[] = [];
      if (records.length === 0) {
        diagnostics.push({ severity: "warning", rule: "region/no-records", message: `no page of the ${spec.name} family (labels of ${spec.pageRequires.join(", ")}) was found` });
      }
      const table: RecordTable<RegionRecord> = {
        id: spec.table.name,
        name: spec.table.name,
        title: spec.table.title,
        fiscalYear: null,
        unit: null,
        pages: records.map((r) => r.page),
        records,
        checks: regionChecks(spec, records, documentDate),
        columns: regionColumns(spec),
        primaryKey: ["page"],
      };
      return { pipeline: spec.name, tables: [table], diagnostics };
    },
  };
}

/** The pipeline of a region spec. */
export function regionPipeline(spec: RegionSpec): Pipeline<RegionPage> {
  return {
    name: spec.name,
    description: spec.description,
    ...phraseRecognition(spec.recognise, fold),
    analysePage: async (page) => analyseRegionPage(spec, page),
    assembler: () => regionAssembler(spec),
  };
}
