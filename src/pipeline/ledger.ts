/**
 * The ledger reader: a declared LedgerSpec (pipelines/budget-book.ts) → a Pipeline.
 *
 * 1. Each page (in any worker): its tables (findTables), each table's header (the table
 *    reader's header rows and column paths) and, above each table, the context lines:
 *    the side (歳入 / 歳出), the unit (単位：千円) and the top two levels printed in the
 *    page header (款 2. 総務費　項 1. 総務管理費). Cells of several lines keep their lines
 *    split where the printed gap is wide (a 説明 text and its amount).
 * 2. In page order: a table is a ledger table when its header gives the columns of one
 *    of three kinds — first (款, 項, 金額: 第1表), summary (款, amounts: 総括), detail
 *    (目, amounts, 節, 説明: 事項別明細書). A table without a header of its own (the
 *    second table on a page, or a continuation) takes the columns of the table before it
 *    when it has as many.
 * 3. Rows: a 款 row opens a 款 and its 項 rows follow; a 目 cell opens a 目 (its rows
 *    hold its 節 and 説明); a 目 printed again at the top of the next page, or an empty
 *    目 cell there, continues the 目 (its 節 and 説明 go on); 計 rows close a 項 and
 *    歳入合計 / 歳出合計 close a side. Blank cells are null, never filled from above.
 * 4. Records (./ledgerRecords.ts) and the checks the spec names (src/checks/budget.ts).
 */
import { groupLines } from "../layout/lines.js";
import { parseUnitNote, yenMultiplier } from "../normalize/amounts.js";
import { lookupMunicipality } from "../normalize/municipality.js";
import { parseNumber } from "../normalize/numbers.js";
import { parseFiscalYear } from "../normalize/wareki.js";
import { toHalfWidth } from "../normalize/width.js";
import type { Diagnostic } from "../model/finding.js";
import { centre, contains } from "../pdf/geometry.js";
import type { PdfDocument } from "../pdf/load.js";
import type { Box, Page, TextRun } from "../model/page.js";
import type { Amount, Amounts, DetailRow, ItemRow, Ledger, Named } from "../model/ledger.js";
import { findTables } from "../table/find.js";
import { phraseRecognition } from "./recognition.js";
import { stitchTables, type StitchedCell, type Table } from "../table/stitch.js";
import { coverGrid, matchColumns } from "./engine.js";
import { ledgerChecks } from "../checks/index.js";
import { ledgerTables } from "./ledgerRecords.js";
import type { LedgerRole, LedgerSchedule, LedgerSpec } from "./ledgerSpec.js";
import type { Assembler, PageAnalysis, Pipeline, TableSink } from "./types.js";

// ---------------------------------------------------------------- records

export type { Amount, Amounts, DetailRow, ItemRow, Ledger, LevelRow, Named, NoteRow, Place, ScheduleRow, ScheduleTotal, TotalRow } from "../model/ledger.js";

// ---------------------------------------------------------------- pages

type Kind = "first" | "summary" | "detail";

interface Segment {
  text: string;
  /** The text after a wide gap (an amount beside its text), or null. */
  right: string | null;
  box: Box;
}

interface LedgerPageTable {
  table: Table;
  box: Box;
  /** Text lines above the table (below the table before it). */
  above: { text: string; box: Box }[];
  /** Per cell index, the cell's lines split at wide gaps. */
  segments: Record<number, Segment[]>;
}

export interface LedgerPage extends PageAnalysis {
  ledger: LedgerPageTable[];
  /** Lines that name a year or a budget (for the fiscal year and municipality). */
  titles: string[];
}

/** The field of a 補正's 変更 table that holds the amount before the change (補正前 限度額). */
const BEFORE = "\u0000before";

/** A run belongs to the box its centre is in. */
const inside = (outer: Box, b: Box) => contains(outer, centre(b));
const fold = (s: string) => toHalfWidth(s).replace(/[\s\u3000]+/g, "");

export function analyseLedgerPage(page: Page): LedgerPage {
  const all = findTables(page).filter((t) => t.cols >= 2 && t.kind === "lattice");
  const ledger: LedgerPageTable[] = [];
  const titles: string[] = [];
  // A sheet carrying two printed pages side by side (A3 two-up) is read as its left page,
  // then its right page: tables and lines apart on each side of the gutter.
  for (const half of sheetHalves(page, all)) {
    const found = all.filter((t) => inside(half, t.box)).sort((a, b) => a.box.y0 - b.box.y0);
    const runs = page.runs.filter((r) => inside(half, r.box));
    const outside = runs.filter((r) => !found.some((t) => inside(t.box, r.box)));
    const bands = lineBands(outside);
    found.forEach((pt, i) => {
      const t = stitchTables([pt])[0]!;
      const floor = i > 0 ? found[i - 1]!.box.y1 : 0;
      const above = bands.filter((b) => b.box.y1 <= pt.box.y0 + 2 && b.box.y0 >= floor - 1);
      ledger.push({ table: t, box: pt.box, above, segments: cellSegments(t.cells, runs) });
    });
    titles.push(...bands.map((b) => b.text).filter((s) => /年度|予算/.test(s)));
  }
  return { number: page.number, tables: [], lines: [], diagnostics: page.diagnostics, ledger, titles: titles.slice(0, 20) };
}

