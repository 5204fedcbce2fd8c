/**
 * What a review page shows of one file, gathered in one pass over its pages: each page's
 * size, every table (grid, header rows, cells) with its printed totals checked, and —
 * when a pipeline reads the document — its records (each field's page and box) and
 * every check and diagnostic as a finding. Plain data: the page script (./client/) draws
 * it over the PDF, ./png.ts draws it into PNG files.
 *
 * Boxes are PDF points, origin at the top left of the page as displayed — the same
 * space as pdf.js's viewport at scale 1, so an overlay is `box × scale`.
 */
import type { Diagnostic } from "../model/finding.js";
import type { PdfDocument } from "../pdf/load.js";
import type { Box } from "../model/page.js";
import { pipelineByName, recognise } from "../registry.js";
import { assemblyContext } from "../pipeline/drive.js";
import type { Check, Pipeline, PipelineResult } from "../pipeline/types.js";
import { findTables } from "../table/find.js";
import { Stitcher, type Table } from "../table/stitch.js";
import { totalChecks, totalMessage } from "../checks/index.js";
import type { PageTable } from "../table/types.js";

/** A box as four numbers, x0 y0 x1 y1 (kept short: a 600-page book has many). */
export type Quad = [number, number, number, number];

export interface ReviewCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  page: number;
  box: Quad;
  header: boolean;
  text: string;
  /** Where the cell goes on after a page break. */
  parts?: { page: number; box: Quad }[];
}

export interface ReviewTable {
  id: string;
  kind: "lattice" | "stream";
  pages: number[];
  headerRows: number;
  columns: string[];
  cells: ReviewCell[];
}

export interface ReviewField {
  name: string;
  /** The value as read (JSON). */
  value: string;
  /** The printed text, when the pipeline keeps it. */
  raw?: string;
  page?: number;
  box?: Quad;
}

export interface ReviewRecord {
  id: number;
  /** The record table's name (一般事業, 事業 …). */
  table: string;
  /** Its key (整理番号) or its position in the table. */
  key: string;
  label: string;
  page?: number;
  box?: Quad;
  fields: ReviewField[];
}

/** A check or diagnostic: failing (error), warning, passing (ok) or info. */
export interface ReviewFinding {
  id: number;
  severity: "error" | "warning" | "info";
  ok: boolean;
  rule: string;
  message: string;
  page?: number;
  box?: Quad;
  /** The record it is about (ReviewRecord.id). */
  record?: number;
  /** A printed total's level in a hierarchy (0 = top). */
  level?: number;
  /** A diagnostic of reading (a page without text, a table that is not the pipeline's), not a check. */
  diagnostic?: true;
}

export interface ReviewData {
  file: string;
  sha256: string;
  pipeline: string | null;
  /** [width, height] of each page in points, page 1 first (pages not read: the size of page 1). */
  pages: [number, number][];
  tables: ReviewTable[];
  records: ReviewRecord[];
  findings: ReviewFinding[];
  kohyoVersion: string;
}

const round = (n: number) => Math.round(n * 100) / 100;
export const quad = (b: Box): Quad => [round(b.x0), round(b.y0), round(b.x1), round(b.y1)];

export interface GatherOptions {
  /** 1-based pages to read (default all). */
  pages?: number[];
  /** A pipeline by name; by default the one that recognises the document, if any. */
  pipeline?: string;
  kohyoVersion: string;
  /** Told after each page: how many are read, of how many (a progress line on a terminal). */
  onPage?: (read: number, total: number) => void;
}

/**
 * Reads the document once for its tables and, when a pipeline can take pages one at a
 * time (analysePage + assembler), for its records in the same pass; a pipeline that
 * cannot reads the pages again. Without a pipeline the findings are the tables'
 * printed totals and the diagnostics.
 */
