/**
 * One mistyped amount fails exactly the checks it touches: the ledger of corpus 26 (a
 * correct book) is read once, then one printed value is changed in a copy and the checks
 * run again. Which checks each change must fail follows from the book's arithmetic.
 */
import { beforeAll, expect, test } from "vitest";
import { spec } from "../../pipelines/budget-book.js";
import { type Amount, type Ledger, readLedger } from "../../src/pipeline/ledger.js";
import { ledgerChecks } from "../../src/pipeline/ledgerChecks.js";
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
