/**
 * A ledger's record tables and their flat CSV columns: 第1表 (款 and 項 rows), 総括,
 * 目 (with 本年度, 前年度, 比較 and the four 財源), 節 — the long table, one row per 節
 * with its 目 and their 款 and 項 — 説明 and 計 (printed totals). Every row carries the
 * fiscal year, the municipality and its 全国地方公共団体コード, its page and box;
 * amounts are yen (printed × unit), the printed text is kept in records.json.
 */
import type { Box } from "../model/page.js";
import type { Amount, DetailRow, ItemRow, Ledger, LevelRow, Named, NoteRow, ScheduleRow, TotalRow } from "./ledger.js";
import type { LedgerSpec } from "./ledgerSpec.js";
import type { CheckGroups } from "../checks/index.js";
import type { Column, RecordTable } from "./types.js";

type Flat = string | number | boolean | null;
const str = <R>(name: string, title: string, value: (r: R) => string | null): Column<R> => ({ name, title, type: "string", value });
const int = <R>(name: string, title: string, value: (r: R) => number | null): Column<R> => ({ name, title, type: "integer", value });
const yen = <R>(name: string, title: string, value: (r: R) => Amount | null): Column<R> => ({
  name, title: `${title}（円）`, type: "integer", unit: "円", description: "yen: the printed amount times its unit (千円 × 1000)", value: (r) => value(r)?.yen ?? null,
});
const place = <R extends { page: number; box: Box }>(): Column<R>[] => [
  int<R>("page", "ページ", (r) => r.page),
  ...(["x0", "y0", "x1", "y1"] as const).map((k): Column<R> => ({ name: k, title: k, type: "number", unit: "pt", description: "box on the page in points, origin at the top left", value: (r) => Math.round(r.box[k] * 10) / 10 })),
];


