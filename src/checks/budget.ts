/**
 * A budget book's checks (the ledger reader's, src/pipeline/ledger.ts): rule id → check
 * over the whole ledger, each run when the spec names it. A budget is
 * exact in its unit, so every comparison is exact. A rule that holds everywhere gives one
 * passing check; each place where it does not gives one failing check at the printed
 * value that disagrees (its page and box).
 *
 * - budget/difference   比較 = 本年度 − 前年度 (補正額 = 計 − 補正前の額) on every row
 * - budget/sources      Σ 財源 = 本年度 (補正: = 補正額) on every 目 and 計
 * - budget/items        Σ 節 = 目 (補正: its 補正額)
 * - budget/details      Σ 目 = the 項's 計 row, column by column
 * - budget/levels       Σ 項 = 款 (第1表, and the 明細's 項 against 総括's 款)
 * - budget/grand-total  Σ 款 = 歳入合計 / 歳出合計 (第1表, 総括)
 * - budget/balance      歳入合計 = 歳出合計
 * - budget/first-table  第1表's 項 = the 明細's 項 (its 計, or Σ 目 where no 計 is printed)
 * - budget/schedule-total  Σ 限度額 = 合計 of a schedule that prints one (地方債)
 * - budget/schedule-revenue  a schedule's total (its 合計, else Σ 限度額) = the 歳入 款 of
 *                          第1表 it names (地方債 = 市債); 当初 budgets only
 */
import type { Check } from "../model/finding.js";
import type { Amount, Ledger, Named, TotalRow } from "../model/ledger.js";
import { toHalfWidth } from "../normalize/width.js";

/** Checks are grouped by the table they are about (a schedule's by its id in `table`). */
export type CheckGroups = Record<"first" | "summary" | "detail" | "items" | "notes" | "totals" | "schedules", Check[]>;

/** What the budget checks read of a ledger spec (pipelines/budget-book.ts): its two sides and its schedules. */
export interface BudgetSpec {
  sides: readonly [string, string];
  schedules: ReadonlyArray<{ id: string; name: string; columns: ReadonlyArray<{ field: string; title: string }>; amount: string; revenue?: string }>;
  /** The checks to run, by their id, in this order. */
  checks: readonly BudgetRule[];
}

type Rule = (spec: BudgetSpec, l: Ledger) => Partial<CheckGroups>;

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "none" : n.toLocaleString("en-US"));
const yen = (a: Amount | null | undefined) => a?.yen ?? null;
const fold = (s: string) => toHalfWidth(s).replace(/[\s\u3000]+/g, "");
const sum = (xs: readonly (Amount | null | undefined)[]) => xs.reduce((s, a) => s + (a?.yen ?? 0), 0);
const nameOf = (n: Named | null) => (n ? `${n.no ?? ""}${n.no !== null ? "." : ""}${n.name}` : "?");
const key = (side: string | null, l1: Named | null, l2?: Named | null) => `${side}|${l1?.no ?? l1?.name}|${l2 === undefined ? "" : (l2?.no ?? l2?.name)}`;

function fail(rule: string, message: string, at: Amount | { page: number; box: Amount["box"] }, printed: number | null, total: number): Check {
  return { rule, ok: false, severity: "error", message, printed, sum: total, difference: printed === null ? null : printed - total, page: at.page, box: at.box };
}
function orPass(rule: string, failures: Check[], count: number, what: string): Check[] {
  if (failures.length) return failures;
  return [{ rule, ok: true, severity: "error", message: `${what} (${count} checked)` }];
}

/**
 * The amount columns that add up over rows. A supplementary budget prints only the 目 and
 * 款 it changes, beside 計 rows and totals of the whole budget: there only 補正額 adds up.
 */
const sumColumns = (l: Ledger): (readonly ["now" | "before" | "diff", string])[] =>
  l.supplementary ? [["diff", "補正額"]] : [["now", "本年度"], ["before", "前年度"], ["diff", "比較"]];
/** The one amount column level sums compare: 本年度 (金額), or 補正額. */
const main = (l: Ledger) => (l.supplementary ? "diff" : "now") as "now" | "diff";

/** The target the 財源 and 節 add up to: 本年度, or the 補正額 of a supplementary budget. */
const target = (l: Ledger, r: { now: Amount | null; diff: Amount | null }) => (l.supplementary ? r.diff : r.now);

/** The budget rules, by their id. */
export type BudgetRule =
  | "budget/schedule-total"
  | "budget/schedule-revenue"
  | "budget/difference"
  | "budget/sources"
  | "budget/items"
  | "budget/details"
  | "budget/levels"
  | "budget/grand-total"
  | "budget/balance"
  | "budget/first-table";

