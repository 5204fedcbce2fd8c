/**
 * A real book's pages printed two to a sheet: six 歳出 明細 pages of corpus 26 (pp.51–56)
 * placed side by side on three A3 landscape sheets (reduced, as a printer's 2-up does), read
 * by the budget-book reader. Each sheet must give what its two pages give on their own, the
 * left page first: the same 目 with their amounts and 財源, 節, 説明 and 計 rows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, expect, test } from "vitest";
import { spec } from "../../pipelines/budget-book.js";
import { type Amount, type Ledger, readLedger } from "../../src/pipeline/ledger.js";
import { open } from "../helpers.js";
import { corpus26 } from "./truth.js";

const PAGES = [51, 52, 53, 54, 55, 56];
let a4: Ledger;
let a3: Ledger;

async function twoUp(file: string, pages: number[]): Promise<string> {
  const src = await PDFDocument.load(readFileSync(file));
  const out = await PDFDocument.create();
  const embedded = await out.embedPages(pages.map((p) => src.getPage(p - 1)));
  const [W, H] = [1190.55, 841.89];
  for (let i = 0; i < embedded.length; i += 2) {
    const sheet = out.addPage([W, H]);
    for (const [k, e] of [embedded[i]!, embedded[i + 1]!].entries()) {
      const scale = (W / 2 - 20) / e.width;
      sheet.drawPage(e, { x: 10 + (k * W) / 2, y: (H - e.height * scale) / 2, xScale: scale, yScale: scale });
    }
  }
  const path = join(mkdtempSync(join(tmpdir(), "kohyo-two-up-")), "two-up.pdf");
  writeFileSync(path, await out.save());
  return path;
}

beforeAll(async () => {
  const doc = await open(corpus26);
  a4 = await readLedger(spec, doc, PAGES);
  await doc.close();
  const sheets = await open(await twoUp(corpus26, PAGES));
  a3 = await readLedger(spec, sheets);
  await sheets.close();
}, 120_000);

const yen = (a: Amount | null) => a?.yen ?? null;
const printed = (a: Amount | null) => a?.printed ?? null;
/** What a ledger says, without where it says it (page numbers and boxes differ on the sheets). */
function content(l: Ledger) {
  return {
    details: l.details.map((d) => ({
      side: d.side, l1: d.l1, l2: d.l2, l3: d.l3,
      amounts: [d.now, d.before, d.diff].map(yen), printed: [d.now, d.before, d.diff].map(printed), sources: d.sources?.map(yen) ?? null,
      items: d.items.map((i) => [i.no, i.name, yen(i.amount), i.subs]),
      notes: d.notes.map((n) => [n.level, n.text, yen(n.amount)]),
    })),
    totals: l.totals.map((t) => [t.side, t.kind, t.label, t.l1, t.l2, yen(t.now), yen(t.before), yen(t.diff), t.sources?.map(yen) ?? null]),
  };
}

test("a sheet of two printed pages gives what the two pages give, left page first", () => {
  expect(a4.details.length).toBeGreaterThan(5);
  expect(content(a3)).toEqual(content(a4));
});

test("each value names the sheet it is printed on: printed page p on sheet ⌈(p − 50) / 2⌉", () => {
  const sheetOf = (p: number) => Math.ceil((p - 50) / 2);
  expect(a3.details.map((d) => d.page)).toEqual(a4.details.map((d) => sheetOf(d.page)));
  expect(a3.details.flatMap((d) => d.items.map((i) => i.page))).toEqual(a4.details.flatMap((d) => d.items.map((i) => sheetOf(i.page))));
});