export async function gatherReview(doc: PdfDocument, opts: GatherOptions): Promise<ReviewData> {
  const named = opts.pipeline ? pipelineByName(opts.pipeline) ?? null : null;
  const pipeline: Pipeline | null = named ?? (await recognise(doc, opts.pages)).pipeline;
  const sizes = new Map<number, [number, number]>();
  const stitcher = new Stitcher();
  const tables: Table[] = [];
  const pageDiagnostics: Diagnostic[] = [];
  const assembly = pipeline ? pipeline.assembler(assemblyContext(doc, opts.pages)) : null;
  const total = opts.pages?.length ?? doc.pageCount;
  let read = 0;
  for await (const page of doc.pages(opts.pages)) {
    sizes.set(page.number, [round(page.width), round(page.height)]);
    let found: PageTable[];
    if (assembly && pipeline) {
      const analysis = await pipeline.analysePage(page);
      found = analysis.tables ?? findTables(page);
      await assembly.add(analysis);
    } else {
      found = findTables(page);
    }
    pageDiagnostics.push(...page.diagnostics);
    tables.push(...stitcher.push(page.number, found));
    opts.onPage?.(++read, total);
  }
  tables.push(...stitcher.finish());
  let result: PipelineResult | null = null;
  if (assembly) result = await assembly.finish();
  // A pipeline's result holds the document's and the pages' diagnostics and its own.
  const diagnostics = result ? result.diagnostics : [...doc.diagnostics, ...pageDiagnostics];

  const first = sizes.get(Math.min(...sizes.keys())) ?? [595.28, 841.89];
  const pages = Array.from({ length: doc.pageCount }, (_, i) => sizes.get(i + 1) ?? first);
  const data: ReviewData = {
    file: doc.info.file,
    sha256: doc.info.sha256,
    pipeline: pipeline?.name ?? null,
    pages,
    tables: tables.map(reviewTable),
    records: [],
    findings: [],
    kohyoVersion: opts.kohyoVersion,
  };
  const add = (f: Omit<ReviewFinding, "id">) => data.findings.push({ id: data.findings.length, ...f });
  if (result) {
    for (const t of result.tables) {
      const byKey = new Map<string, number>();
      t.records.forEach((r: Record<string, unknown>, i: number) => {
        const rec = reviewRecord(data.records.length, t.name, r, i, t.primaryKey[0]);
        byKey.set(rec.key, rec.id);
        data.records.push(rec);
      });
      for (const c of t.checks) add(checkFinding(c, c.record === undefined ? undefined : byKey.get(String(c.record))));
    }
  } else {
    for (const t of tables) {
      for (const c of totalChecks(t)) {
        add({ severity: c.severity, ok: c.ok, rule: c.rule, message: totalMessage(t.id, c), page: c.page, box: quad(c.box), ...(c.level !== undefined && { level: c.level }) });
      }
    }
  }
  for (const d of diagnostics) {
    add({ severity: d.severity, ok: false, diagnostic: true, rule: d.rule, message: d.message, ...(d.page !== undefined && { page: d.page }), ...(d.box && { box: quad(d.box) }) });
  }
  return data;
}

function reviewTable(t: Table): ReviewTable {
  return {
    id: t.id,
    kind: t.kind ?? "lattice",
    pages: t.pages,
    headerRows: t.headerRows,
    columns: t.columns.map((path) => path.join(" / ")),
    cells: t.cells.map((c) => ({
      row: c.row,
      col: c.col,
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      page: c.page,
      box: quad(c.box),
      header: c.row < t.headerRows,
      text: c.text,
      ...(c.parts?.length && { parts: c.parts.map((p) => ({ page: p.page, box: quad(p.box) })) }),
    })),
  };
}

function checkFinding(c: Check, record: number | undefined): Omit<ReviewFinding, "id"> {
  return {
    severity: c.severity,
    ok: c.ok,
    rule: c.rule,
    message: c.message,
    ...(c.page !== undefined && { page: c.page }),
    ...(c.box && { box: quad(c.box) }),
    ...(record !== undefined && { record }),
  };
}

interface Place {
  page: number;
  box: Box;
}
const isPlace = (v: unknown): v is Place =>
  typeof v === "object" && v !== null && typeof (v as Place).page === "number" && typeof (v as Place).box?.x0 === "number";

/**
 * A record as the review lists it. Table pipelines keep `provenance { page, box, raw,
 * cells }`; other pipelines put `page` and `box` on the record itself.
 */
function reviewRecord(id: number, table: string, r: Record<string, unknown>, index: number, keyField: string | undefined): ReviewRecord {
  const prov = (r.provenance ?? {}) as { page?: number; box?: Box; raw?: Record<string, string>; cells?: Record<string, Place> };
  const place = isPlace(prov) ? prov : isPlace(r) ? r : null;
  const fields: ReviewField[] = [];
  for (const [name, value] of Object.entries(r)) {
    if (name === "provenance" || name === "box" || name === "page") continue;
    const cell = prov.cells?.[name];
    const raw = prov.raw?.[name];
    fields.push({
      name,
      value: typeof value === "string" ? value : JSON.stringify(value),
      ...(raw !== undefined && { raw }),
      ...(isPlace(cell) && { page: cell.page, box: quad(cell.box) }),
    });
  }
  const keyValue = keyField ? r[keyField] : undefined;
  const key = keyValue === undefined || keyValue === null ? String(index + 1) : String(keyValue);
  // The first two texts after the key (a name inside an object counts: municipality { name, code }).
  const texts: string[] = [];
  for (const [name, v] of Object.entries(r)) {
    if (name === keyField || texts.length === 2) continue;
    const text = typeof v === "string" ? v : typeof (v as { name?: unknown })?.name === "string" ? (v as { name: string }).name : "";
    if (text.trim() !== "") texts.push(text.replace(/\s+/g, " ").slice(0, 30));
  }
  const label = [key, ...texts].join(" ");
  return { id, table, key, label, ...(place && { page: place.page, box: quad(place.box) }), fields };
}