export const BUDGET_RULES: Readonly<Record<BudgetRule, Rule>> = {
  "budget/schedule-total": (spec, l) => {
    const out: Check[] = [];
    for (const total of l.scheduleTotals) {
      const sc = spec.schedules.find((x) => x.id === total.schedule);
      const what = sc?.columns.find((c) => c.field === sc.amount)?.title ?? "金額";
      const rows = l.schedules.filter((r) => r.schedule === total.schedule);
      const at = total.amount ?? { page: total.page, box: total.box };
      const table = { table: total.schedule };
      if (rows.some((r) => yen(r.amount) === null) || yen(total.amount) === null) {
        out.push({ ...fail("budget/schedule-total", `${sc?.name}: a ${what} or its ${total.label} cannot be read as an amount`, at, yen(total.amount), sum(rows.map((r) => r.amount))), ...table });
        continue;
      }
      const s = sum(rows.map((r) => r.amount));
      if (s !== total.amount!.yen) out.push({ ...fail("budget/schedule-total", `${sc?.name}: Σ ${what} of its ${rows.length} rows ${fmt(s)} yen ≠ ${total.label} ${total.amount!.printed}`, total.amount!, total.amount!.yen, s), ...table });
      else out.push({ rule: "budget/schedule-total", ok: true, severity: "error", message: `${sc?.name}: Σ ${what} = ${total.label} (${rows.length} rows)`, printed: total.amount!.yen, sum: s, page: total.page, ...table });
    }
    return { schedules: out };
  },
  "budget/schedule-revenue": (spec, l) => {
    const out: Check[] = [];
    // A supplementary budget's schedules are 補正 tables, not read (LedgerSpec.schedules).
    if (l.supplementary) return {};
    for (const sc of spec.schedules) {
      if (!sc.revenue) continue;
      const rows = l.schedules.filter((r) => r.schedule === sc.id);
      const kan = l.first.filter((r) => r.level === 1 && r.side === spec.sides[0] && fold(r.l1.name).endsWith(fold(sc.revenue!)));
      // Nothing to compare: no rows, or no one 款 of that name with an amount.
      if (rows.length === 0 || kan.length !== 1 || yen(kan[0]!.now) === null) continue;
      const k = kan[0]!, income = k.now!;
      const total = l.scheduleTotals.find((t) => t.schedule === sc.id);
      const table = { table: sc.id };
      const what = total ? `${total.label}` : `Σ ${sc.columns.find((c) => c.field === sc.amount)?.title ?? "金額"}`;
      const printed = total ? yen(total.amount) : rows.some((r) => yen(r.amount) === null) ? null : sum(rows.map((r) => r.amount));
      const at = total ? (total.amount ?? { page: total.page, box: total.box }) : income;
      if (printed === null) continue; // an amount that cannot be read fails budget/schedule-total
      if (printed !== income.yen) {
        out.push({ ...fail("budget/schedule-revenue", `${sc.name} ${what} ${total?.amount?.printed ?? fmt(printed) + " yen"} ≠ 第1表 ${nameOf(k.l1)} ${income.printed} (${fmt(income.yen)} yen)`, at, printed, income.yen!), ...table });
      } else out.push({ rule: "budget/schedule-revenue", ok: true, severity: "error", message: `${sc.name} ${what} = 第1表 ${nameOf(k.l1)}`, printed, sum: income.yen, page: at.page, ...table });
    }
    return { schedules: out };
  },
  "budget/difference": (_spec, l) => {
    const rows = <R extends { now: Amount | null; before: Amount | null; diff: Amount | null }>(xs: readonly R[], label: (r: R) => string) => {
      const out: Check[] = [];
      let n = 0;
      for (const r of xs) {
        if (yen(r.now) === null || yen(r.before) === null || yen(r.diff) === null) continue;
        n++;
        const expected = r.now!.yen! - r.before!.yen!;
        if (expected !== r.diff!.yen) out.push(fail("budget/difference", `${label(r)}: 比較 ${r.diff!.printed} ≠ ${r.now!.printed} − ${r.before!.printed} (${fmt(expected)} yen)`, r.diff!, r.diff!.yen, expected));
      }
      return orPass("budget/difference", out, n, "比較 = 本年度 − 前年度 on every row");
    };
    return {
      first: l.first.some((r) => r.before) ? rows(l.first, (r) => `第1表 ${nameOf(r.l2 ?? r.l1)}`) : [],
      summary: rows(l.summary, (r) => `総括 ${nameOf(r.l1)}`),
      detail: rows(l.details, (r) => `${r.side ?? ""} ${nameOf(r.l1)} ${nameOf(r.l2)} ${nameOf(r.l3)}`),
      totals: rows(l.totals, (r) => `${r.label} ${nameOf(r.l2)}`),
    };
  },

  "budget/sources": (_spec, l) => {
    const rows = <R extends { now: Amount | null; diff: Amount | null; sources: (Amount | null)[] | null; page: number; box: Amount["box"] }>(xs: readonly R[], label: (r: R) => string) => {
      const out: Check[] = [];
      let n = 0;
      for (const r of xs) {
        const t = target(l, r);
        if (!r.sources || yen(t) === null) continue;
        n++;
        const s = sum(r.sources);
        if (s !== t!.yen) out.push(fail("budget/sources", `${label(r)}: 財源 add up to ${fmt(s)} yen, not ${t!.printed} (${fmt(t!.yen)} yen)`, t!, t!.yen, s));
      }
      return n ? orPass("budget/sources", out, n, "Σ 財源 = 本年度 on every row") : [];
    };
    return {
      detail: rows(l.details, (r) => `${nameOf(r.l2)} ${nameOf(r.l3)}`),
      totals: rows(l.totals.filter((t) => t.kind === "detail"), (r) => `${r.label} ${nameOf(r.l2)}`),
      summary: rows(l.summary, (r) => `総括 ${nameOf(r.l1)}`),
    };
  },

  "budget/items": (_spec, l) => {
    const out: Check[] = [];
    let n = 0;
    for (const d of l.details) {
      const t = target(l, d);
      if (d.items.length === 0 || yen(t) === null) continue;
      n++;
      const s = sum(d.items.map((i) => i.amount));
      if (s !== t!.yen) out.push(fail("budget/items", `${nameOf(d.l2)} ${nameOf(d.l3)}: its ${d.items.length} 節 add up to ${fmt(s)} yen, the 目 prints ${t!.printed} (${fmt(t!.yen)} yen)`, t!, t!.yen, s));
    }
    return { items: orPass("budget/items", out, n, "Σ 節 = 目 for every 目") };
  },

  "budget/details": (_spec, l) => {
    const out: Check[] = [];
    let n = 0;
    for (const t of l.totals.filter((t) => t.kind === "detail")) {
      const mine = l.details.filter((d) => key(d.side, d.l1, d.l2) === key(t.side, t.l1, t.l2));
      if (mine.length === 0) continue;
      n++;
      for (const [col, title] of sumColumns(l)) {
        const printed = t[col];
        if (yen(printed) === null) continue;
        const s = sum(mine.map((d) => d[col]));
        if (s !== printed!.yen) out.push(fail("budget/details", `${nameOf(t.l1)} ${nameOf(t.l2)}: 計 ${title} ${printed!.printed}, its ${mine.length} 目 add up to ${fmt(s)} yen`, printed!, printed!.yen, s));
      }
      (t.sources ?? []).forEach((printed, i) => {
        const s = sum(mine.map((d) => d.sources?.[i]));
        if ((printed?.yen ?? 0) !== s) out.push(fail("budget/details", `${nameOf(t.l1)} ${nameOf(t.l2)}: 計 財源 ${i + 1} ${printed?.printed ?? "(blank)"}, its 目 add up to ${fmt(s)} yen`, printed ?? t, printed?.yen ?? 0, s));
      });
    }
    return { totals: orPass("budget/details", out, n, "Σ 目 = 計 for every 項 with a 計 row") };
  },

  "budget/levels": (_spec, l) => {
    const out: Check[] = [];
    let n = 0;
    const col = main(l);
    for (const k of l.first.filter((r) => r.level === 1)) {
      const kids = l.first.filter((r) => r.level === 2 && r.side === k.side && r.l1 === k.l1);
      if (kids.length === 0) continue;
      for (const [c, title] of l.supplementary ? sumColumns(l) : ([["now", "金額"], ["before", "前年度"], ["diff", "比較"]] as const)) {
        const printed = k[c];
        if (yen(printed) === null) continue;
        n++;
        const s = sum(kids.map((r) => r[c]));
        if (s !== printed!.yen) out.push(fail("budget/levels", `第1表 ${nameOf(k.l1)}: its ${kids.length} 項 add up to ${fmt(s)} yen, the 款 prints ${title} ${printed!.printed}`, printed!, printed!.yen, s));
      }
    }
    // 総括's 款 against the 明細's 項 of that 款.
    const kou = detailKou(l, col);
    for (const k of l.summary) {
      const mine = [...kou.values()].filter((q) => q.side === k.side && q.l1?.no === k.l1.no);
      const printed = k[col];
      if (mine.length === 0 || yen(printed) === null || mine.some((q) => q.now === null)) continue;
      n++;
      const s = mine.reduce((a, q) => a + q.now!, 0);
      if (s !== printed!.yen) out.push(fail("budget/levels", `総括 ${nameOf(k.l1)} ${printed!.printed}: the 明細's ${mine.length} 項 add up to ${fmt(s)} yen`, printed!, printed!.yen, s));
    }
    return { first: orPass("budget/levels", out, n, "Σ 項 = 款 for every 款") };
  },

  "budget/grand-total": (_spec, l) => {
    const out: Check[] = [];
    let n = 0;
    for (const [kind, rows] of [["first", l.first], ["summary", l.summary]] as const) {
      for (const t of l.totals.filter((t) => t.kind === kind)) {
        const kan = rows.filter((r) => r.level === 1 && r.side === t.side);
        for (const [c, title] of sumColumns(l)) {
          const printed = t[c];
          if (yen(printed) === null) continue;
          n++;
          const s = sum(kan.map((r) => r[c]));
          if (s !== printed!.yen) out.push(fail("budget/grand-total", `${kind === "first" ? "第1表" : "総括"} ${t.label} ${title} ${printed!.printed}: its ${kan.length} 款 add up to ${fmt(s)} yen`, printed!, printed!.yen, s));
        }
      }
    }
    return { totals: orPass("budget/grand-total", out, n, "Σ 款 = 歳入合計 / 歳出合計") };
  },

  "budget/balance": (spec, l) => {
    const out: Check[] = [];
    let n = 0;
    for (const kind of ["first", "summary"] as const) {
      const [a, b] = spec.sides.map((side) => l.totals.find((t) => t.kind === kind && t.side === side && yen(t.now) !== null));
      if (!a || !b) continue;
      for (const c of ["now", "before", "diff"] as const) {
        if (yen(a[c]) === null || yen(b[c]) === null) continue;
        n++;
        if (a[c]!.yen !== b[c]!.yen) out.push(fail("budget/balance", `${kind === "first" ? "第1表" : "総括"}: ${a.label} ${a[c]!.printed} ≠ ${b.label} ${b[c]!.printed}`, b[c]!, b[c]!.yen, a[c]!.yen!));
      }
    }
    return { totals: orPass("budget/balance", out, n, `${spec.sides[0]}合計 = ${spec.sides[1]}合計`) };
  },

  "budget/first-table": (_spec, l) => {
    const out: Check[] = [];
    let n = 0;
    const col = main(l);
    const kou = detailKou(l, col);
    for (const r of l.first.filter((r) => r.level === 2)) {
      const q = kou.get(key(r.side, r.l1, r.l2));
      const printed = r[col];
      if (!q || q.now === null || yen(printed) === null) continue;
      n++;
      if (q.now !== printed!.yen) out.push(fail("budget/first-table", `第1表 ${nameOf(r.l1)} ${nameOf(r.l2)} ${printed!.printed}: the 明細 gives ${fmt(q.now)} yen`, printed!, printed!.yen, q.now));
    }
    return { first: orPass("budget/first-table", out, n, "第1表's 項 = the 明細's 項") };
  },
};

