/**
 * Printed totals, checked. Every check compares a printed number with what the rows it
 * names compute to, per column, and says which rows it used (`terms`):
 *
 * - `totals/rows`: a row labelled 合計, 小計, 計, 総計, 歳入合計 … closes the rows above it.
 *   合計 / 総計 close every detail row since the previous grand total (小計 rows in between
 *   left out so nothing counts twice); 小計 / 計 close the rows since the previous total.
 *   A spanning cell counts once, "－" as nothing. In a hierarchy only the top rows count
 *   (a row counts unless a row above it in the hierarchy prints a number in that column).
 * - `totals/scope`: a total limited by its label — "小計（ウェブサイト関連費を除く）" sums the
 *   rows of its block that do not mention ウェブサイト関連費, "ウェブサイト関連費に係る小計"
 *   those that do.
 * - `totals/formula`: a label with a formula over other rows' names, "（５）…合計（a）＋（c）";
 *   a total naming other totals together, 負債・純資産合計 = 負債合計 + 純資産合計.
 * - `totals/limit`: a rate or cap, "（１）×補助率 2/3 以内（円未満切捨て）", "（６）の1/4を上限",
 *   "最大５０万円", or a condition "(d)が(f)の 1/4 以内であるか": at most (以内) or equal
 *   to the smallest limit.
 * - `totals/level`: in a hierarchy (款 → 項 → 目, see levels.ts) each parent equals the sum
 *   of its children.
 *
 * A difference within the rounding of the display unit (at most half a unit per row summed;
 * for a rate, less than one unit) is a warning; anything larger is an error.
 */
import { parseNumber } from "../normalize/numbers.js";
import type { Finding, Severity } from "../model/finding.js";
import type { Box } from "../model/page.js";
import { fold, readLabel, totalKind, valueTag, type Formula, type Limit, type RowLabel, type RowName } from "./labels.js";
import { bracketKind, detectLevels, type LevelInput, type Levels } from "./levels.js";
import { dataRows, type StitchedCell, type Table } from "./stitch.js";
import { minOf, pushAll } from "../bounded.js";

export type TotalRule = "totals/rows" | "totals/scope" | "totals/formula" | "totals/limit" | "totals/level" | "totals/columns";

/**
 * A printed total checked against its rows: a finding with the total's place, label and
 * terms (its message is made where it is printed, from these fields; tables.json has none).
 */
export interface TotalCheck extends Omit<Finding, "message"> {
  /** The total row's label as printed, spaces taken out (合計, 小計 …). */
  label: string;
  /** 0-based data row of the total row. */
  row: number;
  page: number;
  box: Box;
  /** The column's header path joined with " / ". */
  column: string;
  printed: number;
  /** What the rows compute to: their sum, or for totals/limit the limit. */
  sum: number;
  /** printed − sum. */
  difference: number;
  /** How many rows were summed (or named by the formula). */
  rows: number;
  ok: boolean;
  severity: Severity;
  rule: TotalRule;
  /** The computation as read, e.g. "(e) = (a)+(c)", "(d) ≤ min(⌊(c)×2/3⌋, ⌊(6)×1/4⌋, 500,000)". */
  formula?: string;
  /** For totals/level, the parent's depth (0 = top); for totals/rows in a hierarchy, 0. */
  level?: number;
  /** The rows that went into `sum`: data row, its label (or the name used), value. */
  terms: Term[];
}

export interface Term {
  row: number;
  label: string;
  value: number;
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, "");
/** A label column headed by a level's name: 款, 項, 目, 節. */
const UNIT_HEADER = /^(?:款|項|目|節)(?:名|区分)?$/u;

/** One data row as the checks see it. */
interface Row {
  texts: string[];
  values: (number | null)[];
  /** The first non-empty cell that is not a number. */
  label: string;
  read: RowLabel;
  total?: "grand" | "sub";
  /** The name tagging one of its values, "a" for （a） 2,430,000, and that value's column. */
  tag?: { name: RowName; col: number };
}

