/**
 * A scan that covers part of a page (reduced onto half of an A3 sheet, a scanned insert)
 * is read from the part its images cover, not from a picture of the whole sheet, and its
 * text lands where it is printed on the page.
 */
import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { afterAll, expect, test } from "vitest";
import { ocrReader } from "../../src/ocr/index.js";
import { imageExtent } from "../../src/pdf/images.js";
import { openPdf } from "../../src/pdf/load.js";
import { findTables } from "../../src/table/find.js";
import { dataRows, stitchTables } from "../../src/table/stitch.js";
import { sample } from "../helpers.js";

const truth = JSON.parse(readFileSync(sample("scan.truth.json"), "utf8")) as { rows: string[][]; total: string[] };
const reader = ocrReader("auto", 1)!;
afterAll(() => reader.close());

const A4 = { width: 595, height: 842 };
const matrix = (x: number, y: number, w: number, h: number) => [w, 0, 0, h, x, y] as [number, number, number, number, number, number];

test("a picture's extent: its images' boxes with 12 pt of paper, within the page", () => {
  expect(imageExtent([{ matrix: matrix(100, 200, 300, 150) }], A4)).toEqual({ x0: 88, y0: 188, x1: 412, y1: 362, cut: true });
  // Two images: the box around both; clamped to the page's edges.
  expect(imageExtent([{ matrix: matrix(5, 5, 50, 50) }, { matrix: matrix(300, 700, 100, 130) }], A4)).toEqual({ x0: 0, y0: 0, x1: 412, y1: 842, cut: true });
});

test("a picture covering most of the page is the whole page (a full-page scan is read as before)", () => {
  expect(imageExtent([{ matrix: matrix(0, 0, 595, 842) }], A4)).toEqual({ x0: 0, y0: 0, x1: 595, y1: 842, cut: false });
  expect(imageExtent([{ matrix: matrix(30, 30, 535, 782) }], A4)).toMatchObject({ cut: false });
});

test("a scan reduced onto the right half of an A3 sheet: its table read, every run where the scan is printed", { timeout: 180_000 }, async () => {
  const src = await PDFDocument.load(readFileSync(sample("scan-image-only.pdf")));
  const out = await PDFDocument.create();
  const [embedded] = await out.embedPages([src.getPage(0)]);
  const [W, H] = [1190.55, 841.89];
  const scale = (W / 2 - 20) / embedded!.width;
  const x = 10 + W / 2;
  const y = (H - embedded!.height * scale) / 2;
  out.addPage([W, H]).drawPage(embedded!, { x, y, xScale: scale, yScale: scale });
  const r = await openPdf(await out.save(), { pictures: reader, name: "a3-half-scan.pdf" });
  if (!r.ok) throw new Error(r.error.message);
  const page = await r.doc.page(1);
  await r.doc.close();
  expect(page.ocr?.reason).toBe("no-text");
  // The scan's area on the sheet (top-left origin), in points.
  const area = { x0: x, x1: x + embedded!.width * scale, y0: H - y - embedded!.height * scale, y1: H - y };
  expect(page.runs.length).toBeGreaterThan(5);
  for (const run of page.runs) {
    expect(run.box.x0).toBeGreaterThanOrEqual(area.x0 - 1);
    expect(run.box.x1).toBeLessThanOrEqual(area.x1 + 1);
    expect(run.box.y0).toBeGreaterThanOrEqual(area.y0 - 1);
    expect(run.box.y1).toBeLessThanOrEqual(area.y1 + 1);
  }
  // The picture's ruling lines are on the sheet where the scan's table is: its rows and columns read.
  const [t] = stitchTables(findTables(page));
  expect(t!.kind).toBe("lattice");
  expect(dataRows(t!).map((row) => row[0])).toHaveLength(truth.rows.length + 1);
  for (const rule of page.rules) expect(rule.axis === "v" ? rule.pos : rule.start).toBeGreaterThanOrEqual(area.x0 - 1);
});
