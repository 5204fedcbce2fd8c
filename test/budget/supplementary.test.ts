/**
 * The budget-book pipeline on a supplementary budget from Word (corpus 17, 南国市 令和3年度
 * 一般会計補正予算): 補正前の額, 補正額, 計 in the places of 前年度, 比較, 本年度; values
 * read from the rendered pages (test/budget/truth.ts).
 */
import { beforeAll, describe, expect, test } from "vitest";
import { budgetBook } from "../../pipelines/budget-book.js";
import type { Amount, DetailRow, ItemRow, LevelRow, Named, NoteRow, ScheduleRow, TotalRow } from "../../src/pipeline/ledger.js";
import type { PipelineResult, RecordTable } from "../../src/pipeline/types.js";
import { open } from "../helpers.js";
import { book17, corpus17 } from "./truth.js";
import { drive } from "../../src/pipeline/drive.js";

const K = 1000;
let result: PipelineResult;
const table = <R>(id: string) => result.tables.find((t) => t.id === id) as RecordTable<R>;
const nn = (n: Named | null) => (n ? [n.no, n.name] : null);
const k = (a: Amount | null) => (a?.yen == null ? null : a.yen / K);
const three = (r: { before: Amount | null; diff: Amount | null; now: Amount | null }) => [k(r.before), k(r.diff), k(r.now)];

beforeAll(async () => {
  const doc = await open(corpus17);
  result = await drive(budgetBook, doc, undefined);
  await doc.close();
}, 120_000);

describe("budget book: corpus 17 (補正予算)", () => {
  test("fiscal year and municipality from the title", () => {
    expect(table("detail").fiscalYear).toBe(book17.fiscalYear);
    const code = table<unknown>("detail").columns.find((c) => c.name === "municipality_code")!;
    expect(code.value(table<unknown>("detail").records[0])).toBe(book17.municipality.code);
  });

  test("第1表: 補正前の額, 補正額 (△ negative) and 計 of 款, 項 and the totals", () => {
    const first = table<LevelRow>("first-table").records;
    const debt = first.find((r) => r.side === "歳入" && r.level === 1 && r.l1.no === 22)!;
    expect([debt.page, ...three(debt)]).toEqual([book17.daiichi.歳入.市債.page, ...book17.daiichi.歳入.市債.amounts]);
    const edu = first.filter((r) => r.side === "歳出" && r.level === 2 && r.l1.name === "教育費" && r.l2!.no! >= 4);
    expect(edu.map((r) => [r.l2!.no, r.l2!.name, ...three(r)])).toEqual(book17.daiichi.歳出.教育費項);
    const totals = table<TotalRow>("totals").records.filter((t) => t.kind === "first");
    expect(totals.map((t) => [t.side, t.page, ...three(t)])).toEqual([
      ["歳入", book17.daiichi.歳入.合計.page, ...book17.daiichi.歳入.合計.amounts],
      ["歳出", book17.daiichi.歳出.合計.page, ...book17.daiichi.歳出.合計.amounts],
    ]);
  });

  test("歳出 目: amounts, 財源 of the 補正額 (blank = null), 節 and 説明, all △ negative", () => {
    const details = table<DetailRow>("detail").records;
    const items = table<ItemRow & { side: string; l2: Named; l3: Named }>("items").records;
    const notes = table<NoteRow & { side: string; l2: Named; l3: Named }>("notes").records;
    for (const m of book17.saiShutsu) {
      const d = details.find((d) => d.side === "歳出" && d.l2?.name === m.項[1] && d.l3.no === m.目[0])!;
      expect([d.page, nn(d.l1), nn(d.l2), nn(d.l3), ...three(d)]).toEqual([m.page, m.款, m.項, m.目, ...m.amounts]);
      expect(d.sources!.map(k)).toEqual(m.財源);
      const of = <R extends { side: string; l2: Named; l3: Named }>(xs: R[]) => xs.filter((x) => x.side === "歳出" && x.l2.name === m.項[1] && x.l3.no === m.目[0]);
      expect(of(items).map((i) => [i.no, i.name, k(i.amount)])).toEqual(m.節);
      expect(of(notes).map((n) => [n.level, n.text, k(n.amount)])).toEqual(m.説明);
    }
  });

  test("第2表 繰越明許費補正: 29 追加 rows over pp.8–9 (款 and 項 number and name together) and 4 変更 rows with 変更前 and 変更後", () => {
    const t = table<ScheduleRow>("carry-over");
    expect(t.name).toBe("繰越明許費");
    expect(t.records.map((r) => [r.page, r.section, r.fields.kan, r.fields.kou, r.fields.project, k(r.before ?? null), k(r.amount)])).toEqual(book17.繰越明許費補正);
    expect(t.checks).toEqual([]);
    // Its tables (款 and 項 columns, an amount) are not 第1表 rows: 第1表 ends on p.7.
    expect(Math.max(...table<LevelRow>("first-table").records.map((r) => r.page))).toBe(7);
  });

  test("第3表 債務負担行為補正: its 廃止 row with 事項, 期間 and 限度額 (千円 in the cell) as on p.10", () => {
    const t = table<ScheduleRow>("debt-burden");
    const want = book17.債務負担行為補正;
    expect(t.records.map((r) => [r.section, r.fields.item, r.fields.period, k(r.amount), r.amount!.unit, r.page])).toEqual(want.rows.map((w) => [...w, "千円", want.page]));
    expect(t.columns.map((c) => c.title)).toContain("区分");
  });

  test("第4表 地方債補正: 追加, 変更 (限度額 before and after, the 補正後 side's other columns as printed) and 廃止 rows as on p.11", () => {
    const t = table<ScheduleRow>("local-bonds");
    const want = book17.地方債補正;
    expect(t.records.map((r) => [r.section, r.fields.purpose, k(r.before ?? null), k(r.amount), r.fields.method])).toEqual(want.rows);
    expect(t.records.every((r) => r.page === want.page && r.amount!.unit === "千円")).toBe(true);
    // The CSV's 補正前 column holds the amount before the change of a 変更 row, blank elsewhere.
    const before = t.columns.find((c) => c.name === "before")!;
    expect(t.records.map((r) => before.value(r))).toEqual(want.rows.map(([, , b]) => (b === null ? null : b * K)));
    // A 補正 prints no 合計, and its 限度額 are changes, not the year's borrowing: nothing to check.
    expect(t.checks).toEqual([]);
  });

  test("every check passes: 補正額 = 計 − 補正前の額, and only 補正額 adds up over the changed rows", () => {
    const checks = result.tables.flatMap((t) => t.checks);
    expect(checks.filter((c) => !c.ok).map((c) => c.message)).toEqual([]);
    expect(checks.map((c) => c.rule)).toContain("budget/items");
  });
});
