/**
 * Scanned pages read by OCR (real tesseract.js, two small pictures): the image-only path
 * and the invisible-layer path, into the same tables and checks as a text PDF. Expected
 * values come from what scripts/build-scans.mjs drew (samples/scan.truth.json).
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { findTables } from "../../src/table/find.js";
import { dataRows, stitchTables } from "../../src/table/stitch.js";
import { checkTotals } from "../../src/table/totals.js";
import { cellConfidence, ocrReadings, suspectDigits } from "../../src/table/suspects.js";
import { ocrReader } from "../../src/ocr/index.js";
import { LOW_CONFIDENCE } from "../../src/ocr/page.js";
import { openPdf } from "../../src/pdf/load.js";
import type { Page } from "../../src/model/page.js";
import { sample } from "../helpers.js";

const truth = JSON.parse(readFileSync(sample("scan.truth.json"), "utf8")) as { rows: string[][]; total: string[] };
const reader = ocrReader("auto", 1)!;
afterAll(() => reader.close());

async function firstPage(file: string, pictures: typeof reader | null = reader): Promise<Page> {
  const r = await openPdf(sample(file), pictures ? { pictures } : {});
  if (!r.ok) throw new Error(r.error.message);
  try {
    return await r.doc.page(1);
  } finally {
    await r.doc.close();
  }
}

describe("OCR of a scanned page", () => {
  test("image-only page: read by OCR into a ruled table whose every amount is right or flagged", { timeout: 120_000 }, async () => {
    const page = await firstPage("scan-image-only.pdf");
    expect(page.ocr?.reason).toBe("no-text");
    expect(page.diagnostics.map((d) => d.rule)).not.toContain("pdf/page-no-text");
    // The picture's own ruling lines: the table's 6 rows and 3 columns.
    expect(page.rules.filter((r) => r.axis === "h").length).toBeGreaterThanOrEqual(6);
    expect(page.rules.filter((r) => r.axis === "v").length).toBeGreaterThanOrEqual(3);
    const [t] = stitchTables(findTables(page));
    expect(t!.kind).toBe("lattice");
    const rows = dataRows(t!);
    const want = [...truth.rows, truth.total];
    expect(rows.map((r) => r[0])).toHaveLength(want.length);
    const readings = ocrReadings(page);
    const checks = checkTotals(t!);
    const suspects = suspectDigits(t!, checks, readings);
    let right = 0;
    want.forEach(([, amount], i) => {
      const cell = t!.cells.find((c) => c.row === t!.headerRows + i && c.col === 1)!;
      if (cell.text === amount) right++;
      // A wrong reading is never silent: its confidence is low, or the total it is part of fails.
      else expect((cellConfidence(cell, readings) ?? 1) < LOW_CONFIDENCE || checks.some((c) => !c.ok)).toBe(true);
    });
    expect(right).toBeGreaterThanOrEqual(3);
    // The total is checked; when it fails, the finding names low-confidence cells and corrects nothing.
    expect(checks.filter((c) => c.label === "合計")).toHaveLength(1);
    if (checks.some((c) => !c.ok)) expect(suspects.map((d) => d.rule)).toEqual(["ocr/suspect-digit"]);
    else expect(suspects).toEqual([]);
  });

  test("invisible text layer over a scan: replaced by OCR and reported; kept with --ocr off", { timeout: 120_000 }, async () => {
    const page = await firstPage("scan-invisible-layer.pdf");
    expect(page.ocr?.reason).toBe("invisible-text");
    const replaced = page.diagnostics.find((d) => d.rule === "ocr/replaced-invisible-layer");
    expect(replaced?.actual).toBe("TOTAL 3");
    expect(page.runs.map((r) => r.text).join(" ")).not.toContain("TOTAL");
    expect(page.runs.map((r) => r.text)).toContain("1,250,000");
    // off: today's behaviour, the layer as the PDF has it.
    const off = await firstPage("scan-invisible-layer.pdf", null);
    expect(off.ocr).toBeUndefined();
    expect(off.runs.map((r) => r.text)).toEqual(["TOTAL 3"]);
  });
});