export function ledgerTables(spec: LedgerSpec, l: Ledger, checks: CheckGroups): RecordTable<any>[] {
  const [k1, k2, k3, k4] = spec.levels;
  const doc = <R>(): Column<R>[] => [
    int<R>("fiscal_year", "年度", () => l.fiscalYear),
    str<R>("municipality", "団体名", () => l.municipality?.name ?? null),
    str<R>("municipality_code", "全国地方公共団体コード", () => l.municipality?.code ?? null),
  ];
  const named = <R>(key: string, title: string, get: (r: R) => Named | null): Column<R>[] => [
    int<R>(`${key}_no`, `${title}番号`, (r) => get(r)?.no ?? null),
    str<R>(key, title, (r) => get(r)?.name ?? null),
  ];
  const context = <R extends { side: string | null; l1: Named | null; l2: Named | null }>(): Column<R>[] => [
    str<R>("side", "歳入歳出", (r) => r.side),
    ...named<R>("kan", k1, (r) => r.l1),
    ...named<R>("kou", k2, (r) => r.l2),
  ];
  const amounts = <R extends { now: Amount | null; before: Amount | null; diff: Amount | null; sources: (Amount | null)[] | null }>(withSources: boolean): Column<R>[] => [
    yen<R>("now", l.supplementary ? "計" : "本年度", (r) => r.now),
    yen<R>("before", l.supplementary ? "補正前の額" : "前年度", (r) => r.before),
    yen<R>("diff", l.supplementary ? "補正額" : "比較", (r) => r.diff),
    ...(withSources ? spec.sources.map((title, i) => yen<R>(`source_${i + 1}`, title, (r) => r.sources?.[i] ?? null)) : []),
  ];
  const pages = (xs: { page: number }[]) => [...new Set(xs.map((x) => x.page))].sort((a, b) => a - b);
  const sides = spec.sides;
  const withSources = l.details.some((d) => d.sources !== null);
  const common = { fiscalYear: l.fiscalYear, unit: "円" };

  const first: RecordTable<LevelRow> = {
    id: "first-table", name: "第1表", title: `第1表 ${sides.join("")}予算`, ...common, pages: pages(l.first), records: l.first, checks: checks.first, primaryKey: [],
    columns: [...doc<LevelRow>(), ...context<LevelRow>(), int("level", "階層", (r) => r.level), ...amounts<LevelRow>(false), str("printed", "印刷された金額", (r) => r.now?.printed ?? null), str("unit", "単位", (r) => r.now?.unit ?? null), ...place<LevelRow>()],
  };
  const summary: RecordTable<LevelRow> = {
    id: "summary", name: "総括", title: "歳入歳出予算事項別明細書 総括", ...common, pages: pages(l.summary), records: l.summary, checks: checks.summary, primaryKey: [],
    columns: [...doc<LevelRow>(), ...context<LevelRow>().slice(0, 3), ...amounts<LevelRow>(l.summary.some((r) => r.sources !== null)), ...place<LevelRow>()],
  };
  const detail: RecordTable<DetailRecord> = {
    id: "detail", name: k3, title: `${k3}（事項別明細書）`, ...common, pages: pages(l.details), records: l.details.map(detailRecord), checks: checks.detail, primaryKey: [],
    columns: [...doc<DetailRecord>(), ...context<DetailRecord>(), ...named<DetailRecord>("moku", k3, (r) => r.l3), ...amounts<DetailRecord>(withSources), int("items", `${k4}の数`, (r) => r.items), ...place<DetailRecord>()],
  };
  /** What a 節 or 説明 row repeats of its 目: the document, side, 款, 項 and 目. */
  const ofMoku = <R extends Parent>(): Column<R>[] => [...doc<R>(), ...context<R>(), ...named<R>("moku", k3, (r) => r.l3)];
  type Item = ItemRow & Parent;
  const items: Item[] = l.details.flatMap((d) => d.items.map((i) => ({ ...parent(d), ...i })));
  const itemTable: RecordTable<Item> = {
    id: "items", name: k4, title: `${k4}（${k3}ごと、一行一${k4}）`, ...common, pages: pages(items), records: items, checks: checks.items, primaryKey: [],
    columns: [
      ...ofMoku<Item>(),
      yen<Item>("moku_now", `${k3}${l.supplementary ? "計" : "本年度"}`, (r) => r.mokuNow),
      int("setsu_no", `${k4}番号`, (r) => r.no),
      str("setsu", k4, (r) => r.name),
      yen<Item>("amount", `${k4}金額`, (r) => r.amount),
      str("subs", "小区分", (r) => r.subs.join("／") || null),
      ...place<Item>(),
    ],
  };
  type Note = NoteRow & Parent;
  const notes: Note[] = l.details.flatMap((d) => d.notes.map((n) => ({ ...parent(d), ...n })));
  const noteTable: RecordTable<Note> = {
    id: "notes", name: "説明", title: `説明（${k3}ごと）`, ...common, pages: pages(notes), records: notes, checks: checks.notes, primaryKey: [],
    columns: [
      ...ofMoku<Note>(),
      int("level", "階層", (r) => r.level),
      str("text", "説明", (r) => r.text),
      yen<Note>("amount", "金額", (r) => r.amount),
      ...place<Note>(),
    ],
  };
  const totals: RecordTable<TotalRow> = {
    id: "totals", name: "計", title: "計・合計（印刷された合計行）", ...common, pages: pages(l.totals), records: l.totals, checks: checks.totals, primaryKey: [],
    columns: [...doc<TotalRow>(), str("table", "表", (r) => ({ first: "第1表", summary: "総括", detail: "事項別明細書" })[r.kind]), ...context<TotalRow>(), str("label", "行", (r) => r.label), ...amounts<TotalRow>(withSources), ...place<TotalRow>()],
  };
  const schedules = spec.schedules.map((sc): RecordTable<ScheduleRow> => {
    const rows = l.schedules.filter((r) => r.schedule === sc.id);
    // A 補正 of the schedule: each row's section (追加, 変更, 廃止), and in a 変更 row the amount before it.
    const amendment = rows.some((r) => r.section !== undefined);
    const amountTitle = sc.columns.find((c) => c.field === sc.amount)?.title ?? "金額";
    const beforeWord = spec.amendments.sides[0][0]!;
    return {
      id: sc.id, name: sc.name, title: sc.name, ...common, pages: pages(rows), records: rows, checks: checks.schedules.filter((c) => c.table === sc.id), primaryKey: [],
      columns: [
        ...doc<ScheduleRow>(),
        ...(amendment ? [str<ScheduleRow>("section", "区分", (r) => r.section ?? null)] : []),
        ...sc.columns.flatMap((c): Column<ScheduleRow>[] =>
          c.field === sc.amount
            ? [
                ...(amendment ? [yen<ScheduleRow>("before", `${beforeWord}の${amountTitle}`, (r) => r.before ?? null), str<ScheduleRow>("beforePrinted", `印刷された${beforeWord}の${amountTitle}`, (r) => r.before?.printed ?? null)] : []),
                // In a 変更 row: the amount after the change (補正後).
                yen<ScheduleRow>(c.field, c.title, (r) => r.amount),
                str("printed", "印刷された金額", (r) => r.amount?.printed ?? null),
                str("unit", "単位", (r) => r.amount?.unit ?? null),
              ]
            : [str<ScheduleRow>(c.field, c.title, (r) => r.fields[c.field] ?? null)],
        ),
        ...place<ScheduleRow>(),
      ],
    };
  });
  return [first, summary, detail, itemTable, noteTable, totals, ...schedules].filter((t) => t.records.length > 0 || t.checks.some((c) => !c.ok));
}

/** records.json: a 目 without its 節 and 説明 (they have tables of their own), with its pages. */
type DetailRecord = Omit<DetailRow, "items" | "notes"> & { items: number; notes: number };
function detailRecord(d: DetailRow): DetailRecord {
  const { items, notes, ...rest } = d;
  return { ...rest, items: items.length, notes: notes.length };
}
/** What a 節 or 説明 row carries of its 目. */
interface Parent {
  side: string | null;
  l1: Named | null;
  l2: Named | null;
  l3: Named;
  mokuNow: Amount | null;
}
const parent = (d: DetailRow): Parent => ({ side: d.side, l1: d.l1, l2: d.l2, l3: d.l3, mokuNow: d.now });