/**
 * The page as one box, or as its two halves when it is a sheet of two printed pages side
 * by side: a vertical gutter in the middle third of the page that no table and no text
 * crosses, with a table on each side of it. A page whose tables or lines span the middle
 * stays whole.
 */
export function sheetHalves(page: Page, tables: readonly { box: Box }[]): Box[] {
  const whole: Box = { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };
  if (tables.length < 2) return [whole];
  const lo = page.width / 3;
  const hi = (2 * page.width) / 3;
  const spans = [...tables.map((t) => t.box), ...page.runs.filter((r) => r.text.trim() !== "").map((r) => r.box)]
    .filter((b) => b.x1 > lo && b.x0 < hi)
    .map((b) => [b.x0, b.x1] as const)
    .sort((a, b) => a[0] - b[0]);
  let best: { x: number; width: number } | null = null;
  let edge = lo;
  for (const [x0, x1] of spans) {
    if (x0 > edge && (!best || x0 - edge > best.width)) best = { x: (edge + x0) / 2, width: x0 - edge };
    edge = Math.max(edge, x1);
  }
  if (hi > edge && (!best || hi - edge > best.width)) best = { x: (edge + hi) / 2, width: hi - edge };
  // A gutter is wider than a gap between words (two em of the usual 8–10 pt type).
  if (!best || best.width < 18) return [whole];
  const cx = (b: Box) => (b.x0 + b.x1) / 2;
  if (!tables.some((t) => cx(t.box) < best!.x) || !tables.some((t) => cx(t.box) > best!.x)) return [whole];
  return [
    { ...whole, x1: best.x },
    { ...whole, x0: best.x },
  ];
}

/** Text lines outside tables, the pieces of one baseline joined left to right with a space. */
function lineBands(runs: readonly TextRun[]): { text: string; box: Box }[] {
  const lines = groupLines(runs).filter((l) => !l.vertical);
  const bands: { text: string; box: Box; parts: typeof lines }[] = [];
  for (const l of [...lines].sort((a, b) => a.box.y0 - b.box.y0)) {
    const band = bands.find((b) => Math.abs(b.box.y0 - l.box.y0) < 3 && Math.abs(b.box.y1 - l.box.y1) < 3);
    if (band) band.parts.push(l);
    else bands.push({ text: "", box: l.box, parts: [l] });
  }
  return bands.map((b) => {
    const parts = b.parts.sort((x, y) => x.box.x0 - y.box.x0);
    const box = { x0: parts[0]!.box.x0, y0: Math.min(...parts.map((p) => p.box.y0)), x1: parts[parts.length - 1]!.box.x1, y1: Math.max(...parts.map((p) => p.box.y1)) };
    return { text: parts.map((p) => p.text).join(" "), box };
  });
}

/** Each multi-line or wide cell's lines, split where two runs of a line are more than 1.5 em apart. */
function cellSegments(cells: readonly StitchedCell[], runs: readonly TextRun[]): Record<number, Segment[]> {
  const out: Record<number, Segment[]> = {};
  cells.forEach((c, i) => {
    if (c.text.trim() === "") return;
    const mine = runs.filter((r) => r.text.trim() !== "" && inside(c.box, r.box));
    const lines: TextRun[][] = [];
    for (const r of [...mine].sort((a, b) => (a.box.y0 + a.box.y1) / 2 - (b.box.y0 + b.box.y1) / 2 || a.box.x0 - b.box.x0)) {
      const line = lines[lines.length - 1];
      const ref = line?.[0];
      const cy = (x: TextRun) => (x.box.y0 + x.box.y1) / 2;
      if (line && ref && Math.abs(cy(r) - cy(ref)) <= 0.5 * Math.min(r.size, ref.size)) line.push(r);
      else lines.push([r]);
    }
    out[i] = lines.map((line) => {
      const sorted = line.sort((a, b) => a.box.x0 - b.box.x0);
      let cut = -1;
      for (let k = 1; k < sorted.length; k++) if (sorted[k]!.box.x0 - sorted[k - 1]!.box.x1 > 1.5 * sorted[k]!.size) cut = k;
      const text = (cut < 0 ? sorted : sorted.slice(0, cut)).map((r) => r.text).join("");
      const right = cut < 0 ? null : sorted.slice(cut).map((r) => r.text).join("");
      const box = { x0: sorted[0]!.box.x0, y0: Math.min(...sorted.map((r) => r.box.y0)), x1: sorted[sorted.length - 1]!.box.x1, y1: Math.max(...sorted.map((r) => r.box.y1)) };
      return { text, right, box };
    });
  });
  return out;
}

// ---------------------------------------------------------------- pipeline

export function ledgerPipeline(spec: LedgerSpec): Pipeline<LedgerPage> {
  return {
    name: spec.name,
    description: spec.description,
    ...phraseRecognition(spec.recognise, fold),
    analysePage: async (page) => analyseLedgerPage(page),
    // The ledger reads lattice tables only (analyseLedgerPage).
    scans: "ruled-tables",
    assembler: (doc, sink) => ledgerAssembler(spec, doc.diagnostics, sink),
  };
}