/** Each 項 of the detail tables, one column (`now` holds it): its 計 row's, or Σ 目 where no 計 is printed. */
function detailKou(l: Ledger, col: "now" | "diff"): Map<string, { side: string | null; l1: Named | null; now: number | null }> {
  const out = new Map<string, { side: string | null; l1: Named | null; now: number | null }>();
  for (const d of l.details) {
    const k = key(d.side, d.l1, d.l2);
    const q = out.get(k) ?? { side: d.side, l1: d.l1, now: 0 };
    const v = yen(d[col]);
    q.now = v === null || q.now === null ? null : q.now + v;
    out.set(k, q);
  }
  for (const t of l.totals.filter((t: TotalRow) => t.kind === "detail")) {
    const q = out.get(key(t.side, t.l1, t.l2));
    if (q && yen(t[col]) !== null) q.now = t[col]!.yen;
  }
  return out;
}

/** The checks the spec names, run over the ledger, their findings grouped by the table they are about. */
export function ledgerChecks(spec: BudgetSpec, l: Ledger): CheckGroups {
  const out: CheckGroups = { first: [], summary: [], detail: [], items: [], notes: [], totals: [], schedules: [] };
  for (const name of spec.checks) {
    for (const [k, checks] of Object.entries(BUDGET_RULES[name](spec, l)) as [keyof CheckGroups, Check[]][]) out[k].push(...checks);
  }
  return out;
}
