/**
 * The table-pipeline engine: a declared spec (pipelines/<name>.ts) → a Pipeline.
 *
 * 1. Every page's tables are found (findTables) and stitched over pages; the text
 *    outside tables is kept as lines, to find each table's title and unit above it.
 * 2. A stitched table is the pipeline's when every required field finds its column by
 *    a header alias; it is named by its title (or by a column only it has).
 * 3. Each data row becomes a record: each field reads the cell that covers its column
 *    on that row. A cell merged over rows fills every row it covers — except for a
 *    grouped field (merged amounts), whose value stays on the group's first row and
 *    whose group key goes on every row of the group (in a table without ruling lines,
 *    where merged cells cannot show, an empty group cell continues the group above).
 *    The total row (合計) is kept apart.
 * 4. The declared checks run (the registry, src/checks/), the schema included; a normaliser's error or
 *    warning about a cell is a failing check at that cell.
 */
import { groupLines } from "../layout/lines.js";
import { parseUnitNote, yenMultiplier } from "../normalize/amounts.js";
import { tagTargetGroupsNow } from "../normalize/targetGroups.js";
import { parseFiscalYear } from "../normalize/wareki.js";
import { toHalfWidth } from "../normalize/width.js";
import type { Diagnostic } from "../model/finding.js";
import { centre, contains, union } from "../pdf/geometry.js";
import type { Box, Page } from "../model/page.js";
import { findTables } from "../table/find.js";
import { tableLevels, type TableLevels } from "../table/totals.js";
import { type StitchedCell, Stitcher, type Table } from "../table/stitch.js";
import { type CheckedRow, type Place, runChecks, type TableFacts } from "../checks/index.js";
import { recordColumns } from "./columns.js";
import { type ReadContext, readCell, type ReadValue } from "./read.js";
import type { FieldSpec, TablePipelineSpec } from "./spec.js";
import type { Assembler, Check, PageAnalysis, Pipeline, RecordTable, TableSink } from "./types.js";
import { maxOf, minOf, pushAll } from "../bounded.js";

export function tablePipeline(spec: TablePipelineSpec): Pipeline<PageAnalysis> {
  return {
    name: spec.name,
    description: spec.description,
    recognise: (text) => recogniseScore(spec, text),
    recognitionWords: (text) => {
      const t = fold(text);
      return [...spec.recognise.title, ...spec.recognise.header].map((word) => ({ word, found: t.includes(fold(word)) }));
    },
    analysePage,
    assembler: (doc, sink) => tableAssembler(spec, doc.diagnostics, sink),
  };
}

/** Spaces out, full-width ASCII folded: how header and title words are compared. */
export const fold = (s: string): string => toHalfWidth(s).replace(/\s+/g, "");

/** Half from the title words found, half from the header words found. */
export function recogniseScore(spec: TablePipelineSpec, text: string): number {
  const t = fold(text);
  const share = (words: string[]) => (words.length ? words.filter((w) => t.includes(fold(w))).length / words.length : 0);
  return (share(spec.recognise.title) + share(spec.recognise.header)) / 2;
}

/**
 * What one page gives the table engine: its tables and the lines of text outside them.
 * Plain data, so pages can be read in worker threads and assembled elsewhere.
 */
export async function analysePage(page: Page): Promise<PageAnalysis> {
  const tables = findTables(page);
  const outside = page.runs.filter((r) => !tables.some((t) => inside(t.box, r.box)));
  return {
    number: page.number,
    tables,
    lines: groupLines(outside).map(({ text, box, size }) => ({ text, box, size })),
    diagnostics: page.diagnostics,
  };
}

const targetLabels = (text: string): string[] => tagTargetGroupsNow(text).value?.tags.map((tag) => tag.label) ?? [];

/**
 * The table pipeline's assembler: pages are stitched as they come; a complete table is
 * read into records at once (the stitched table holds its own cells), and of the pages
 * only the first of the table still open is kept, for its heading.
 */