/** The whole ledger of a document (or of some of its pages), before it becomes record tables. */
export async function readLedger(spec: LedgerSpec, doc: PdfDocument, pages?: number[]): Promise<Ledger> {
  const reader = new LedgerReader(spec);
  for await (const page of doc.pages(pages)) reader.page(analyseLedgerPage(page));
  return reader.finish();
}

/** Reads pages in order into a Ledger; tables are made at the end (a ledger's checks cross its tables). */
function ledgerAssembler(spec: LedgerSpec, docDiagnostics: readonly Diagnostic[], sink: TableSink | undefined): Assembler<LedgerPage> {
  const reader = new LedgerReader(spec);
  const diagnostics: Diagnostic[] = [...docDiagnostics];
  return {
    async add(a) {
      diagnostics.push(...a.diagnostics);
      if (a.ledger) reader.page(a);
    },
    async finish() {
      const ledger = reader.finish();
      if (ledger.details.length === 0 && ledger.first.length === 0 && ledger.summary.length === 0) {
        diagnostics.push({ severity: "error", rule: "pipeline/no-table", message: `no ${spec.levels.join("/")} table of a ${spec.name} found` });
      }
      const tables = ledgerTables(spec, ledger, ledgerChecks(spec, ledger));
      if (sink) {
        for (const t of tables) await sink(t);
        return { pipeline: spec.name, tables: [], diagnostics };
      }
      return { pipeline: spec.name, tables, diagnostics };
    },
  };
}

/** Column role → column index, and the table's kind. */
interface Layout {
  kind: Kind;
  cols: number;
  at: Partial<Record<LedgerRole, number>>;
  /** 款, 項 and 目 as nested rows of one 科目 column (at.level3 is that column). */
  nested?: boolean;
}

class LedgerRead {
  side: string | null = null;
  unit: string;
  l1: Named | null = null;
  l2: Named | null = null;
  detail: DetailRow | null = null;
  layout: Layout | null = null;
  constructor(unit: string) {
    this.unit = unit;
  }
}

class LedgerReader {
  private readonly s: LedgerRead;
  private readonly ledger: Ledger = { supplementary: false, fiscalYear: null, municipality: null, first: [], summary: [], details: [], totals: [], schedules: [], scheduleTotals: [] };
  /** The schedule whose title line (第N表 …) was read last; null after any other title. */
  private schedule: LedgerSchedule | null = null;
  /** Whether that title is of a 補正 of the schedule (地方債補正), and the section being read (1．追加). */
  private amending = false;
  private section: string | null = null;
  private titles: string[] = [];
  private readonly fields;
  private readonly subtotal: string[];
  private readonly grand: string[];
  /** The label column's indentation steps in the table being read (nested rows). */
  private indents: number[] = [];

  constructor(private readonly spec: LedgerSpec) {
    this.s = new LedgerRead(spec.defaultUnit);
    this.fields = spec.columns.map((c) => ({ path: c.role, title: c.title, headers: c.headers, kind: "text" as const }));
    this.subtotal = spec.subtotal.map(fold);
    this.grand = spec.grandTotal.map(fold);
  }

  /** A page of 目 without their 節 and 説明, held until the page facing it is read. */
  private pending: LedgerPage | null = null;

  page(p: LedgerPage): void {
    if (this.titles.length < 40) this.titles.push(...p.titles);
    const held = this.pending;
    this.pending = null;
    const side = this.facingSide(p);
    if (held && side === "right") {
      for (const lt of facingTables(held.ledger, p.ledger)) this.table(lt);
      return;
    }
    if (held) for (const lt of held.ledger) this.table(lt);
    if (side === "left") this.pending = p;
    else for (const lt of p.ledger) this.table(lt);
  }

  /**
   * Which half of a facing pair a page is: "left" when its headed tables give 目 and its
   * amounts but no 節 or 説明 (they are on the page facing it), "right" when they give 節 or
   * 説明 but no 目.
   */
  private facingSide(p: LedgerPage): "left" | "right" | null {
    let side: "left" | "right" | null = null;
    for (const lt of p.ledger) {
      if (lt.table.headerRows === 0) continue;
      const at = Object.fromEntries(matchColumns(this.fields, lt.table.columns)) as Partial<Record<LedgerRole, number>>;
      const has = (r: LedgerRole) => at[r] !== undefined;
      const detailPart = has("item") || has("notes");
      if (Object.keys(at).length === 0) continue; // a header of no known column: says nothing
      if (has("level3") && has("now") && !detailPart) side ??= "left";
      else if (detailPart && !has("level3") && !has("now")) side ??= "right";
      else return null;
    }
    return side;
  }

  finish(): Ledger {
    if (this.pending) for (const lt of this.pending.ledger) this.table(lt);
    this.pending = null;
    this.close();
    const { fiscalYear, municipality } = this.documentFacts();
    this.ledger.fiscalYear = fiscalYear;
    this.ledger.municipality = municipality;
    return this.ledger;
  }