export function checkTotals(table: Table): TotalCheck[] {
  const { ctx, checks } = withHierarchy(table);
  const { rows } = ctx;
  let lastGrand = -1;
  let lastAny = -1;
  rows.forEach((row, r) => {
    const formula = row.read.formula;
    const parts = row.total ? totalsNamed(ctx, r) : null;
    if (formula) pushAll(checks, formulaChecks(ctx, r, formula));
    else if (parts) pushAll(checks, partsChecks(ctx, r, parts));
    else if (row.total) pushAll(checks, rowChecks(ctx, r, row.total === "grand" || row.read.scope ? lastGrand : lastAny));
    if (row.total) {
      lastAny = r;
      if (row.total === "grand") lastGrand = r;
    }
  });
  const supp = supplementary(table);
  if (supp) return supplementaryChecks(ctx, supp, checks).sort((a, b) => a.row - b.row);
  return checks.sort((a, b) => a.row - b.row);
}

/** The hierarchy of a table's data rows: each row's parent (a data row index) and depth (0 at the top); null where a row is in none. */
export interface TableLevels {
  parent: (number | null)[];
  depth: (number | null)[];
}

/**
 * The levels the total checks find in a table (label columns 款/項/目, numbering,
 * indentation), or null when it has none: for pipelines that give each record its
 * level and parent.
 */
export function tableLevels(table: Table): TableLevels | null {
  const { parent, children } = withHierarchy(table).ctx.tree;
  if (children.every((c) => c.length === 0)) return null;
  const depth = parent.map((_, r) => {
    let d = 0;
    for (let p = parent[r]; p !== null && p !== undefined && d <= parent.length; p = parent[p]) d++;
    return d;
  });
  return { parent, depth };
}

/** A table's rows as the checks read them, with the hierarchy its levels hold (ctx.tree) and the checks of those levels. */
function withHierarchy(table: Table): { ctx: Context; checks: TotalCheck[] } {
  const rows = readRows(table);
  const detail = rows.map((r) => !r.total && !r.read.formula);
  const ctx: Context = { table, rows, detail, tree: flat(rows.length) };
  return { ctx, checks: hierarchyChecks(ctx) };
}

/** The columns of a supplementary budget (補正予算): the amount before, the change, and the amount after. */
interface Supplementary {
  before: number;
  change: number;
  after: number;
}

const BEFORE = /^補正前(?:の額|の予算額|予算額|額)?$/u;
const CHANGE = /^補正(?:額|予算額)$/u;
const AFTER = /^(?:計|合計|補正後(?:の額|の予算額|予算額|額)?)$/u;

/**
 * A supplementary budget prints, per 款/項, the amount before, the change and the amount
 * after (補正前の額, 補正額, 計), in that order, under headers that say so.
 */
export function supplementary(table: Table): Supplementary | null {
  const head = (c: number) => squeeze(table.columns[c]?.at(-1) ?? "");
  const find = (re: RegExp, from: number) => {
    for (let c = from; c < table.cols; c++) if (re.test(head(c))) return c;
    return -1;
  };
  const before = find(BEFORE, 0);
  const change = before < 0 ? -1 : find(CHANGE, before + 1);
  const after = change < 0 ? -1 : find(AFTER, change + 1);
  return after < 0 ? null : { before, change, after };
}

/**
 * It lists only the 項 (and 款) that change, so only the change column sums down the
 * rows; the amounts before and after are checked across, on every row, total rows
 * included: after = before + change (totals/columns).
 */
function supplementaryChecks(ctx: Context, s: Supplementary, checks: readonly TotalCheck[]): TotalCheck[] {
  const across = new Set([s.before, s.after].map((c) => ctx.table.columns[c]!.join(" / ")));
  const out = checks.filter((c) => c.rule === "totals/formula" || c.rule === "totals/limit" || !across.has(c.column));
  const [b, ch, a] = [s.before, s.change, s.after].map((c) => squeeze(ctx.table.columns[c]!.at(-1) ?? ""));
  ctx.rows.forEach((row, r) => {
    if (row.values[s.before] === null || row.values[s.change] === null || row.values[s.after] === null) return;
    out.push(sumCheck(ctx, r, s.after, [term(ctx, r, s.before), term(ctx, r, s.change)], { rule: "totals/columns", formula: `${a} = ${b} + ${ch}` }));
  });
  return out;
}

