/**
 * One mistyped amount fails exactly the checks it touches: the ledger of corpus 26 (a
 * correct book) is read once, then one printed value is changed in a copy and the checks
 * run again. Which checks each change must fail follows from the book's arithmetic.
 */
import { beforeAll, expect, test } from "vitest";
import { spec } from "../../pipelines/budget-book.js";
import { type Amount, type Ledger, readLedger } from "../../src/pipeline/ledger.js";
import { ledgerChecks } from "../../src/checks/index.js";
import { open } from "../helpers.js";
import { corpus26 } from "./truth.js";

let ledger: Ledger;
beforeAll(async () => {
  const doc = await open(corpus26);
  ledger = await readLedger(spec, doc);
  await doc.close();
}, 120_000);

/** The rules that fail after `mistype` changes a copy of the ledger. */
function failing(mistype: (l: Ledger) => void): string[] {
  const copy = structuredClone(ledger);
  mistype(copy);
  const groups = ledgerChecks(spec, copy);
  return [...new Set(Object.values(groups).flat().filter((c) => !c.ok).map((c) => c.rule))].sort();
}
const plus = (a: Amount | null, yen: number) => {
  a!.yen! += yen;
};

test("the book as printed fails no check", () => {
  expect(failing(() => {})).toEqual([]);
});

test("a mistyped 節 amount fails Σ 節 = 目 only", () => {
  expect(failing((l) => plus(l.details.find((d) => d.l3.name === "議会費")!.items[0]!.amount, 1000))).toEqual(["budget/items"]);
});

test("a mistyped 一般財源 fails Σ 財源 = 本年度 and the 計's 財源", () => {
  expect(failing((l) => plus(l.details.find((d) => d.l3.name === "議会費")!.sources![3]!, 1000))).toEqual(["budget/details", "budget/sources"]);
});

test("a mistyped 比較 of a 目 fails 比較 = 本年度 − 前年度 and the 計's 比較", () => {
  expect(failing((l) => plus(l.details.find((d) => d.l3.name === "個人")!.diff, 1000))).toEqual(["budget/details", "budget/difference"]);
});

test("a mistyped 第1表 項 fails Σ 項 = 款 and 第1表 = 明細", () => {
  expect(failing((l) => plus(l.first.find((r) => r.level === 2 && r.l2?.name === "市民税")!.now, 1000))).toEqual(["budget/first-table", "budget/levels"]);
});

test("a mistyped 歳出合計 fails Σ 款 = 合計 and 歳入合計 = 歳出合計", () => {
  expect(failing((l) => plus(l.totals.find((t) => t.kind === "first" && t.side === "歳出")!.now, 1000))).toEqual(["budget/balance", "budget/grand-total"]);
});

test("a mistyped 地方債 限度額 fails its Σ 限度額 = 合計 only, at the 合計", () => {
  expect(failing((l) => plus(l.schedules.find((r) => r.schedule === "local-bonds" && r.fields.purpose === "水道事業")!.amount, 1000))).toEqual(["budget/schedule-total"]);
  const copy = structuredClone(ledger);
  plus(copy.schedules.find((r) => r.fields.purpose === "水道事業")!.amount, 1000);
  const [failed] = ledgerChecks(spec, copy).schedules.filter((c) => !c.ok);
  expect(failed).toMatchObject({ page: 16, printed: 1_197_600_000, sum: 1_197_601_000, difference: -1000, table: "local-bonds" });
});

test("a 地方債 whose 限度額 and 合計 were both raised (typed from another draft) fails only 地方債 合計 = 第1表's 市債, at the 合計", () => {
  const raise = (l: Ledger) => {
    plus(l.schedules.find((r) => r.schedule === "local-bonds" && r.fields.purpose === "水道事業")!.amount, 1000);
    plus(l.scheduleTotals.find((t) => t.schedule === "local-bonds")!.amount, 1000);
  };
  expect(failing(raise)).toEqual(["budget/schedule-revenue"]);
  const copy = structuredClone(ledger);
  raise(copy);
  const [failed] = ledgerChecks(spec, copy).schedules.filter((c) => !c.ok);
  expect(failed).toMatchObject({ page: 16, printed: 1_197_601_000, sum: 1_197_600_000, difference: 1000, table: "local-bonds" });
});

test("a mistyped 第1表 市債 fails Σ 項 = 款, Σ 款 = 歳入合計 and 地方債 合計 = 市債", () => {
  expect(failing((l) => plus(l.first.find((r) => r.level === 1 && r.side === "歳入" && r.l1.name === "市債")!.now, 1000))).toEqual([
    "budget/grand-total",
    "budget/levels",
    "budget/schedule-revenue",
  ]);
});

test("without its 合計, 地方債 is compared by Σ 限度額: a mistyped 限度額 then fails 地方債 = 市債, at 第1表's 市債 (p.11)", () => {
  const copy = structuredClone(ledger);
  copy.scheduleTotals = copy.scheduleTotals.filter((t) => t.schedule !== "local-bonds");
  expect(ledgerChecks(spec, copy).schedules.filter((c) => c.rule === "budget/schedule-revenue")).toMatchObject([{ ok: true }]);
  plus(copy.schedules.find((r) => r.fields.purpose === "水道事業")!.amount, 1000);
  const failed = ledgerChecks(spec, copy).schedules.filter((c) => !c.ok);
  expect(failed).toMatchObject([{ rule: "budget/schedule-revenue", page: 11, printed: 1_197_601_000, sum: 1_197_600_000 }]);
});