  private documentFacts(): Pick<Ledger, "fiscalYear" | "municipality"> {
    let fiscalYear: number | null = null;
    let municipality: Ledger["municipality"] = null;
    const words = this.spec.titleWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
    const named = new RegExp(`(?:年度)\\s*([^\\s年度]{1,12}?[都道府県市区町村])\\s*(?:${words})`, "u");
    for (const line of this.titles) {
      const t = toHalfWidth(line).replace(/[\s\u3000]+/g, "");
      if (fiscalYear === null) {
        const fy = /(?:令和|平成|昭和)(?:\d{1,2}|元)年度|20\d\d年度/.exec(t);
        if (fy) fiscalYear = parseFiscalYear(fy[0]).value?.year ?? null;
      }
      if (municipality === null) {
        const m = named.exec(t);
        if (m) {
          const found = lookupMunicipality(m[1]!);
          municipality = { name: m[1]!, code: found.value?.code ?? null };
        }
      }
      if (fiscalYear !== null && municipality !== null) break;
    }
    return { fiscalYear, municipality };
  }

  /** A new table: its context lines, its layout (its own header, or the one before), its rows. */
  private table(lt: LedgerPageTable): void {
    const s = this.s;
    this.context(lt.above);
    const titled = this.scheduleTitle(lt.above);
    if (titled !== undefined) (this.schedule = titled?.schedule ?? null), (this.amending = titled?.amending ?? false), (this.section = null);
    if (this.amending) this.section = this.sectionOf(lt.above) ?? this.section;
    if (this.schedule && this.scheduleTable(lt, this.schedule)) return;
    const t = lt.table;
    let layout: Layout | null = null;
    if (t.headerRows > 0) layout = this.layoutOf(t.columns, t.cols);
    else if (s.layout && s.layout.cols === t.cols) layout = s.layout;
    if (!layout) {
      if (t.headerRows > 0) this.close();
      return;
    }
    if (layout.kind !== s.layout?.kind) this.close();
    s.layout = layout;
    const cover = coverGrid(t);
    const firstData = this.headerEnd(t, layout);
    this.indents = layout.nested ? labelIndents(lt, layout.at.level3!, firstData) : [];
    for (let r = firstData; r < t.rows; r++) {
      if (layout.kind === "detail") this.detailRow(lt, layout, cover, r, r === firstData);
      else this.levelRow(lt, layout, cover, r);
    }
  }

  /**
   * Where the header ends: below the header cell of the row-label column (目, or 款). The
   * table reader's header rows also take in the rows of a 目 continued from the page
   * before (its empty label cell spans them, and they print no amount in some columns).
   */
  private headerEnd(t: Table, layout: Layout): number {
    const role: LedgerRole = layout.kind === "detail" ? "level3" : "level1";
    const col = layout.at[role]!;
    const aliases = this.spec.columns.find((c) => c.role === role)!.headers.flat().map(fold);
    // A table whose header the table reader did not see (no row prints a number where it
    // looked) may still print one: its label column's header cell in the top rows.
    const limit = t.headerRows || Math.min(4, t.rows);
    const cell = t.cells
      .filter((c) => c.col <= col && col < c.col + c.colSpan && c.row < limit)
      .sort((a, b) => a.row - b.row)
      .find((c) => aliases.some((a) => fold(c.text) === a || (t.headerRows > 0 && fold(c.text).includes(a))));
    return cell ? cell.row + cell.rowSpan : t.headerRows;
  }