interface Context {
  table: Table;
  rows: Row[];
  detail: boolean[];
  /** Parent and children per row: who stands for whom in a sum. */
  tree: Tree;
}

interface Tree {
  parent: (number | null)[];
  children: number[][];
}

const flat = (n: number): Tree => ({ parent: Array<number | null>(n).fill(null), children: Array.from({ length: n }, () => []) });

function readRows(table: Table): Row[] {
  const data = dataRows(table);
  const shared = sharedUnits(data);
  return data.map((texts) => {
    let values = texts.map((t, c) => valueOf(shared[c] ? stripUnit(t, shared[c]) : t));
    const label = texts.find((t, c) => values[c] === null && squeeze(t) !== "" && !valueTag(t)) ?? "";
    // A section's or group's amount printed in the brackets of its label: 【流動資産】 【139,072,277】.
    const marked = bracketKind(label);
    if (marked !== "item") values = texts.map((t, c) => (values[c] !== null || t === label ? values[c]! : valueOf(t, marked)));
    const read = readLabel(label);
    const tagCol = texts.findIndex((t) => valueTag(t));
    const row: Row = { texts, values, label, read };
    if (tagCol >= 0) row.tag = { name: valueTag(texts[tagCol]!)!.name, col: tagCol };
    const total = read.total ?? shortTotal(texts);
    if (total) row.total = total;
    return row;
  });
}

/** A total word printed in a cell other than the label's: 合計 in the second column. */
function shortTotal(texts: readonly string[]): "grand" | "sub" | undefined {
  for (const cell of texts) {
    const kind = totalKind(squeeze(cell));
    if (kind) return kind;
  }
  return undefined;
}

/** An amount as printed, without its unit: 17,335,066, △416,453. */
const AMOUNT = "[△▲\\-－−]?[\\d０-９][\\d０-９,，.．]*";
const BARE = new RegExp(`^${AMOUNT}$`, "u");
/** An amount printed with its money unit: 17,335,066千円. */
const WITH_UNIT = new RegExp(`^(${AMOUNT})((?:千|百万|万|億)?円)$`, "u");

/**
 * Per column, the money unit some of its amounts print and the others leave to the table
 * (the first row of a 地方債 table: 17,335,066千円 over 416,453 …, the table in 千円): that
 * unit is the column's, and an amount printing it is read without it. Null where the
 * column's amounts print no unit, or two different ones (each is then read in yen).
 */
function sharedUnits(rows: readonly string[][]): (string | null)[] {
  const cols = rows.reduce((n, r) => Math.max(n, r.length), 0);
  return Array.from({ length: cols }, (_, c) => {
    const units = new Set<string>();
    let bare = false;
    for (const r of rows) {
      const t = squeeze(r[c] ?? "");
      const m = WITH_UNIT.exec(t);
      if (m) units.add(m[2]!);
      else if (BARE.test(t)) bare = true;
    }
    return units.size === 1 && bare ? [...units][0]! : null;
  });
}

const stripUnit = (text: string, unit: string): string => {
  const m = WITH_UNIT.exec(squeeze(text));
  return m && m[2] === unit ? m[1]! : text;
};

/** The brackets a section's (【】) or group's (（）) amount is printed in; the closing one may be lost to OCR. */
const IN_BRACKETS = { section: /^【([^【】]+)】?$/u, group: /^[(（]([^()（）]+)[)）]?$/u };

function valueOf(text: string, brackets?: "section" | "group"): number | null {
  let t = valueTag(text)?.rest ?? squeeze(text);
  if (brackets) t = IN_BRACKETS[brackets].exec(t)?.[1] ?? t;
  if (t === "") return null;
  const n = parseNumber(t.replace(/円$/u, ""));
  return typeof n.value === "number" && Number.isFinite(n.value) ? n.value : null;
}

