/**
 * A failing total on a page read by OCR names its least sure readings (ocr/suspect-digit),
 * and when exactly one of them, one digit apart, would make it hold, says so as a
 * suggestion (`expected`) — the reading itself is never changed.
 */
import { expect, test } from "vitest";
import { stitchTables } from "../../src/table/stitch.js";
import { suspectDigits, type OcrReading } from "../../src/table/suspects.js";
import { checkTotals } from "../../src/table/totals.js";
import type { Cell, PageTable } from "../../src/table/types.js";

const XS = [0, 120, 220];
/** 科目 | 金額 over rows of [label, amount]. */
function table(rows: [string, string][]): PageTable {
  const all: [string, string][] = [["科目", "金額"], ...rows];
  const ys = all.map((_, r) => r * 20).concat(all.length * 20);
  const cells: Cell[] = all.flatMap(([label, amount], row) =>
    [label, amount].map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text, lines: [text], box: { x0: XS[col]!, y0: ys[row]!, x1: XS[col + 1]!, y1: ys[row + 1]! }, page: 1 })),
  );
  return { page: 1, box: { x0: 0, y0: 0, x1: 220, y1: ys.at(-1)! }, xs: XS, ys, rows: all.length, cols: 2, cells, kind: "lattice" };
}
/** OCR's readings of the amounts, each with its confidence. */
const readings = (t: PageTable, confidence: Record<string, number>): OcrReading[] =>
  t.cells.filter((c) => c.col === 1 && c.row > 0).map((c) => ({ page: 1, box: { x0: c.box.x0 + 5, y0: c.box.y0 + 5, x1: c.box.x1 - 5, y1: c.box.y1 - 5 }, text: c.text, confidence: confidence[c.text] ?? 0.95 }));

test("one unsure reading one digit from what the total leaves for it is suggested, not applied", () => {
  // 別途積立金 read 19,460,710 where the page prints 119,460,710 (a leading 1 lost).
  const pt = table([["別途積立金", "10,000,000"], ["繰越利益剰余金", "19,460,710"], ["合計", "129,460,710"]]);
  const [t] = stitchTables([pt]);
  const checks = checkTotals(t!);
  const [finding] = suspectDigits(t!, checks, readings(pt, { "19,460,710": 0.1 }));
  expect(finding!.rule).toBe("ocr/suspect-digit");
  expect(finding!.expected).toMatchObject({ text: "19,460,710", value: 119460710, row: 1 });
  expect(finding!.message).toContain("suggestion from the sum: “19,460,710” read as 119,460,710");
  // The table still holds what OCR read, and the check still fails.
  expect(t!.cells.some((c) => c.text === "19,460,710")).toBe(true);
  expect(checks.every((c) => !c.ok)).toBe(true);
});

test("no suggestion when two unsure readings could each explain it, or none is one digit away", () => {
  const pt = table([["売上", "100"], ["仕入", "250"], ["合計", "300"]]);
  const [t] = stitchTables([pt]);
  const checks = checkTotals(t!);
  // 250 → 200 and 300 → 350 are both one digit apart: which one OCR misread is not known.
  expect(suspectDigits(t!, checks, readings(pt, { "250": 0.5, "300": 0.5 }))[0]!.expected).toBeUndefined();
  expect(suspectDigits(t!, checks, readings(pt, { "250": 0.5 }))[0]!.expected).toMatchObject({ value: 200 });
  const far = table([["売上", "100"], ["仕入", "2,999"], ["合計", "300"]]);
  const [u] = stitchTables([far]);
  expect(suspectDigits(u!, checkTotals(u!), readings(far, { "2,999": 0.5 }))[0]!.expected).toBeUndefined();
});