  /** Side, unit and the top two levels from the lines above a table. */
  private context(lines: readonly { text: string; box: Box }[]): void {
    const s = this.s;
    const [l1, l2] = this.spec.levels;
    for (const line of lines) {
      const f = fold(line.text).replace(/[(（]単位[^)）]*[)）]/, "");
      const side = this.spec.sides.find((w) => f.includes(w));
      if (side && f.length <= side.length + 6) {
        if (side !== s.side) this.close();
        s.side = side;
      }
      if (/単位/.test(f)) {
        const unit = parseUnitNote(line.text).value?.amount;
        if (unit) s.unit = unit;
      }
      const levels = headerLevels(toHalfWidth(line.text), l1, l2);
      if (levels) {
        s.l1 = levels[0];
        s.l2 = levels[1];
      }
    }
  }

  private layoutOf(columns: readonly string[][], cols: number): Layout | null {
    const at = Object.fromEntries(matchColumns(this.fields, columns)) as Partial<Record<LedgerRole, number>>;
    const has = (r: LedgerRole) => at[r] !== undefined;
    if (at.diff !== undefined && fold(columns[at.diff]!.join("")).includes(fold(this.spec.supplementary))) this.ledger.supplementary = true;
    if (has("level3") && has("now") && (has("item") || has("notes"))) return { kind: "detail", cols, at };
    if (has("label") && has("now") && (has("item") || has("notes"))) return { kind: "detail", cols, at: { ...at, level3: at.label }, nested: true };
    if (has("level1") && has("level2") && has("now")) return { kind: "first", cols, at };
    if (has("level1") && has("now") && !has("level3")) return { kind: "summary", cols, at };
    return null;
  }

  /** The open 目 is complete. */
  private close(): void {
    this.s.detail = null;
  }

  /**
   * The schedule a title line above a table names (第2表 債務負担行為, 第4表 地方債補正): the
   * schedule, and whether the title is of a 補正 of it; null for a title of another table
   * (第1表, 繰越明許費), undefined when no line above is a title.
   */
  private scheduleTitle(lines: readonly { text: string }[]): { schedule: LedgerSchedule; amending: boolean } | null | undefined {
    for (const line of lines) {
      const f = fold(line.text);
      if (!/^第\d+表/.test(f)) continue;
      const schedule = this.spec.schedules.find((sc) => f.includes(fold(sc.name)));
      return schedule ? { schedule, amending: f.includes(fold(this.spec.supplementary)) } : null;
    }
    return undefined;
  }

  /** The section of a 補正 a line above its table opens (1．追加, 2．変更, 3．廃止), if any. */
  private sectionOf(lines: readonly { text: string }[]): string | null {
    for (const line of lines) {
      // The unit may be printed at the end of the same line: 1．追加　（単位：千円）.
      const f = fold(line.text).replace(/[(（]単位[^)）]*[)）]/, "");
      const m = /^\d+[.．、]?(.+)$/.exec(f);
      const section = m ? this.spec.amendments.sections.find((w) => m[1] === fold(w)) : undefined;
      if (section) return section;
    }
    return null;
  }

  /**
   * A table of the schedule when its header gives every column of it: one row per printed
   * row with a label, the 合計 row as its total. False (nothing read) when it does not.
   */
  private scheduleTable(lt: LedgerPageTable, sc: LedgerSchedule): boolean {
    const t = lt.table;
    if (t.headerRows === 0) return false;
    // A 変更 table of a 補正 prints each column twice, under 補正前 and 補正後: the row's
    // fields are its 補正後 side's, its amount before the change (補正前) is kept beside.
    const [beforeWords, afterWords] = this.spec.amendments.sides;
    const twoSided = this.amending && t.columns.some((path) => path.some((h) => afterWords.some((w) => fold(h).includes(fold(w)))));
    // A column under one of the words: the word over it (補正前 / 限度額) or under it (金額 / 変更前).
    const under = (words: string[], headers: (string | string[])[]) =>
      words.flatMap((w) => headers.flatMap((h) => [[w, ...(Array.isArray(h) ? h : [h])], [...(Array.isArray(h) ? h : [h]), w]]));
    // In a two-sided table, a column printed once (款, 項 of 繰越明許費) is matched as printed.
    const fields = sc.columns.map((c, i) => ({ path: c.field, title: c.title, headers: twoSided && i > 0 ? [...under(afterWords, c.headers), ...c.headers] : c.headers, kind: "text" as const }));
    const amountSpec = sc.columns.find((c) => c.field === sc.amount)!;
    if (twoSided) fields.push({ path: BEFORE, title: amountSpec.title, headers: under(beforeWords, amountSpec.headers), kind: "text" as const });
    const at = matchColumns(fields, t.columns);
    // A 補正's sections print fewer columns (廃止: the label and the amount): those two at least.
    const enough = this.amending ? at.has(sc.columns[0]!.field) && at.has(sc.amount) && (!twoSided || at.has(BEFORE)) : at.size === sc.columns.length;
    if (!enough) return false;
    this.close();
    const cover = coverGrid(t);
    const label = at.get(sc.columns[0]!.field)!;
    const taken = new Set(at.values());
    const sameHeader = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((h, k) => h === b[k]);
    for (let r = t.headerRows; r < t.rows; r++) {
      const slots = cover[r]!;
      const head = slots[label];
      // A column's text, with that of the columns right of it under the same header cell
      // (款 printed as its number and its name in two ruled columns) that no field took.
      const text = (i: number) => {
        let v = "";
        for (let j = i; j === i || (j < t.cols && !taken.has(j) && sameHeader(t.columns[j]!, t.columns[i]!)); j++) {
          const c = slots[j];
          if (c && (j === i || c.col === j)) v += fold(c.lines.join(""));
        }
        return v === "" ? null : v;
      };
      const amountCell = slots[at.get(sc.amount)!];
      const amount = this.scheduleAmount(amountCell, r);
      const name = text(label);
      if (!head || name === null) continue;
      if (this.totalLabel(name) === "grand") {
        this.ledger.scheduleTotals.push({ schedule: sc.id, label: name, amount, page: head.page, box: head.box });
        continue;
      }
      const values: Record<string, string | null> = {};
      for (const c of sc.columns) values[c.field] = c.field === sc.amount ? (amount?.printed ?? null) : at.has(c.field) ? text(at.get(c.field)!) : null;
      const amended = this.amending ? { section: this.section, ...(twoSided && { before: this.scheduleAmount(slots[at.get(BEFORE)!], r) }) } : {};
      this.ledger.schedules.push({ schedule: sc.id, fields: values, amount, ...amended, page: head.page, box: head.box });
    }
    return true;
  }

  /** A schedule's amount: its unit printed after it in the cell (7,055 千円) or the table's (単位：千円). */
  private scheduleAmount(c: StitchedCell | undefined, r: number): Amount | null {
    if (!c || c.row !== r) return null;
    const printed = c.lines.map((l) => l.trim()).filter((l) => l !== "").join("");
    if (printed === "") return null;
    const m = /^(.*?)\s*(百万円|千円|円)$/.exec(printed);
    const unit = m ? m[2]! : this.s.unit;
    const n = parseNumber(m ? m[1]! : printed);
    const k = yenMultiplier(unit) ?? 1;
    return { yen: n.value === null ? null : Math.round(n.value * k), printed, unit, page: c.page, box: c.box };
  }

  private amount(c: StitchedCell | undefined, r: number): Amount | null {
    if (!c || c.row !== r) return null;
    const lines = c.lines.map((l) => l.trim()).filter((l) => l !== "");
    // 千円 printed in the first data cell, above its amount: the unit, not a value.
    const unitLine = lines.findIndex((l) => /^[(（]?(千円|円|百万円)[)）]?$/.test(l));
    if (unitLine >= 0) {
      this.s.unit = lines[unitLine]!.replace(/[()（）]/g, "");
      lines.splice(unitLine, 1);
    }
    const printed = lines.join("");
    if (printed === "") return null;
    const n = parseNumber(printed);
    const m = yenMultiplier(this.s.unit) ?? 1;
    return { yen: n.value === null ? null : Math.round(n.value * m), printed, unit: this.s.unit, page: c.page, box: c.box };
  }

  private amounts(layout: Layout, slots: readonly (StitchedCell | undefined)[], r: number): Amounts {
    const get = (role: LedgerRole) => (layout.at[role] === undefined ? null : this.amount(slots[layout.at[role]!], r));
    const hasSources = (["source1", "source2", "source3", "source4"] as const).some((k) => layout.at[k] !== undefined);
    return {
      now: get("now"),
      before: get("before"),
      diff: get("diff"),
      sources: hasSources ? (["source1", "source2", "source3", "source4"] as const).map(get) : null,
    };
  }

  private totalLabel(text: string): "subtotal" | "grand" | null {
    const f = fold(text);
    if (this.grand.includes(f) || this.grand.some((g) => f.endsWith(g))) return "grand";
    if (this.subtotal.includes(f)) return "subtotal";
    return null;
  }

  /** A row of 第1表 or 総括: a 款 row, a 項 row, or the side's total. */
  private levelRow(lt: LedgerPageTable, layout: Layout, cover: (StitchedCell | undefined)[][], r: number): void {
    const s = this.s;
    const slots = cover[r]!;
    const c1 = layout.at.level1 === undefined ? undefined : slots[layout.at.level1];
    const c2 = layout.at.level2 === undefined ? undefined : slots[layout.at.level2];
    const own1 = c1 && c1.row === r && c1.text.trim() !== "" ? c1 : undefined;
    const own2 = c2 && c2.row === r && c2 !== c1 && c2.text.trim() !== "" ? c2 : undefined;
    const label = own1 ?? own2;
    if (!label) return;
    const a = this.amounts(layout, slots, r);
    const place = { page: label.page, box: label.box };
    const total = this.totalLabel(label.text);
    if (total) {
      this.ledger.totals.push({ side: s.side, kind: layout.kind, label: fold(label.text), l1: null, l2: null, ...a, ...place });
      return;
    }
    const rows = layout.kind === "first" ? this.ledger.first : this.ledger.summary;
    if (own1) {
      s.l1 = numbered(own1.text);
      s.l2 = null;
      rows.push({ side: s.side, level: 1, l1: s.l1, l2: null, ...a, ...place });
    } else if (own2 && s.l1) {
      s.l2 = numbered(own2.text);
      rows.push({ side: s.side, level: 2, l1: s.l1, l2: s.l2, ...a, ...place });
    }
  }

  /** A row of a detail table: a 目 (new or continued), its 節 and 説明, or a 計 row. */
  private detailRow(lt: LedgerPageTable, layout: Layout, cover: (StitchedCell | undefined)[][], r: number, top: boolean): void {
    const s = this.s;
    const slots = cover[r]!;
    const at = layout.at;
    const c3 = slots[at.level3!];
    if (c3 && c3.row === r) {
      const text = c3.text.trim();
      const total = text === "" ? null : this.totalLabel(text);
      if (total) {
        this.close();
        const a = this.amounts(layout, slots, r);
        this.ledger.totals.push({ side: s.side, kind: "detail", label: fold(text), l1: s.l1, l2: s.l2, ...a, page: c3.page, box: c3.box });
        return;
      }
      const depth = text !== "" && layout.nested ? nestedDepth(text, this.spec.levels, lt, c3, this.indents) : 2;
      if (depth === 0 || depth === 1) {
        // A 款 or 項 row of a nested 科目 column: the level opens, its amounts are the level's.
        this.close();
        const a = this.amounts(layout, slots, r);
        const named = numbered(text);
        const place = { page: c3.page, box: c3.box };
        if (depth === 0) {
          s.l1 = named;
          s.l2 = null;
          this.ledger.summary.push({ side: s.side, level: 1, l1: named, l2: null, ...a, ...place });
        } else {
          s.l2 = named;
          this.ledger.totals.push({ side: s.side, kind: "detail", label: fold(text), l1: s.l1, l2: named, ...a, ...place });
        }
        return;
      }
      if (text !== "") {
        const l3 = numbered(text);
        const open = s.detail;
        const a = this.amounts(layout, slots, r);
        const repeated = open && top && open.l3.no === l3.no && open.l3.name === l3.name && open.now?.yen === a.now?.yen;
        if (repeated) {
          if (!open.pages.includes(c3.page)) open.pages.push(c3.page);
        } else {
          const row: DetailRow = { side: s.side, l1: s.l1, l2: s.l2, l3, ...a, page: c3.page, box: c3.box, pages: [c3.page], items: [], notes: [] };
          this.ledger.details.push(row);
          s.detail = row;
        }
      } else if (top && s.detail && !s.detail.pages.includes(c3.page)) {
        s.detail.pages.push(c3.page); // an empty 目 cell at the top of a page: the 目 goes on
      }
    }
    const d = s.detail;
    if (!d) return;
    const ci = at.item === undefined ? undefined : slots[at.item];
    if (ci && ci.row === r && ci.text.trim() !== "") {
      const [head, ...rest] = (lt.segments[lt.table.cells.indexOf(ci)] ?? []).map((sg) => sg.text);
      const label = numbered(head ?? ci.text);
      const item: ItemRow = { no: label.no, name: label.name, amount: at.itemAmount === undefined ? null : this.amount(slots[at.itemAmount], r), subs: [], page: ci.page, box: ci.box };
      // Lines under a 節 name: the name wrapped (no number of their own), or 小区分 lines.
      for (const line of rest) {
        if (/^\s*[・･]/.test(line)) item.subs.push(line.replace(/^\s*[・･]\s*/, ""));
        else item.name += fold(line);
      }
      d.items.push(item);
    }
    const cn = at.notes === undefined ? undefined : slots[at.notes];
    if (cn && cn.row === r && cn.text.trim() !== "") this.notes(d, lt, cn, top);
  }

  /**
   * 説明 lines of a cell: a line without an amount after one with an amount continues its
   * text — at the top of a page too (the 目 goes on from the page before). So does a line
   * starting with the last marker (・) without an amount right after an unmarked line with
   * one: a name wrapped at its ・ (保守点検 / ・管理委託料), not an item of its own.
   */
  private notes(d: DetailRow, lt: LedgerPageTable, c: StitchedCell, top: boolean): void {
    const segments = lt.segments[lt.table.cells.indexOf(c)] ?? [];
    const markers = this.spec.noteMarkers;
    segments.forEach((sg, i) => {
      const text = sg.text.trim();
      const right = sg.right?.trim() ?? null;
      const marker = markers.findIndex((ms) => ms.some((m) => text.startsWith(m)));
      const last = d.notes[d.notes.length - 1];
      const wrappedAtMarker = marker > 0 && marker === markers.length - 1 && right === null && last !== undefined && !last.marked && last.amount !== null;
      if ((marker < 0 || wrappedAtMarker) && right === null && last && (i > 0 || top)) {
        last.text += fold(text);
        return;
      }
      // An unmarked line sits under the nearest marked line above it in this 目.
      const parent = [...d.notes].reverse().find((n) => n.marked);
      const level = marker >= 0 ? marker + 1 : (parent?.level ?? 0) + 1;
      const body = marker >= 0 ? text.slice(markers[marker]!.find((m) => text.startsWith(m))!.length) : text;
      let amount: Amount | null = null;
      if (right !== null) {
        const n = parseNumber(right);
        const m = yenMultiplier(this.s.unit) ?? 1;
        amount = { yen: n.value === null ? null : Math.round(n.value * m), printed: right, unit: this.s.unit, page: c.page, box: sg.box };
      }
      d.notes.push({ level, marked: marker >= 0, text: fold(body), amount, page: c.page, box: sg.box });
    });
  }
}