function tableAssembler(spec: TablePipelineSpec, docDiagnostics: readonly Diagnostic[], sink: TableSink | undefined): Assembler<PageAnalysis> {
  const stitcher = new Stitcher();
  const kept = new Map<number, PageAnalysis>();
  const pageDiagnostics: Diagnostic[] = [];
  const found: Diagnostic[] = [];
  const tables: RecordTable[] = [];
  let made = 0;

  const read = async (done: readonly Table[]) => {
    for (const t of done) {
      const columns = matchColumns(spec.fields, t.columns);
      const missing = spec.fields.filter((f) => f.required && !columns.has(f.path));
      if (missing.length) {
        found.push({
          severity: "info",
          rule: "pipeline/other-table",
          message: `table ${t.id} (pages ${t.pages.join(", ")}) is not a ${spec.name} table: no column for ${missing.map((f) => f.title).join(", ")}`,
          page: t.pages[0]!,
        });
        continue;
      }
      const table = readTable(spec, t, columns, headingOf(spec, t, kept.get(t.pages[0]!)));
      made++;
      if (sink) await sink(table);
      else tables.push(table);
    }
  };

  return {
    async add(a) {
      kept.set(a.number, a);
      pushAll(pageDiagnostics, a.diagnostics);
      await read(stitcher.push(a.number, a.tables));
      // Only the first page of the table still open is needed again (for its heading).
      const since = stitcher.openSince;
      for (const p of kept.keys()) if (p !== since) kept.delete(p);
    },
    async finish() {
      await read(stitcher.finish());
      kept.clear();
      if (made === 0) {
        found.push({ severity: "error", rule: "pipeline/no-table", message: `no table with the columns of ${spec.name} (${spec.fields.filter((f) => f.required).map((f) => f.title).join(", ")})` });
      }
      return { pipeline: spec.name, tables, diagnostics: [...docDiagnostics, ...pageDiagnostics, ...found] };
    },
  };
}

/** A run or cell belongs to the table its centre is in. */
const inside = (outer: Box, b: Box) => contains(outer, centre(b));

/** Field path → column index, by the fields' header aliases (a column serves one field). */
export function matchColumns(fields: readonly FieldSpec[], columns: readonly string[][]): Map<string, number> {
  const taken = new Set<number>();
  const out = new Map<string, number>();
  const folded = columns.map((path) => path.map(fold));
  for (const field of fields) {
    for (const alias of field.headers) {
      const i = folded.findIndex((path, i) => !taken.has(i) && matches(path, alias));
      if (i >= 0) {
        out.set(field.path, i);
        taken.add(i);
        break;
      }
    }
  }
  return out;
}

function matches(path: readonly string[], alias: string | string[]): boolean {
  if (typeof alias === "string") return path.join("").includes(fold(alias));
  let level = 0;
  for (const part of alias.map(fold)) {
    while (level < path.length && !path[level]!.includes(part)) level++;
    if (level === path.length) return false;
    level++;
  }
  return true;
}

interface Heading {
  id: string;
  name: string;
  title: string | null;
  unit: string | null;
  fiscalYear: { year: number; start: string; end: string } | null;
}

/**
 * The lines printed above the table on its first page (below any table above it): the
 * title is the nearest that names one of the declared tables or the document, else the
 * one in the largest type; the unit is the nearest with 単位.
 */
function headingOf(spec: TablePipelineSpec, t: Table, first: PageAnalysis | undefined): Heading {
  const page = t.pages[0]!;
  const top = minOf(t.cells.filter((c) => c.page === page).map((c) => c.box.y0));
  const floor = Math.max(0, maxOf((first?.tables ?? []).filter((p) => p.box.y1 <= top + 1).map((p) => p.box.y1)));
  const above = (first?.lines ?? []).filter((l) => l.box.y1 <= top + 2 && l.box.y0 >= floor - 1).sort((a, b) => b.box.y1 - a.box.y1);
  const words = [...spec.tables.flatMap((s) => s.title), ...spec.recognise.title].map(fold);
  const titleLine =
    above.find((l) => words.some((w) => fold(l.text).includes(w))) ??
    [...above].filter((l) => !/単位/.test(l.text)).sort((a, b) => b.size - a.size)[0];
  const unitLine = above.find((l) => /単位/.test(l.text));
  const title = titleLine?.text.trim() ?? null;
  const fyText = title ? /(?:明治|大正|昭和|平成|令和|[RH]\.?)?\s*[0-9０-９元]{1,4}\s*年度/.exec(title)?.[0] : undefined;
  const fy = fyText ? parseFiscalYear(fyText).value : null;
  const folded = title ? fold(title) : "";
  const columnWords = fold(t.columns.flat().join(""));
  const named =
    spec.tables.find((s) => s.title.some((w) => folded.includes(fold(w)))) ??
    spec.tables.find((s) => s.columns?.every((w) => columnWords.includes(fold(w)))) ??
    spec.tables[spec.tables.length - 1]!;
  return {
    id: named.id,
    name: named.name,
    title,
    unit: unitLine?.text.trim() ?? null,
    fiscalYear: fy ? { year: fy.year, start: fy.start, end: fy.end } : null,
  };
}

