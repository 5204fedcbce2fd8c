/**
 * The budget-book pipeline on a real book (corpus 26, 南国市 令和8年度 一般会計予算):
 * every value below was read from the rendered pages (test/budget/truth.ts).
 */
import { beforeAll, describe, expect, test } from "vitest";
import { budgetBook } from "../../pipelines/budget-book.js";
import type { Amount, DetailRow, LevelRow, Named, NoteRow, TotalRow } from "../../src/pipeline/ledger.js";
import type { ItemRow, ScheduleRow } from "../../src/pipeline/ledger.js";
import type { PipelineResult, RecordTable } from "../../src/pipeline/types.js";
import { open } from "../helpers.js";
import { book26, corpus26 } from "./truth.js";
import { drive } from "../../src/pipeline/drive.js";

const K = 1000;
let result: PipelineResult;
const table = <R>(id: string) => result.tables.find((t) => t.id === id) as RecordTable<R>;
const nn = (n: Named | null) => (n ? [n.no, n.name] : null);
const yen = (a: Amount | null) => a?.yen ?? null;

beforeAll(async () => {
  const doc = await open(corpus26);
  result = await drive(budgetBook, doc, undefined);
  await doc.close();
}, 120_000);

describe("budget book: corpus 26", () => {
  test("第2表 債務負担行為: every 事項 with its 期間 and 限度額 (千円 printed in the cell) as on p.15", () => {
    const t = table<ScheduleRow>("debt-burden");
    const want = book26.債務負担行為;
    expect(t.name).toBe("債務負担行為");
    expect(t.records.map((r) => [r.fields.item, r.fields.period, yen(r.amount)! / K, r.amount!.unit, r.page])).toEqual(want.rows.map(([item, period, limit]) => [item, period, limit, "千円", want.page]));
    // No total is printed: nothing to check, nothing made up.
    expect(t.checks).toEqual([]);
  });

  test("第3表 地方債: every 起債の目的 and 限度額 as on p.16, the methods printed once given on every row, Σ 限度額 = 合計 checked", () => {
    const t = table<ScheduleRow>("local-bonds");
    const want = book26.地方債;
    expect(t.records.map((r) => [r.fields.purpose, yen(r.amount)! / K, r.amount!.printed, r.page])).toEqual(
      want.rows.map(([purpose, limit]) => [purpose, limit, limit.toLocaleString("en-US"), want.page]),
    );
    for (const r of t.records) expect([r.fields.method, r.fields.rate, r.fields.redemption]).toEqual([want.方法, want.利率, want.償還]);
    expect(t.checks).toHaveLength(2);
    expect(t.checks[0]).toMatchObject({ rule: "budget/schedule-total", ok: true, printed: want.合計 * K, sum: want.合計 * K, page: want.page });
    // Its 合計 is what 第1表 brings in as 22 市債 (p.8).
    expect(t.checks[1]).toMatchObject({ rule: "budget/schedule-revenue", ok: true, printed: want.合計 * K, sum: want.合計 * K, page: want.page });
  });

  test("is recognised by the family's words on its first pages with text", async () => {
    const doc = await open(corpus26);
    const { recognise } = await import("../../src/registry.js");
    expect((await recognise(doc)).pipeline?.name).toBe("budget-book");
    await doc.close();
  });

  test("every table names the fiscal year and the municipality with its code", () => {
    expect(result.tables.map((t) => t.id)).toEqual(["first-table", "summary", "detail", "items", "notes", "totals", "debt-burden", "local-bonds"]);
    for (const t of result.tables) {
      expect(t.fiscalYear).toBe(book26.fiscalYear);
      const muni = t.columns.find((c) => c.name === "municipality_code")!;
      expect(muni.value(t.records[0])).toBe(book26.municipality.code);
    }
  });

  test("第1表: 款 rows with their 項, full-width amounts in yen, 歳入 and 歳出 apart", () => {
    const first = table<LevelRow>("first-table").records;
    for (const side of ["歳入", "歳出"] as const) {
      for (const k of book26.daiichi[side].款) {
        const row = first.find((r) => r.side === side && r.level === 1 && r.l1.no === k.no)!;
        expect([row.l1.name, yen(row.now), row.now!.unit, row.page]).toEqual([k.name, k.amount * K, "千円", k.page]);
        const kids = first.filter((r) => r.side === side && r.level === 2 && r.l1 === row.l1);
        expect(kids.map((r) => [r.l2!.no, r.l2!.name, yen(r.now)! / K])).toEqual(k.項);
      }
    }
    const edu = first.filter((r) => r.side === "歳出" && r.level === 2 && r.l1.name === "教育費");
    expect(edu.map((r) => [r.l2!.no, r.l2!.name, yen(r.now)! / K])).toEqual(book26.daiichi.歳出.教育費項);
    expect(first.find((r) => r.l1.no === 1 && r.level === 1)!.now!.printed).toBe("６，５３８，７７７");
  });

  test("第1表 and 総括: 歳入合計 and 歳出合計 as printed", () => {
    const totals = table<TotalRow>("totals").records.filter((t) => t.kind === "first");
    expect(totals.map((t) => [t.side, t.label, yen(t.now), t.page])).toEqual([
      ["歳入", "歳入合計", book26.daiichi.歳入.合計.amount * K, book26.daiichi.歳入.合計.page],
      ["歳出", "歳出合計", book26.daiichi.歳出.合計.amount * K, book26.daiichi.歳出.合計.page],
    ]);
  });

  test("総括: 本年度, 前年度 and 比較 of each 款, △ negative", () => {
    const rows = table<LevelRow>("summary").records.filter((r) => r.side === "歳入");
    for (const k of book26.soukatsu歳入) {
      const r = rows.find((r) => r.l1.no === k.no)!;
      expect([r.l1.name, yen(r.now), yen(r.before), yen(r.diff)]).toEqual([k.name, k.now * K, k.before * K, k.diff * K]);
    }
  });

  test("歳入 目: 款 and 項 from the page header, amounts, 節 and 説明", () => {
    const details = table<DetailRow & { items: number }>("detail").records;
    const items = table<ItemRow & { l3: Named; l2: Named }>("items").records;
    const notes = table<NoteRow & { l3: Named; l2: Named }>("notes").records;
    for (const m of book26.saiNyu) {
      const d = details.find((d) => d.side === "歳入" && d.l2?.name === m.項[1] && d.l3.no === m.目[0])!;
      expect([nn(d.l1), nn(d.l2), nn(d.l3), yen(d.now), yen(d.before), yen(d.diff), d.page]).toEqual([m.款, m.項, m.目, m.now * K, m.before * K, m.diff * K, m.page]);
      expect(d.sources).toBeNull();
      const mine = items.filter((i) => i.l2.name === m.項[1] && i.l3.no === m.目[0] && (i as unknown as { side: string }).side === "歳入");
      expect(mine.map((i) => [i.no, i.name, yen(i.amount)! / K])).toEqual(m.節);
      if (m.説明) {
        const lines = notes.filter((n) => n.l2.name === m.項[1] && n.l3.no === m.目[0] && (n as unknown as { side: string }).side === "歳入");
        expect(lines.map((n) => [n.text, yen(n.amount)! / K])).toEqual(m.説明);
      }
    }
  });

  test("歳出 目: 財源 ×4 with blank cells null (never filled from above), 節, 説明 with levels", () => {
    const details = table<DetailRow>("detail").records;
    const items = table<ItemRow & { l3: Named; l2: Named; side: string }>("items").records;
    const notes = table<NoteRow & { l3: Named; l2: Named; side: string }>("notes").records;
    for (const m of book26.saiShutsu) {
      const d = details.find((d) => d.side === "歳出" && d.l1?.no === m.款[0] && d.l2?.no === m.項[0] && d.l3.no === m.目[0])!;
      expect([nn(d.l1), nn(d.l2), nn(d.l3), yen(d.now), yen(d.before), yen(d.diff), d.page]).toEqual([m.款, m.項, m.目, m.now * K, m.before * K, m.diff * K, m.page]);
      expect(d.sources!.map((s) => (s === null ? null : s.yen! / K))).toEqual(m.財源);
      const of = <R extends { side: string; l2: Named; l3: Named }>(xs: R[]) => xs.filter((x) => x.side === "歳出" && x.l2.name === m.項[1] && x.l3.no === m.目[0]);
      if (m.節) expect(of(items).map((i) => [i.no, i.name, yen(i.amount)! / K])).toEqual(m.節);
      if (m.説明) {
        const got = of(notes).map((n) => [n.level, n.text, yen(n.amount)! / K]);
        for (const line of m.説明) expect(got).toContainEqual(line);
        expect(got[0]).toEqual(m.説明[0]);
      }
    }
  });

  test("a 説明 line wrapped at a ・ in its name, or going on at the top of the next page, is one line with its amount", () => {
    const notes = table<NoteRow & { side: string; l1: Named; l2: Named; l3: Named }>("notes").records;
    for (const [side, kan, kou, moku, level, text, amount] of book26.wrapped説明) {
      const mine = notes.filter((n) => n.side === side && n.l1?.no === kan && n.l2?.no === kou && n.l3.no === moku);
      expect(mine.map((n) => [n.level, n.text, yen(n.amount)! / K])).toContainEqual([level, text, amount]);
      // No line of the wrapped text is left as a line of its own (without an amount).
      expect(mine.filter((n) => n.amount === null).map((n) => n.text)).toEqual([]);
    }
  });

  test("a 目 printed again at the top of the next page is one 目 over both pages", () => {
    const d = table<DetailRow>("detail").records.filter((d) => d.side === "歳出" && d.l1?.no === 2 && d.l2?.no === 1 && d.l3.no === 1);
    expect(d).toHaveLength(1);
    expect(d[0]!.pages).toEqual([52, 53]);
  });

  test("計 rows of 項 as printed, 財源 blank where blank", () => {
    const totals = table<TotalRow>("totals").records.filter((t) => t.kind === "detail");
    for (const q of book26.saiNyu項計) {
      const t = totals.find((t) => t.side === "歳入" && t.l1?.no === q.款 && t.l2?.no === q.項)!;
      expect([yen(t.now), yen(t.before), yen(t.diff), t.page]).toEqual([q.now * K, q.before * K, q.diff * K, q.page]);
    }
    for (const q of book26.saiShutsu項計) {
      const t = totals.find((t) => t.side === "歳出" && t.l1?.no === q.款 && t.l2?.no === q.項)!;
      expect(t.sources!.map((s) => (s === null ? null : s.yen! / K))).toEqual(q.財源);
    }
  });

  test("the book is right: every check passes, each with something checked", () => {
    const checks = result.tables.flatMap((t) => t.checks);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect([...new Set(checks.map((c) => c.rule))].sort()).toEqual([
      "budget/balance", "budget/details", "budget/difference", "budget/first-table", "budget/grand-total", "budget/items", "budget/levels", "budget/schedule-revenue", "budget/schedule-total", "budget/sources",
    ]);
    for (const c of checks) expect(c.message).not.toMatch(/\(0 checked\)/);
  });

  test("every value carries its page and box", () => {
    for (const d of table<DetailRow>("detail").records) {
      for (const a of [d.now, d.before, d.diff, ...(d.sources ?? [])]) {
        if (a) expect(a.page).toBeGreaterThan(0), expect(a.box.x1).toBeGreaterThan(a.box.x0);
      }
    }
  });
});