/**
 * The tables of two facing pages as one: the i-th table of the left page (目 and amounts)
 * beside the i-th of the right page (節, 説明), or the one beside it on the page when they
 * are not as many. Their rows are cut wherever either page draws a row line (a 目 merged
 * over its 節 rows on the left, one 節 a row on the right): the pages are printed from one
 * template, so a row's lines are at the same height on both.
 */
function facingTables(left: readonly LedgerPageTable[], right: readonly LedgerPageTable[]): LedgerPageTable[] {
  const overlap = (a: Box, b: Box) => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  const used = new Set<LedgerPageTable>();
  const out: LedgerPageTable[] = [];
  left.forEach((l, i) => {
    const r = left.length === right.length ? right[i]! : [...right].filter((x) => !used.has(x)).sort((a, b) => overlap(l.box, b.box) - overlap(l.box, a.box))[0];
    if (!r || overlap(l.box, r.box) <= 0) {
      out.push(l);
      return;
    }
    used.add(r);
    out.push(besideTable(l, r));
  });
  return out;
}

/** Two tables printed side by side (on facing pages) as one table: rows from the row lines of both. */
function besideTable(a: LedgerPageTable, b: LedgerPageTable): LedgerPageTable {
  const ys = [...a.table.cells, ...b.table.cells].flatMap((c) => [c.box.y0, c.box.y1]).sort((x, y) => x - y);
  const edges: number[] = [];
  for (const y of ys) if (edges.length === 0 || y - edges[edges.length - 1]! > 3) edges.push(y);
  const at = (y: number) => {
    let best = 0;
    for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - y) < Math.abs(edges[best]! - y)) best = i;
    return best;
  };
  const place = (c: StitchedCell, dc: number): StitchedCell => {
    const row = at(c.box.y0);
    return { ...c, row, rowSpan: Math.max(1, at(c.box.y1) - row), col: c.col + dc };
  };
  const headerEnd = (t: Table) => (t.headerRows === 0 ? 0 : at(Math.max(...t.cells.filter((c) => c.row < t.headerRows).map((c) => c.box.y1))));
  const cells = [...a.table.cells.map((c) => place(c, 0)), ...b.table.cells.map((c) => place(c, a.table.cols))];
  const segments: Record<number, Segment[]> = { ...a.segments };
  for (const [k, v] of Object.entries(b.segments)) segments[Number(k) + a.table.cells.length] = v;
  const table: Table = {
    ...a.table,
    pages: [...new Set([...a.table.pages, ...b.table.pages])],
    rows: Math.max(1, edges.length - 1),
    cols: a.table.cols + b.table.cols,
    // The 目 side's header governs: without one the pair continues the table above (an
    // empty first row of the other side may pass for a header).
    headerRows: a.table.headerRows === 0 ? 0 : Math.max(headerEnd(a.table), headerEnd(b.table)),
    columns: [...a.table.columns, ...b.table.columns],
    cells,
  };
  return { table, box: a.box, above: [...a.above, ...b.above], segments };
}