function readTable(
  spec: TablePipelineSpec,
  t: Table,
  columns: Map<string, number>,
  heading: Heading,
): RecordTable {
  const amountUnit = heading.unit ? parseUnitNote(heading.unit).value?.amount : undefined;
  const x: TableReading = {
    spec,
    t,
    columns,
    heading,
    ctx: { amountUnit, fiscalYear: heading.fiscalYear?.year ?? null },
    cover: coverGrid(t),
    keyField: spec.fields.find((f) => f.path === spec.key),
    ordinals: new Map(),
  };
  const tree = spec.levels ? tableLevels(t) : null;
  const totalLabels = spec.totalRow.map(fold);
  const titles: Record<string, string> = Object.fromEntries([...spec.fields, ...(spec.derived ?? [])].map((f) => [f.path, f.title]));
  const yenFields = new Set(spec.fields.filter((f) => f.kind === "amount").map((f) => f.path));
  const checks: Check[] = [];
  const rows: CheckedRow[] = [];
  let totals: TableFacts["totals"] = null;
  let totalLabel: string | null = null;
  // Each row is read by functions of its own: V8 then optimises (and, when cells of a new
  // shape turn up, compiles again) those, not one function the size of all of them.
  for (let r = t.headerRows; r < t.rows; r++) {
    const slots = x.cover[r]!;
    if (isBlankRow(slots)) continue;
    const label = rowLabel(slots, r);
    if (label !== undefined && totalLabels.includes(label)) {
      totalLabel = label;
      totals = readTotals(x, slots, r);
      continue;
    }
    rows.push(readRow(x, r, rows, checks));
  }
  if (tree) addLevels(x, rows, tree);

  const facts: TableFacts = {
    name: heading.name,
    rows,
    totals,
    totalLabel,
    fiscalYear: heading.fiscalYear,
    amountMultiplier: (amountUnit && yenMultiplier(amountUnit)) || 1,
    titles,
    yenFields,
    grid: t,
  };
  return {
    id: heading.id,
    name: heading.name,
    title: heading.title,
    fiscalYear: heading.fiscalYear?.year ?? null,
    unit: heading.unit,
    pages: t.pages,
    records: rows.map((r) => r.record),
    checks: runChecks(spec.checks, facts, spec.record).concat(checks),
    columns: recordColumns(spec),
    primaryKey: [spec.key ?? "row"],
  };
}

/** level and parent on every record, from the table's hierarchy (data rows → the records read from them). */
function addLevels(x: TableReading, rows: readonly CheckedRow[], tree: TableLevels): void {
  const keyAt = new Map<number, number | string | null>();
  for (const [row, i] of x.ordinals) keyAt.set(row - x.t.headerRows, rows[i - 1]?.key ?? null);
  for (const [row, i] of x.ordinals) {
    const d = row - x.t.headerRows;
    const checked = rows[i - 1]!;
    const parent = tree.parent[d];
    // Before provenance, as the columns list them.
    const { provenance, ...fields } = checked.record;
    checked.record = { ...fields, level: tree.depth[d] ?? 0, parent: parent === null || parent === undefined ? null : keyAt.get(parent) ?? null, provenance };
  }
}

/** What reading a table's rows needs: its spec and cells, and how cells are read. */
interface TableReading {
  spec: TablePipelineSpec;
  t: Table;
  columns: Map<string, number>;
  heading: Heading;
  ctx: ReadContext;
  /** For every slot of the table, the cell that covers it (coverGrid). */
  cover: (StitchedCell | undefined)[][];
  keyField: FieldSpec | undefined;
  /** Without a key field: table row → the record's place (1, 2, …), which is its key. */
  ordinals: Map<number, number>;
}

/** No cell of the row holds text. */
function isBlankRow(slots: readonly (StitchedCell | undefined)[]): boolean {
  for (const c of slots) if (c && c.text.trim() !== "") return false;
  return true;
}

/** The first text, folded, of a cell that starts on row r (its label, if it is a total row). */
function rowLabel(slots: readonly (StitchedCell | undefined)[], r: number): string | undefined {
  for (const c of slots) {
    if (!c || c.row !== r) continue;
    const s = fold(c.text);
    if (s !== "") return s;
  }
  return undefined;
}

/** Row `row`'s key cell and how it reads; null when the row has none. */
function readKey(x: TableReading, row: number): { cell: StitchedCell; read: ReadValue } | null {
  if (!x.keyField || x.spec.key === undefined) return null;
  const cell = x.cover[row]![x.columns.get(x.spec.key)!];
  return cell ? { cell, read: readCell(x.keyField, cell.lines, cell.text, x.ctx) } : null;
}

/** The key of the record on row `row` (null when its key cell is missing or unreadable). */
function keyOf(x: TableReading, row: number): number | null {
  if (!x.keyField) return x.ordinals.get(row) ?? null;
  const keyed = readKey(x, row);
  return keyed ? (keyed.read.value as number | null) : null;
}