/** Decimal places printed, for the rounding tolerance. */
function decimals(text: string): number {
  const m = /[.．](\d+)/u.exec(text);
  return m ? m[1]!.length : 0;
}

// ---------------------------------------------------------------------------
// hierarchy

/**
 * Level checks, block by block (the rows between two totals: a long table may print each
 * part its own way). Levels shown only by columns, numbering or indentation are kept when
 * at least half their parents hold; the hierarchy kept is recorded in ctx.tree.
 */
function hierarchyChecks(ctx: Context): TotalCheck[] {
  const { table, rows, detail } = ctx;
  // Columns of numbers: some row prints one there and most of its filled cells are numbers.
  const numeric = Array.from({ length: table.cols }, (_, c) => {
    const filled = rows.filter((r, i) => detail[i] && squeeze(r.texts[c]!) !== "");
    const numbers = filled.filter((r) => r.values[c] !== null).length;
    return numbers > 0 && numbers * 2 >= filled.length;
  });
  const first = numeric.findIndex((n, c) => !n && rows.some((r, i) => detail[i] && squeeze(r.texts[c]!) !== ""));
  if (first < 0) return [];
  const end = numeric.indexOf(true, first);
  const labelCols = Array.from({ length: (end < 0 ? table.cols : end) - first }, (_, i) => first + i);
  const input = { rows: rows.map((r) => r.texts), valued: rows.map((r) => r.values.some((v) => v !== null)), labelCols, ...slots(table) };
  const unitHeaders = labelCols.length > 1 && labelCols.every((c) => UNIT_HEADER.test(squeeze(table.columns[c]?.at(-1) ?? "")));
  const checks: TotalCheck[] = [];
  for (const block of blocks(detail)) {
    const levels = detectLevels({ ...input, detail: detail.map((d, i) => d && i >= block[0]! && i <= block[1]!) });
    if (!levels) continue;
    const tree = treeOf(rows, detail, levels);
    const parents = levelChecks({ ...ctx, tree }, levels);
    const holding = parents.filter((c) => c.severity !== "error").length;
    const certain = levels.by === "units" || (levels.by === "columns" && unitHeaders);
    if (!certain && holding * 2 < parents.length) continue;
    for (let r = block[0]!; r <= block[1]!; r++) {
      ctx.tree.parent[r] = tree.parent[r]!;
      ctx.tree.children[r] = tree.children[r]!;
    }
    // Label columns headed 款 / 項 … are a hierarchy whatever the sums say; a supplementary
    // budget lists only the 項 that change, so its parents are checked only where most hold.
    if (holding * 2 >= parents.length || levels.by === "units") pushAll(checks, parents);
  }
  return checks;
}