/**
 * The level of a row of a nested 科目 column: 0 (款), 1 (項) or 2 (目) by the unit word after
 * its number (1款, 第2項), else by its numbering (1 / （1） / ①), else by its indentation
 * among the table's indentation steps (the deepest step, and anything else, is a 目).
 */
export function nestedDepth(text: string, levels: readonly string[], lt: LedgerPageTable, c: StitchedCell, indents: readonly number[]): number {
  const t = toHalfWidth(text).trim();
  const unit = /^第?\s*\d{1,4}\s*(\S)/u.exec(t);
  const byUnit = unit ? levels.indexOf(unit[1]!) : -1;
  if (byUnit >= 0 && byUnit <= 2) return byUnit;
  if (/^[\u2460-\u2473]/u.test(t)) return 2;
  if (/^[(（]\s*\d{1,3}\s*[)）]/u.test(t)) return 1;
  if (/^\d{1,3}(?:[\s.．、]|$)/u.test(t)) return 0;
  if (indents.length < 2) return 2;
  const x = indentOf(lt, c);
  let step = 0;
  for (let i = 1; i < indents.length; i++) if (Math.abs(indents[i]! - x) < Math.abs(indents[step]! - x)) step = i;
  return Math.min(2, step + (3 - Math.min(3, indents.length)));
}