/** A total row's printed numbers, by field. */
function readTotals(x: TableReading, slots: readonly (StitchedCell | undefined)[], r: number): NonNullable<TableFacts["totals"]> {
  const totals: NonNullable<TableFacts["totals"]> = new Map();
  for (const f of x.spec.fields) {
    const c = x.columns.has(f.path) ? slots[x.columns.get(f.path)!] : undefined;
    if (!c || c.row !== r || !["amount", "count", "integer"].includes(f.kind)) continue;
    totals.set(f.path, { value: readCell(f, c.lines, c.text, x.ctx).value as number | null, text: c.text, place: placeOf(c) });
  }
  return totals;
}

/**
 * The record of row r, the problems of its cells added to `checks`. `rows` are the rows
 * read before it: in a stream table an empty group cell continues the group above.
 */
function readRow(x: TableReading, r: number, rows: readonly CheckedRow[], checks: Check[]): CheckedRow {
  const { spec, heading } = x;
  const slots = x.cover[r]!;
  // The key cell is read once: for the key, and again below as the key field's value.
  const keyed = readKey(x, r);
  x.ordinals.set(r, rows.length + 1);
  const key = x.keyField ? (keyed ? (keyed.read.value as number | null) : null) : rows.length + 1;
  const record: Record<string, unknown> = x.keyField ? {} : { row: key };
  const raw: Record<string, string> = {};
  const places: Record<string, Place> = {};
  for (const f of spec.fields) {
    const col = x.columns.get(f.path);
    const c = col === undefined ? undefined : slots[col];
    let value: unknown = null;
    if (c) {
      places[f.path] = placeOf(c);
      if (f.group && c.row !== r) {
        value = null; // a merged group value: on the group's first row only
      } else {
        const read = f === x.keyField && c === keyed?.cell ? keyed.read : readCell(f, c.lines, c.text, x.ctx);
        value = read.value;
        raw[f.path] = c.lines.join("\n");
        for (const p of read.problems) {
          if (p.severity === "info") continue;
          checks.push({ rule: p.rule, ok: false, severity: p.severity, column: f.title, record: key ?? undefined, ...placeOf(c), message: `${heading.name} ${key}: ${f.title}: ${p.message}` });
        }
      }
      if (f.group && !(f.group in record)) {
        // Without ruling lines a merged cell cannot show: an empty group cell continues the group above.
        const continues = x.t.kind === "stream" && c.text.trim() === "" && rows.length > 0;
        record[f.group] = continues ? rows[rows.length - 1]!.record[f.group] : c.row === r ? key : keyOf(x, c.row);
      }
    } else if (f.kind === "contact") {
      value = { departments: [], phone: null, extension: null, note: null };
    }
    setPath(record, f.path, value);
    for (const d of spec.derived ?? []) {
      if (d.from !== f.path) continue;
      const text = typeof value === "string" ? value : "";
      setPath(record, d.path, text ? targetLabels(text) : []);
    }
  }
  const own = slots.filter((c): c is StitchedCell => c !== undefined && c.row === r && c.rowSpan === 1);
  const place = own.length ? { page: own[0]!.page, box: own.map((c) => c.box).reduce(union) } : placeOf(slots.find((c) => c)!);
  record.provenance = { page: place.page, box: place.box, raw, cells: places };
  return { key, record: ordered(spec, record), place, places, raw };
}

/** For every slot of the table, the cell that covers it. */
export function coverGrid(t: Table): (StitchedCell | undefined)[][] {
  const grid = Array.from({ length: t.rows }, () => Array<StitchedCell | undefined>(t.cols).fill(undefined));
  for (const c of t.cells) {
    for (let r = c.row; r < c.row + c.rowSpan && r < t.rows; r++) {
      for (let k = c.col; k < c.col + c.colSpan && k < t.cols; k++) grid[r]![k] = c;
    }
  }
  return grid;
}

const placeOf = (c: StitchedCell): Place => ({ page: c.page, box: c.box });

function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let o = record;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1]!] = value;
}

/**
 * The record's keys in the declared order: each field, its derived fields right after
 * it, a group key right after the last field of its group, provenance last.
 */
function ordered(spec: TablePipelineSpec, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = spec.key === undefined ? { row: record.row } : {};
  const put = (path: string) => {
    const top = path.split(".")[0]!;
    if (!(top in out)) out[top] = record[top];
  };
  spec.fields.forEach((f, i) => {
    put(f.path);
    for (const d of spec.derived ?? []) if (d.from === f.path) put(d.path);
    if (f.group && !spec.fields.slice(i + 1).some((g) => g.group === f.group)) out[f.group] = record[f.group];
  });
  out.provenance = record.provenance;
  return out;
}