/** First and last row of each run of detail rows. */
function blocks(detail: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  detail.forEach((d, i) => {
    if (!d) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/** Lookups on the grid by data row: the cell starting at a slot, and whether a span with text covers it. */
function slots(table: Table): Pick<LevelInput, "cellAt" | "covered" | "coveredFromAbove"> {
  const start = new Map<string, StitchedCell>();
  const spanned = new Set<string>();
  const fromAbove = new Set<string>();
  for (const cell of table.cells) {
    start.set(`${cell.row},${cell.col}`, cell);
    // An empty cell spanning rows (a shaded strip beside a section's items) hides no label.
    if (cell.text.trim() === "") continue;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        if (r !== cell.row || c !== cell.col) spanned.add(`${r},${c}`);
        if (r !== cell.row) fromAbove.add(`${r},${c}`);
      }
    }
  }
  const h = table.headerRows;
  return { cellAt: (r, c) => start.get(`${r + h},${c}`), covered: (r, c) => spanned.has(`${r + h},${c}`), coveredFromAbove: (r, c) => fromAbove.has(`${r + h},${c}`) };
}

/** Parents from depths: the nearest row above with a smaller depth, within a block of rows between totals. */
function treeOf(rows: readonly Row[], detail: readonly boolean[], levels: Levels): Tree {
  const tree = flat(rows.length);
  let stack: number[] = [];
  rows.forEach((_, r) => {
    if (!detail[r]) {
      stack = [];
      return;
    }
    const depth = levels.depth[r];
    if (depth === undefined) return;
    while (stack.length && levels.depth[stack[stack.length - 1]!]! >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent !== undefined) {
      tree.parent[r] = parent;
      tree.children[parent]!.push(r);
    }
    stack.push(r);
  });
  return tree;
}

/** The rows that stand for `roots` in column c: each root with a number, else its children's. */
function frontier(ctx: Context, roots: readonly number[], col: number): number[] {
  return roots.flatMap((r) => (ctx.rows[r]!.values[col] !== null ? [r] : frontier(ctx, ctx.tree.children[r]!, col)));
}

function levelChecks(ctx: Context, levels: Levels): TotalCheck[] {
  const checks: TotalCheck[] = [];
  ctx.rows.forEach((row, r) => {
    const children = ctx.tree.children[r]!;
    if (children.length === 0) return;
    row.values.forEach((printed, col) => {
      if (printed === null) return;
      const used = frontier(ctx, children, col);
      if (used.length === 0) return;
      checks.push(
        sumCheck(ctx, r, col, used.map((i) => term(ctx, i, col)), {
          rule: "totals/level",
          level: levels.depth[r]!,
          formula: `Σ children (levels by ${levels.by})`,
        }),
      );
    });
  });
  return checks;
}

// ---------------------------------------------------------------------------
// totals closing rows above

function rowChecks(ctx: Context, r: number, after: number): TotalCheck[] {
  const row = ctx.rows[r]!;
  const scope = row.read.scope;
  let closes = Array.from({ length: r - after - 1 }, (_, i) => after + 1 + i).filter((i) => ctx.detail[i]);
  if (scope) {
    const name = fold(scope.name);
    const mentions = (i: number) => ctx.rows[i]!.texts.some((t, c) => ctx.rows[i]!.values[c] === null && fold(t).includes(name));
    closes = closes.filter((i) => mentions(i) === (scope.mode === "only"));
  }
  const inside = new Set(closes);
  const roots = closes.filter((i) => !inside.has(ctx.tree.parent[i] ?? -1));
  const hierarchical = roots.length < closes.length;
  const checks: TotalCheck[] = [];
  row.values.forEach((printed, col) => {
    if (printed === null || closes.length === 0) return;
    const used = frontier(ctx, roots, col);
    checks.push(
      sumCheck(ctx, r, col, used.map((i) => term(ctx, i, col)), {
        rule: scope ? "totals/scope" : "totals/rows",
        ...(scope && { formula: `Σ rows ${scope.mode === "only" ? "with" : "without"} ${scope.name}` }),
        ...(hierarchical && { level: 0 }),
      }),
    );
  });
  return checks;
}

// ---------------------------------------------------------------------------
// totals of totals

/** Names joined in a label: 負債・純資産, 負債及び純資産. */
const JOINED = /[・･]|及び|および|並びに/u;
const TOTAL_WORD = /(?:総合計|合計|総計|計)$/u;

/**
 * The total rows above row r that its label names together — 負債・純資産合計 over 負債合計
 * and 純資産合計 — or null: the label is names joined by ・ (及び, 並びに) and a total word,
 * and each name with that word (or 合計, 計) is the label of a total row above.
 */
function totalsNamed(ctx: Context, r: number): number[] | null {
  const label = fold(ctx.rows[r]!.label);
  const word = TOTAL_WORD.exec(label)?.[0];
  if (!word) return null;
  const names = label.slice(0, -word.length).split(JOINED);
  if (names.length < 2 || names.some((n) => n === "")) return null;
  const rows: number[] = [];
  for (const name of names) {
    const wanted = new Set([name + word, name + "合計", name + "計"]);
    const at = ctx.rows.findLastIndex((row, i) => i < r && row.total !== undefined && wanted.has(fold(row.label)));
    if (at < 0) return null;
    rows.push(at);
  }
  return rows;
}

function partsChecks(ctx: Context, r: number, parts: readonly number[]): TotalCheck[] {
  const checks: TotalCheck[] = [];
  ctx.rows[r]!.values.forEach((printed, col) => {
    if (printed === null || parts.some((p) => ctx.rows[p]!.values[col] === null)) return;
    const terms = parts.map((p) => term(ctx, p, col));
    checks.push(sumCheck(ctx, r, col, terms, { rule: "totals/formula", formula: `${squeeze(ctx.rows[r]!.label)} = ${terms.map((t) => t.label).join(" + ")}` }));
  });
  return checks;
}

// ---------------------------------------------------------------------------
// formulas

/** The row a name refers to: tagged values first, then markers; the nearest above, else below. */
function resolve(ctx: Context, name: RowName, from: number): number | undefined {
  const tagged = ctx.rows.flatMap((row, i) => (row.tag?.name === name ? [i] : []));
  const marked = ctx.rows.flatMap((row, i) => (row.read.marker === name ? [i] : []));
  const candidates = tagged.length ? tagged : marked;
  return candidates.filter((i) => i < from).pop() ?? candidates.find((i) => i > from);
}

/** A named row's value in column col, else its tagged value. */
function valueAt(ctx: Context, r: number, col: number): { col: number; value: number } | undefined {
  const row = ctx.rows[r]!;
  const own = row.values[col];
  if (own !== null && own !== undefined) return { col, value: own };
  const tagged = row.tag ? row.values[row.tag.col] : null;
  return tagged !== null && tagged !== undefined ? { col: row.tag!.col, value: tagged } : undefined;
}

function formulaChecks(ctx: Context, r: number, formula: Formula): TotalCheck[] {
  const row = ctx.rows[r]!;
  const own = row.tag?.name ?? row.read.marker;
  if (formula.kind === "limit" && formula.subject !== undefined) {
    const subject = resolve(ctx, formula.subject, r);
    const at = subject === undefined ? undefined : valueAt(ctx, subject, ctx.rows[subject]!.tag?.col ?? ctx.rows[subject]!.values.findIndex((v) => v !== null));
    if (subject === undefined || !at) return [];
    const check = limitCheck(ctx, r, at.col, { row: subject, label: `(${formula.subject})`, value: at.value }, formula);
    return check ? [check] : [];
  }
  const checks: TotalCheck[] = [];
  row.values.forEach((printed, col) => {
    if (printed === null) return;
    if (formula.kind === "sum") {
      const terms: Term[] = [];
      for (const t of formula.terms) {
        const i = resolve(ctx, t.name, r);
        const v = i === undefined ? undefined : valueAt(ctx, i, col);
        if (i === undefined || !v) return;
        terms.push({ row: i, label: `(${t.name})`, value: t.sign * v.value });
      }
      const text = formula.terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? "-" : "") : t.sign < 0 ? "-" : "+"}(${t.name})`).join("");
      checks.push(sumCheck(ctx, r, col, terms, { rule: "totals/formula", formula: `${own ? `(${own}) ` : ""}= ${text}` }));
    } else {
      const check = limitCheck(ctx, r, col, { row: r, label: own ? `(${own})` : squeeze(row.label), value: printed }, formula);
      if (check) checks.push(check);
    }
  });
  return checks;
}

/** `subject` against the smallest of the formula's limits in column col. */
function limitCheck(ctx: Context, r: number, col: number, subject: Term, formula: Extract<Formula, { kind: "limit" }>): TotalCheck | null {
  const terms: Term[] = [];
  const bounds: number[] = [];
  const shown: string[] = [];
  const { rounding } = formula;
  const rounded = (x: number) => (rounding ? Math[rounding.mode](snap(x) / rounding.step) * rounding.step : x);
  for (const limit of formula.limits) {
    if ("amount" in limit) {
      bounds.push(limit.amount);
      shown.push(limit.amount.toLocaleString("en-US"));
      continue;
    }
    const i = resolve(ctx, limit.name, r);
    const v = i === undefined ? undefined : valueAt(ctx, i, col);
    if (i === undefined || !v) return null;
    terms.push({ row: i, label: `(${limit.name})`, value: v.value });
    bounds.push(rounded((v.value * limit.numerator) / limit.denominator));
    shown.push(share(limit, rounding));
  }
  const bound = minOf(bounds);
  const places = decimals(ctx.rows[r]!.texts[col] ?? "");
  const sum = rounding ? bound : round(bound, places);
  const difference = round(subject.value - sum, places + 2);
  const within = Math.abs(subject.value - bound) < 10 ** -places;
  const ok = formula.upTo ? subject.value <= bound + 1e-9 : difference === 0;
  const relation = formula.upTo ? "≤" : "=";
  return {
    ...where(ctx, r, col),
    printed: subject.value,
    sum,
    difference,
    rows: terms.length,
    ok,
    severity: ok ? "info" : within ? "warning" : "error",
    rule: "totals/limit",
    formula: `${subject.label} ${relation} ${shown.length > 1 ? `min(${shown.join(", ")})` : shown[0]}`,
    terms: [...(subject.row === r ? [] : [subject]), ...terms],
  };
}

/** x with binary noise taken out, so ⌊2,430,000 × 2/3⌋ is 1,620,000 and not one less. */
function snap(x: number): number {
  const n = Math.round(x);
  return Math.abs(x - n) < 1e-9 * Math.max(1, Math.abs(x)) ? n : x;
}

function share(limit: Exclude<Limit, { amount: number }>, rounding: Extract<Formula, { kind: "limit" }>["rounding"]): string {
  const product = `(${limit.name})×${limit.numerator}/${limit.denominator}`;
  if (!rounding) return product;
  const step = rounding.step === 1 ? "" : ` to ${rounding.step.toLocaleString("en-US")}`;
  return rounding.mode === "floor" ? `⌊${product}⌋${step}` : rounding.mode === "ceil" ? `⌈${product}⌉${step}` : `round(${product})${step}`;
}

// ---------------------------------------------------------------------------
// building checks

function term(ctx: Context, r: number, col: number): Term {
  return { row: r, label: squeeze(ctx.rows[r]!.label), value: ctx.rows[r]!.values[col]! };
}

/** Label, page, box and column of the value printed at data row r, column col. */
function where(ctx: Context, r: number, col: number): Pick<TotalCheck, "label" | "row" | "page" | "box" | "column"> {
  const { table } = ctx;
  const cell = table.cells.find((c) => c.row === table.headerRows + r && c.col === col);
  return {
    label: squeeze(ctx.rows[r]!.label) || squeeze(ctx.rows[r]!.texts.find((t) => t.trim() !== "") ?? ""),
    row: r,
    page: cell?.page ?? table.pages[table.pages.length - 1]!,
    box: cell?.box ?? { x0: 0, y0: 0, x1: 0, y1: 0 },
    column: table.columns[col]!.join(" / "),
  };
}

function sumCheck(ctx: Context, r: number, col: number, terms: Term[], extra: { rule: TotalRule; formula?: string; level?: number }): TotalCheck {
  const text = ctx.rows[r]!.texts[col]!;
  const printed = ctx.rows[r]!.values[col]!;
  const places = decimals(text);
  const sum = round(terms.reduce((s, t) => s + t.value, 0), places + 2);
  const difference = round(printed - sum, places + 2);
  const ok = difference === 0;
  const rounding = !ok && Math.abs(difference) <= Math.max(1, terms.length) * 10 ** -places * 0.5;
  return {
    ...where(ctx, r, col),
    printed,
    sum,
    difference,
    rows: terms.length,
    ok,
    severity: ok ? "info" : rounding ? "warning" : "error",
    rule: extra.rule,
    ...(extra.formula !== undefined && { formula: extra.formula }),
    ...(extra.level !== undefined && { level: extra.level }),
    terms,
  };
}

function round(v: number, places: number): number {
  const f = 10 ** places;
  return Math.round(v * f) / f;
}