/** How far a cell's first line starts from the cell's left edge. */
function indentOf(lt: LedgerPageTable, c: StitchedCell): number {
  const first = lt.segments[lt.table.cells.indexOf(c)]?.[0];
  return first ? first.box.x0 - c.box.x0 : 0;
}

/** The distinct indentations (2 pt apart or more) of a column's data cells, smallest first. */
function labelIndents(lt: LedgerPageTable, col: number, firstData: number): number[] {
  const xs = lt.table.cells
    .filter((c) => c.col === col && c.row >= firstData && c.text.trim() !== "")
    .map((c) => indentOf(lt, c))
    .sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || x - out[out.length - 1]! >= 2) out.push(x);
  return out;
}

/** "1.一般管理費" → { no: 1, name: "一般管理費" }; "第2款 総務費", "(3) 需用費", "①議会費" alike. */
export function numbered(text: string): Named {
  const t = toHalfWidth(text).trim();
  const circled = /^([\u2460-\u2473])\s*(.+)$/su.exec(t);
  if (circled) return { no: circled[1]!.codePointAt(0)! - 0x2460 + 1, name: fold(circled[2]!) };
  const m = /^第?\s*[(（]?\s*(\d{1,4})\s*[)）]?\s*(?:款|項|目|節)?\s*[.．、:：]?\s*(.*)$/su.exec(t);
  if (m && m[2]!.trim() !== "") return { no: Number(m[1]), name: fold(m[2]!) };
  return { no: null, name: fold(t) };
}

/**
 * The top two levels printed above a detail table: "款 2. 総務費 項 1. 総務管理費",
 * "第2款 総務費 第1項 総務管理費", "2款 総務費 / 1項 総務管理費".
 */
export function headerLevels(text: string, l1: string, l2: string): [Named, Named] | null {
  const t = text.replace(/（単位[^）]*）|\(単位[^)]*\)/g, " ").replace(/\u3000/g, " ").trim();
  const label = (l: string) => `(?:${l}\\s+(\\d{1,3})\\s*[.．、]?|第?\\s*(\\d{1,3})\\s*${l})\\s*`;
  const re = new RegExp(`^.{0,8}?${label(l1)}(.+?)\\s+${label(l2)}(.+?)\\s*$`, "u");
  const m = re.exec(t);
  if (!m) return null;
  return [
    { no: Number(m[1] ?? m[2]), name: fold(m[3]!) },
    { no: Number(m[4] ?? m[5]), name: fold(m[6]!) },
  ];
}
